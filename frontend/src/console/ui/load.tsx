/**
 * Loading what a part of a page shows. `useLoad` runs a request when its inputs change and
 * again on `reload()`; while reloading it keeps showing what it had (a row that changed is
 * updated in place, nothing flashes). `<Loaded>` shows "loading", the failure, or the data.
 */
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { failureMessage } from "./api";
import { s } from "../strings";

export type LoadState<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; resolves when the new data is shown (a failure keeps the old data and rejects). */
  reload: () => Promise<void>;
  /** Replaces the data with what an action answered (no second request). */
  set: (data: T) => void;
};

export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): LoadState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const run = useCallback(async (rethrow: boolean) => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, loading: true }));
    try {
      const data = await loader.current();
      if (ticket === latest.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (ticket === latest.current) setState((current) => ({ data: current.data, error: current.data === undefined ? error : null, loading: false }));
      if (rethrow) throw error;
    }
  }, []);
  useEffect(() => {
    void run(false);
  }, inputs);
  return { ...state, reload: () => run(true), set: (data: T) => setState({ data, error: null, loading: false }) };
}

export function Loading({ text }: { text?: string }) {
  return (
    <p class="loading" role="status">
      {text ?? s("common.loading")}
    </p>
  );
}

export function LoadFailure({ error, children }: { error: unknown; children?: ComponentChildren }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{failureMessage(error)}</p>
      {children}
    </div>
  );
}

/** Loading, the failure, or `children(data)`. */
export function Loaded<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ComponentChildren }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error) return <LoadFailure error={state.error} />;
  return <Loading />;
}
