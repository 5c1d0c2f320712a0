/**
 * Cloudflare Turnstile on a public form, only where the operator configured it
 * (GET /api/config names a site key); otherwise nothing is loaded and no third party is
 * contacted. The token goes with the form; after any refused submission the widget is
 * reset, since a token is valid once.
 */
import { api } from "./api";
import { h } from "./dom";

type TurnstileApi = {
  render(container: HTMLElement, options: { sitekey: string; language?: string }): string;
  getResponse(widgetId: string): string | undefined;
  reset(widgetId: string): void;
};

export type Challenge = { token(): string | undefined; reset(): void };

/** Adds the widget to `container` when configured; the returned handle is inert otherwise. */
export async function addChallenge(container: HTMLElement): Promise<Challenge> {
  const inert: Challenge = { token: () => undefined, reset: () => undefined };
  let config: { turnstileSiteKey: string | null; turnstileScript: string | null };
  try {
    config = await api("/api/config");
  } catch {
    return inert;
  }
  if (!config.turnstileSiteKey || !config.turnstileScript) return inert;
  await new Promise<void>((resolve, reject) => {
    const script = h("script", { src: config.turnstileScript, async: true });
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => reject(new Error("turnstile")));
    document.head.append(script);
  }).catch(() => undefined);
  const turnstile = (window as unknown as { turnstile?: TurnstileApi }).turnstile;
  if (!turnstile) return inert;
  const id = turnstile.render(container, { sitekey: config.turnstileSiteKey, language: document.documentElement.lang });
  return { token: () => turnstile.getResponse(id) || undefined, reset: () => turnstile.reset(id) };
}
