/**
 * The check-in page for phones (/console/checkin): choose the event and date, scan QR codes
 * with the camera, find people by name (across scripts and spellings, on the phone itself)
 * or in the list of who has not arrived yet and who has, see at once and unmistakably what
 * happened (colour, icon and words, announced to screen readers), take a check-in back,
 * check in some of a household's places, and add walk-ins while places are free.
 *
 * On a poor connection it keeps working: a service worker keeps the page, the date's list
 * of confirmed people is kept on the phone (./store.ts), and check-ins recorded offline wait
 * in a queue that is sent when the connection returns; each carries the phone's own id, so
 * the server records it once however often it arrives (./door.ts). Whether it is online and
 * how many check-ins are waiting is always on screen; what came back with a conflict (a
 * registration cancelled meanwhile, a check-in undone on another phone) is listed until the
 * helper has seen it. Offline only people already confirmed can be checked in; walk-ins need
 * the connection.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { CheckInResult, DoorEvent, DoorListResponse, DoorPerson, DoorSession, ScanOutcome } from "../../../workers/src/console-types";
import { nameKey, nameMatcher } from "../../../workers/src/lib/name-search";
import { statusLabel } from "../../../workers/src/i18n/vocabulary";
import { api, ApiFailure, failureMessage, isOffline, loadMe, type Me } from "../console/ui/api";
import { Form, SelectField, TextField, useForm } from "../console/ui/form";
import { MessageArea, Notice, useReport } from "../console/ui/messages";
import { mountPage, PageHeading, useTitle } from "../console/ui/page";
import { consoleLocale, counted } from "../console/strings";
import { formatTime } from "../console/ui/time";
import { applyResults, clockTime, conflictMessage, idInCode, isConflict, sendQueue, withQueue, type Answered } from "./door";
import { forgetPastLists, newClientId, store, type Conflict, type QueuedCheckIn } from "./store";
import { c, type CheckInKey } from "./strings";
import { startScanner, type Scanner } from "./scanner";

type Shown = { outcome: string; person?: DoorPerson; queued?: boolean; afterwards?: boolean; message?: string };

function sessionLabel(session: DoorSession, zone: string): string {
  const text = `${formatTime(session.startsAt, "weekday", zone)}${session.title ? ` · ${session.title}` : ""}`;
  return session.cancelled ? `${text} (${c("cancelled_date")})` : text;
}

/** The date to start with: the one whose check-in is open now, else the next, else the last. */
function defaultSession(sessions: DoorSession[], now = Date.now()): DoorSession | undefined {
  const live = sessions.filter((s) => !s.cancelled);
  return (
    live.find((s) => Date.parse(s.checkinOpensAt) <= now && now < Date.parse(s.checkinClosesAt)) ?? live.find((s) => Date.parse(s.endsAt) >= now) ?? live.at(-1) ?? sessions[0]
  );
}

function statusText(person: DoorPerson): string {
  // "not_confirmed" gathers the statuses that let nobody in; the others are the staff's one word for them.
  const parts = [person.status === "not_confirmed" ? c("status.not_confirmed") : statusLabel(person.status, consoleLocale())];
  if (person.places > 1) parts.push(c("places_of", { places: person.places }));
  if (person.checkedInTime) parts.push(c("checked_in_at", { time: person.checkedInTime }));
  return parts.join(" · ");
}

// ---------------------------------------------------------------- connection and queue

function ConnectionBar({ online, waiting, syncing, signedOut }: { online: boolean; waiting: number; syncing: boolean; signedOut: boolean }) {
  const kind = signedOut ? "error" : online ? (waiting > 0 ? "warn" : "ok") : "warn";
  const text = signedOut
    ? c("connection.signed_out", { count: waiting })
    : !online
      ? c(waiting > 0 ? "connection.offline_waiting" : "connection.offline", { count: waiting })
      : syncing
        ? c("connection.syncing", { count: waiting })
        : waiting > 0
          ? c("connection.online_waiting", { count: waiting })
          : c("connection.online");
  return (
    <p class={`connection connection-${kind}`} role="status" data-online={online ? "true" : "false"} data-waiting={waiting}>
      <span class="connection-dot" aria-hidden="true" />
      {text}
      {signedOut ? (
        <>
          {" "}
          <a href="/console/sign-in">{c("connection.sign_in")}</a>
        </>
      ) : null}
    </p>
  );
}

function Conflicts({ conflicts, onDismiss }: { conflicts: Conflict[]; onDismiss: (clientId: string) => void }) {
  if (conflicts.length === 0) return null;
  return (
    <section class="conflicts notice notice-error" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{c("conflicts.title", { count: conflicts.length })}</h2>
      <p class="hint">{c("conflicts.hint")}</p>
      <ul class="checkin-people">
        {conflicts.map((conflict) => (
          <li key={conflict.clientId} data-conflict={conflict.outcome}>
            <span class="person-name" dir="auto">
              {conflict.name}
              <span class="person-state">{conflict.message}</span>
            </span>
            <button type="button" class="button button-secondary button-small" onClick={() => onDismiss(conflict.clientId)}>
              {c("conflicts.seen")}
              <span class="visually-hidden">: {conflict.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---------------------------------------------------------------- the result

function Result({ shown, onUndo, onPlaces }: { shown: Shown | null; onUndo: (person: DoorPerson) => void; onPlaces: (person: DoorPerson, places: number) => void }) {
  const ref = useRef<HTMLElement>(null);
  const [places, setPlaces] = useState(0);
  useEffect(() => {
    if (!shown) return;
    ref.current?.scrollIntoView({ block: "nearest" });
    if (navigator.vibrate) navigator.vibrate(shown.outcome === "checked_in" || shown.outcome === "undone" ? 80 : [60, 60, 60]);
    setPlaces(shown.person?.checkedInPlaces ?? shown.person?.places ?? 0);
  }, [shown]);
  if (!shown) return <section class="checkin-result" role="alert" aria-live="assertive" hidden />;
  const kind = shown.outcome === "checked_in" || shown.outcome === "undone" ? "ok" : shown.outcome === "already_checked_in" ? "warn" : "error";
  const icon = kind === "ok" ? "✓" : kind === "warn" ? "!" : "✗";
  const person = shown.person;
  const title =
    shown.outcome === "already_checked_in"
      ? c("outcome.already_checked_in", { time: person?.checkedInTime ?? "" })
      : shown.outcome === "refused"
        ? (shown.message ?? c("outcome.invalid"))
        : c(`outcome.${shown.outcome}` as CheckInKey);
  const inside = person && (shown.outcome === "checked_in" || shown.outcome === "already_checked_in");
  return (
    <section ref={ref} class={`checkin-result result-${kind}`} role="alert" aria-live="assertive" data-outcome={shown.outcome}>
      <span class="result-icon" aria-hidden="true">
        {icon}
      </span>
      <p class="result-title">{title}</p>
      {person ? (
        <p class="result-name" dir="auto">
          {person.name}
        </p>
      ) : null}
      {shown.queued ? <p class="result-note">{c("outcome.queued_note")}</p> : null}
      {shown.afterwards ? <p class="result-note">{c("outcome.afterwards_note")}</p> : null}
      {person && person.places > 1 && person.checkedInPlaces !== null ? <p>{c("places_checked_in", { checked: person.checkedInPlaces, places: person.places })}</p> : null}
      {inside ? (
        <div class="result-actions">
          {person.places > 1 ? (
            <form
              class="checkin-places"
              onSubmit={(event) => {
                event.preventDefault();
                onPlaces(person, places);
              }}
            >
              <label class="visually-hidden" for="result-places">
                {c("change_places")}
              </label>
              <select id="result-places" value={String(places)} onChange={(event) => setPlaces(Number(event.currentTarget.value))}>
                {Array.from({ length: person.places }, (_, i) => (
                  <option key={i} value={String(i + 1)}>
                    {i + 1}
                  </option>
                ))}
              </select>
              <button type="submit" class="button button-secondary button-small">
                {c("save_places")}
              </button>
            </form>
          ) : null}
          <button type="button" class="button button-secondary button-small" onClick={() => onUndo(person)}>
            {c("undo")}
            <span class="visually-hidden">: {person.name}</span>
          </button>
        </div>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- one person in a list

function PersonRow({
  person,
  busy,
  onCheckIn,
  onUndo,
}: {
  person: DoorPerson;
  busy: boolean;
  onCheckIn: (person: DoorPerson, places?: number) => void;
  onUndo: (person: DoorPerson) => void;
}) {
  const [places, setPlaces] = useState(person.places);
  const inside = person.checkedInPlaces !== null;
  return (
    <li data-registration-id={person.registrationId} data-checked-in={inside ? "true" : "false"}>
      <span class="person-name" dir="auto">
        {person.name}
        <span class="person-state">{statusText(person)}</span>
      </span>
      <span class="checkin-places">
        {!inside && person.places > 1 ? (
          <select aria-label={`${c("places_label")}: ${person.name}`} value={String(places)} onChange={(event) => setPlaces(Number(event.currentTarget.value))}>
            {Array.from({ length: person.places }, (_, i) => (
              <option key={i} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        ) : null}
        {inside ? (
          <button type="button" class="button button-secondary button-small" disabled={busy} aria-label={c("undo_person", { name: person.name })} onClick={() => onUndo(person)}>
            {c("undo")}
          </button>
        ) : (
          <button
            type="button"
            class="button button-small"
            disabled={busy}
            aria-label={c("check_in_person", { name: person.name })}
            onClick={() => onCheckIn(person, person.places > 1 ? places : undefined)}
          >
            {c("check_in")}
          </button>
        )}
      </span>
    </li>
  );
}

// ---------------------------------------------------------------- walk-ins

function WalkIn({
  event,
  session,
  online,
  onDone,
}: {
  event: DoorEvent;
  session: DoorSession;
  online: boolean;
  onDone: (outcome: ScanOutcome | { outcome: "already_registered" }) => void;
}) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [places, setPlaces] = useState("1");
  const form = useForm();
  return (
    <details class="subform">
      <summary>{c("walk_in")}</summary>
      {online ? (
        <MessageArea>
          <Form
            form={form}
            aria-label={c("walk_in")}
            submitLabel={c("walk_in_button")}
            busyLabel={c("walk_in_busy")}
            onSubmit={async () => {
              const outcome = await api.post<ScanOutcome | { outcome: "already_registered" }>(`/api/console/events/${event.id}/checkin/walk-in`, {
                sessionId: session.id,
                name,
                email: email.trim(),
                places: Number(places) || 1,
                locale: consoleLocale(),
              });
              if (outcome.outcome === "checked_in") {
                setName("");
                setEmail("");
                setPlaces("1");
              }
              onDone(outcome);
            }}
          >
            <p class="hint">{c("walk_in_intro")}</p>
            <TextField name="name" label={c("walk_in_name")} required value={name} onValue={setName} input={{ maxLength: 200, autoComplete: "off" }} />
            <TextField name="email" label={c("walk_in_email")} type="email" value={email} onValue={setEmail} input={{ maxLength: 254, autoComplete: "off" }} />
            <TextField
              name="places"
              label={c("walk_in_places")}
              type="number"
              value={places}
              onValue={setPlaces}
              input={{ min: 1, max: 20, inputMode: "numeric", class: "input-short" }}
            />
          </Form>
        </MessageArea>
      ) : (
        <p class="notice">{c("walk_in_offline")}</p>
      )}
    </details>
  );
}

// ---------------------------------------------------------------- the page

function useOnline(): [boolean, (online: boolean) => void] {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener("online", on);
    addEventListener("offline", off);
    return () => {
      removeEventListener("online", on);
      removeEventListener("offline", off);
    };
  }, []);
  return [online, setOnline];
}

function CheckInPage({ me: initialMe }: { me: Me | null }) {
  useTitle(c("title"));
  const report = useReport();
  const [me, setMe] = useState(initialMe);
  const [online, setOnline] = useOnline();
  const [events, setEvents] = useState<DoorEvent[] | null>(() => store.events());
  const [eventsError, setEventsError] = useState<unknown>(null);
  const params = new URLSearchParams(location.search);
  const [eventId, setEventId] = useState<number | null>(Number(params.get("event")) || null);
  const [sessionId, setSessionId] = useState<number | null>(Number(params.get("session")) || null);
  const [list, setList] = useState<DoorListResponse | null>(null);
  const [queue, setQueue] = useState<QueuedCheckIn[]>(() => store.queue());
  const [conflicts, setConflicts] = useState<Conflict[]>(() => store.conflicts());
  const [shown, setShown] = useState<Shown | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [query, setQuery] = useState("");
  const [others, setOthers] = useState<DoorPerson[]>([]);
  const [tab, setTab] = useState<"missing" | "arrived">("missing");
  const [busy, setBusy] = useState(false);
  const [scanner, setScanner] = useState<Scanner | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const flushing = useRef<Promise<Answered[] | null> | null>(null);

  const event = events?.find((e) => e.id === eventId) ?? events?.[0] ?? null;
  const session = event ? (event.sessions.find((s) => s.id === sessionId) ?? defaultSession(event.sessions) ?? null) : null;
  const zone = event?.timeZone ?? "Europe/Berlin";

  // The events: from the server when online, else what the phone kept.
  useEffect(() => {
    api.get<{ events: DoorEvent[] }>("/api/console/checkin/events", { redirectOn401: false }).then(
      ({ events: fresh }) => {
        setEvents(fresh);
        store.saveEvents(fresh);
        forgetPastLists(fresh);
      },
      (error: unknown) => {
        if (isOffline(error)) setOnline(false);
        else if (error instanceof ApiFailure && error.status === 401) setSignedOut(true);
        if (!store.events()) setEventsError(error);
      },
    );
    void navigator.serviceWorker?.register("/console/checkin-sw.js", { scope: "/console/checkin" }).catch(() => undefined);
  }, []);

  // The date's list: what the phone kept at once, then the server's.
  const loadList = async (): Promise<void> => {
    if (!event || !session) return;
    try {
      const fresh = await api.get<DoorListResponse>(`/api/console/events/${event.id}/checkin/list?sessionId=${session.id}`, { redirectOn401: false });
      store.saveList(fresh);
      setList(fresh);
      setOnline(true);
    } catch (error) {
      if (isOffline(error)) setOnline(false);
    }
  };
  useEffect(() => {
    if (!event || !session) return;
    setList(store.list(event.id, session.id));
    setShown(null);
    setOthers([]);
    const url = new URL(location.href);
    url.searchParams.set("event", String(event.id));
    url.searchParams.set("session", String(session.id));
    history.replaceState(null, "", url);
    void loadList();
  }, [event?.id, session?.id]);

  /** Sends the queue (one run at a time); what came back updates the list and the conflicts. */
  const flush = (): Promise<Answered[] | null> => {
    if (flushing.current) return flushing.current;
    const run = (async () => {
      if (store.queue().length === 0) return [];
      setSyncing(true);
      try {
        if (!me) {
          try {
            setMe(await loadMe({ redirectOn401: false }));
          } catch (error) {
            if (isOffline(error)) setOnline(false);
            else if (error instanceof ApiFailure && error.status === 401) setSignedOut(true);
            return null;
          }
        }
        const outcome = await sendQueue();
        setQueue(store.queue());
        setConflicts(store.conflicts());
        setOnline(!outcome.offline);
        setSignedOut(outcome.signedOut);
        if (event && session) setList((current) => (current ? { ...current, people: applyResults(current.people, outcome.answered, event.id, session.id) } : current));
        if (outcome.answered.length > 0 && !outcome.offline) void loadList();
        return outcome.offline || outcome.signedOut ? null : outcome.answered;
      } finally {
        setSyncing(false);
        flushing.current = null;
      }
    })();
    flushing.current = run;
    return run;
  };

  // Back online, and every half minute while something waits: send the queue, refresh the list.
  useEffect(() => {
    if (online) void flush();
    const timer = setInterval(() => {
      if (store.queue().length > 0) void flush();
      else if (navigator.onLine) void loadList();
    }, 30_000);
    return () => clearInterval(timer);
  }, [online, event?.id, session?.id]);

  const people = useMemo(() => (list && event && session ? withQueue(list.people, queue, event.id, session.id, zone) : []), [list, queue, event?.id, session?.id]);
  const keyed = useMemo(() => people.map((person) => ({ person, key: nameKey(person.name) })), [people]);

  /** Records a check-in in the queue, shows it at once, and sends it; online, the server's answer is shown. */
  const record = async (item: Omit<QueuedCheckIn, "clientId" | "recordedAt" | "eventId" | "sessionId">, person: DoorPerson | null) => {
    if (!event || !session) return;
    const queued: QueuedCheckIn = { ...item, clientId: newClientId(), recordedAt: new Date().toISOString(), eventId: event.id, sessionId: session.id };
    store.saveQueue([...store.queue(), queued]);
    setQueue(store.queue());
    setBusy(true);
    try {
      const answered = await flush();
      const mine = answered?.find((a) => a.queued.clientId === queued.clientId)?.result;
      if (mine) show(mine);
      else if (person)
        setShown({
          outcome: "checked_in",
          queued: true,
          person: { ...person, checkedInPlaces: item.places ?? person.places, checkedInAt: queued.recordedAt, checkedInTime: clockTime(queued.recordedAt, zone) },
        });
    } finally {
      setBusy(false);
    }
  };

  const show = (result: CheckInResult) => {
    if (result.outcome === "refused") return setShown({ outcome: "refused", message: result.message });
    if (isConflict(result) && result.outcome !== "cancelled" && result.outcome !== "waitlisted" && result.outcome !== "not_confirmed") {
      // The conflict is in the list below too; here the same words.
      return setShown({ outcome: result.outcome, person: "person" in result ? result.person : undefined, message: conflictMessage(result) });
    }
    setShown({ outcome: result.outcome, person: "person" in result ? result.person : undefined, afterwards: "afterwards" in result ? result.afterwards : false });
  };

  const checkIn = (person: DoorPerson, places?: number) => {
    if (person.status !== "confirmed" && !online) return setShown({ outcome: "offline_not_confirmed", person });
    void record({ registrationId: person.registrationId, places, name: person.name }, person);
  };

  const scanCode = async (code: string) => {
    const id = idInCode(code);
    const person = people.find((p) => p.registrationId === id) ?? null;
    if (!online && (!person || person.status !== "confirmed")) return setShown({ outcome: "offline_unknown" });
    await record({ code, registrationId: person?.registrationId, name: person?.name ?? "" }, person);
  };

  const undo = async (person: DoorPerson) => {
    if (!event || !session) return;
    const waiting = store.queue().find((q) => q.eventId === event.id && q.sessionId === session.id && q.registrationId === person.registrationId);
    if (waiting) {
      store.saveQueue(store.queue().filter((q) => q.clientId !== waiting.clientId));
      setQueue(store.queue());
      return setShown({ outcome: "undone", person: { ...person, checkedInPlaces: null, checkedInAt: null, checkedInTime: null } });
    }
    if (!online) return report({ kind: "error", text: c("undo_offline") });
    setBusy(true);
    try {
      await api.post(`/api/console/events/${event.id}/checkin/undo`, { registrationId: person.registrationId, sessionId: session.id });
      // The row changes at once; the list is loaded again behind it.
      const undone = { ...person, checkedInPlaces: null, checkedInAt: null, checkedInTime: null };
      setList((current) => (current ? { ...current, people: current.people.map((p) => (p.registrationId === person.registrationId ? undone : p)) } : current));
      setShown({ outcome: "undone", person: undone });
      void loadList();
    } catch (error) {
      if (isOffline(error)) setOnline(false);
      report({ kind: "error", text: isOffline(error) ? c("undo_offline") : failureMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const changePlaces = async (person: DoorPerson, places: number) => {
    if (!event || !session) return;
    const waiting = store.queue().find((q) => q.eventId === event.id && q.sessionId === session.id && q.registrationId === person.registrationId);
    if (waiting) {
      store.saveQueue(store.queue().map((q) => (q.clientId === waiting.clientId ? { ...q, places } : q)));
      setQueue(store.queue());
      return setShown({ outcome: "checked_in", queued: true, person: { ...person, checkedInPlaces: places } });
    }
    try {
      const answer = await api.post<{ person: DoorPerson }>(`/api/console/events/${event.id}/checkin/places`, {
        registrationId: person.registrationId,
        sessionId: session.id,
        places,
      });
      setList((current) => (current ? { ...current, people: current.people.map((p) => (p.registrationId === person.registrationId ? answer.person : p)) } : current));
      setShown({ outcome: "checked_in", person: answer.person });
    } catch (error) {
      report({ kind: "error", text: isOffline(error) ? c("places_offline") : failureMessage(error) });
    }
  };

  // Search on the phone (works offline); online, people not in the list (cancelled, waiting) are asked for too.
  const matches = useMemo(() => {
    const test = nameMatcher(query);
    return query.trim() ? keyed.filter(({ key }) => test(key)).map(({ person }) => person) : [];
  }, [query, keyed]);
  useEffect(() => {
    setOthers([]);
    if (!event || !session || !query.trim() || matches.length > 0 || !online) return;
    const ticket = setTimeout(() => {
      api
        .get<{ people: DoorPerson[] }>(`/api/console/events/${event.id}/checkin/search?sessionId=${session.id}&q=${encodeURIComponent(query.trim())}`, { redirectOn401: false })
        .then(
          ({ people: found }) => setOthers(found),
          () => undefined,
        );
    }, 250);
    return () => clearTimeout(ticket);
  }, [query, matches.length, online, event?.id, session?.id]);

  const stopScanner = () => {
    scanner?.stop();
    setScanner(null);
  };
  useEffect(() => () => scanner?.stop(), [scanner]);

  if (!events) {
    return (
      <>
        <PageHeading>{c("title")}</PageHeading>
        <ConnectionBar online={online} waiting={queue.length} syncing={syncing} signedOut={signedOut} />
        {eventsError ? <Notice kind="error">{isOffline(eventsError) ? c("offline_no_events") : failureMessage(eventsError)}</Notice> : <p class="loading">{c("loading")}</p>}
      </>
    );
  }
  if (events.length === 0 || !event || !session) {
    return (
      <>
        <PageHeading>{c("title")}</PageHeading>
        <Notice>{c("no_events")}</Notice>
      </>
    );
  }
  const now = Date.now();
  const notOpen = Date.parse(session.checkinOpensAt) > now;
  const closed = Date.parse(session.checkinClosesAt) <= now;
  const expected = people.filter((p) => p.status === "confirmed");
  const arrived = people.filter((p) => p.checkedInPlaces !== null);
  const missing = expected.filter((p) => p.checkedInPlaces === null);
  const shownList = tab === "missing" ? missing : arrived;
  return (
    <>
      <PageHeading>{c("title")}</PageHeading>
      <ConnectionBar online={online} waiting={queue.length} syncing={syncing} signedOut={signedOut} />
      <div class="checkin-choice">
        <SelectField
          name="event"
          label={c("event")}
          value={String(event.id)}
          onValue={(value) => {
            setEventId(Number(value));
            setSessionId(null);
          }}
          options={events.map((e) => ({ value: String(e.id), label: e.title }))}
        />
        <SelectField
          name="session"
          label={c("date")}
          value={String(session.id)}
          onValue={(value) => setSessionId(Number(value))}
          options={event.sessions.map((s) => ({ value: String(s.id), label: sessionLabel(s, zone) }))}
        />
      </div>
      <p class="checkin-count" aria-live="polite">
        {c("count", {
          places: arrived.reduce((sum, p) => sum + (p.checkedInPlaces ?? 0), 0),
          // The noun follows the total: "0 von 1 Person", "2 von 5 Personen".
          expected: counted("people", expected.reduce((sum, p) => sum + p.places, 0)),
          registrations: arrived.length,
          expectedRegistrations: counted("registrations", expected.length),
        })}
      </p>
      {list ? <p class="hint">{c("list_from", { time: clockTime(list.at, zone) })}</p> : null}
      {notOpen ? <Notice>{c("window_not_open", { date: formatTime(session.checkinOpensAt, "weekday", zone) })}</Notice> : null}
      {closed ? <Notice>{c("window_closed")}</Notice> : null}
      <Result shown={shown} onUndo={(person) => void undo(person)} onPlaces={(person, places) => void changePlaces(person, places)} />
      <Conflicts
        conflicts={conflicts.filter((x) => x.eventId === event.id)}
        onDismiss={(clientId) => {
          store.saveConflicts(store.conflicts().filter((x) => x.clientId !== clientId));
          setConflicts(store.conflicts());
        }}
      />
      <p class="hint">{c("scan_hint")}</p>
      <button
        type="button"
        class="button checkin-wide"
        aria-pressed={scanner ? "true" : "false"}
        onClick={async () => {
          if (scanner) return stopScanner();
          try {
            setScanner(await startScanner(video.current!, scanCode));
          } catch (error) {
            stopScanner();
            report({ kind: "error", text: error instanceof Error && error.message === "unsupported" ? c("camera_unsupported") : c("camera_failed") });
          }
        }}
      >
        {scanner ? c("scan_stop") : c("scan_start")}
      </button>
      <video ref={video} class="checkin-video" hidden={!scanner} aria-hidden="true" muted playsInline />
      <div class="subform" role="search">
        <TextField
          name="q"
          label={c("search_label")}
          hint={c("search_hint")}
          type="search"
          value={query}
          onValue={setQuery}
          input={{ autoComplete: "off", enterKeyHint: "search" }}
        />
        {query.trim() ? (
          matches.length + others.length === 0 ? (
            <p>{c("search_none")}</p>
          ) : (
            <>
              <h2 class="visually-hidden">{c("search_results")}</h2>
              <ul class="checkin-people">
                {[...matches, ...others].map((person) => (
                  <PersonRow key={person.registrationId} person={person} busy={busy} onCheckIn={checkIn} onUndo={(p) => void undo(p)} />
                ))}
              </ul>
            </>
          )
        ) : null}
      </div>
      <section class="subform" aria-labelledby="door-list-heading">
        <h2 id="door-list-heading">{c("list_title")}</h2>
        <div class="button-row tabs" role="group" aria-label={c("list_title")}>
          <button
            type="button"
            class={tab === "missing" ? "button button-small" : "button button-secondary button-small"}
            aria-pressed={tab === "missing" ? "true" : "false"}
            onClick={() => setTab("missing")}
          >
            {c("list_missing", { count: missing.length })}
          </button>
          <button
            type="button"
            class={tab === "arrived" ? "button button-small" : "button button-secondary button-small"}
            aria-pressed={tab === "arrived" ? "true" : "false"}
            onClick={() => setTab("arrived")}
          >
            {c("list_arrived", { count: arrived.length })}
          </button>
        </div>
        {shownList.length === 0 ? (
          <p>{c(tab === "missing" ? "list_missing_none" : "list_arrived_none")}</p>
        ) : (
          <ul class="checkin-people" aria-label={c(tab === "missing" ? "list_missing_label" : "list_arrived_label")}>
            {shownList.map((person) => (
              <PersonRow key={person.registrationId} person={person} busy={busy} onCheckIn={checkIn} onUndo={(p) => void undo(p)} />
            ))}
          </ul>
        )}
      </section>
      <WalkIn
        event={event}
        session={session}
        online={online}
        onDone={(outcome) => {
          if (outcome.outcome === "already_registered") setShown({ outcome: "already_registered" });
          else if ("person" in outcome) {
            setShown({ outcome: outcome.outcome, person: outcome.person });
            void loadList();
          }
        }}
      />
      <p class="subform">
        <a class="signature-link" href={`/api/console/events/${event.id}/sessions/${session.id}/signature-list.pdf`}>
          {c("signature_list")}
        </a>
      </p>
    </>
  );
}

void mountPage(CheckInPage, { offline: true });
