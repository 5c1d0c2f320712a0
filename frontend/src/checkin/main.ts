/**
 * The check-in page for phones (/console/checkin): choose the event and date, scan QR codes
 * with the camera or find people by name, see at once and unmistakably what happened (colour,
 * icon and words, announced to screen readers), take a check-in back, check in some of a
 * household's places, and add walk-ins while places are free.
 */
import { announce, call, ConsoleFailure, failureMessage, field, h, pageHeading, setChildren, startConsole } from "../console/core";
import { consoleLocale } from "../console/strings";
import { statusLabel } from "../../../workers/src/i18n/vocabulary";
import { DEFAULT_TIME_ZONE } from "../../../workers/src/lib/time-zone";
import { c, type CheckInKey } from "./strings";
import { startScanner, type Scanner } from "./scanner";

type DoorSession = {
  id: number;
  startsAt: string;
  endsAt: string;
  title: string | null;
  cancelled: boolean;
  expected: { registrations: number; places: number };
  checkedIn: { registrations: number; places: number };
};
type DoorEvent = { id: number; title: string; sessions: DoorSession[] };
type DoorPerson = {
  registrationId: number;
  name: string;
  places: number;
  status: "confirmed" | "cancelled" | "waitlisted" | "not_confirmed";
  checkedInPlaces: number | null;
  checkedInTime: string | null;
};
type Outcome =
  | { outcome: "checked_in" | "already_checked_in" | "cancelled" | "waitlisted" | "not_confirmed"; person: DoorPerson }
  | { outcome: "wrong_event" | "wrong_session" | "invalid" | "already_registered" | "undone"; person?: undefined };

const dateFormat = new Intl.DateTimeFormat("de-DE", { timeZone: DEFAULT_TIME_ZONE, weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });

function sessionLabel(session: DoorSession): string {
  const text = `${dateFormat.format(Date.parse(session.startsAt))}${session.title ? ` · ${session.title}` : ""}`;
  return session.cancelled ? `${text} (${c("cancelled_date")})` : text;
}

/** The date to start with: the one running now or next, else the last one. */
function defaultSession(sessions: DoorSession[]): DoorSession | undefined {
  const now = Date.now();
  const live = sessions.filter((s) => !s.cancelled);
  return live.find((s) => Date.parse(s.endsAt) + 3_600_000 >= now) ?? live.at(-1) ?? sessions[0];
}

function statusText(person: DoorPerson): string {
  // "not_confirmed" gathers the statuses that let nobody in; the others are the staff's one word for them.
  const parts = [person.status === "not_confirmed" ? c("status.not_confirmed") : statusLabel(person.status, consoleLocale())];
  if (person.places > 1) parts.push(c("places_of", { places: person.places }));
  if (person.checkedInTime) parts.push(c("checked_in_at", { time: person.checkedInTime }));
  return parts.join(" · ");
}

async function render(main: HTMLElement): Promise<void> {
  const heading = pageHeading(c("title"));
  const { events } = await call<{ events: DoorEvent[] }>("/api/console/checkin/events");
  if (events.length === 0) {
    setChildren(main, heading, h("p", { class: "notice" }, c("no_events")));
    return;
  }
  const params = new URLSearchParams(location.search);
  let event = events.find((e) => String(e.id) === params.get("event")) ?? events[0]!;
  let session = event.sessions.find((s) => String(s.id) === params.get("session")) ?? defaultSession(event.sessions)!;
  let scanner: Scanner | null = null;

  const eventSelect = h("select", { name: "event" }, events.map((e) => h("option", { value: e.id, selected: e.id === event.id }, e.title)));
  const sessionSelect = h("select", { name: "session" });
  const count = h("p", { class: "checkin-count", "aria-live": "polite" });
  const signatureLink = h("a", { class: "signature-link" }, c("signature_list"));
  // The result is announced at once (assertive): the helper is looking at the person, not the screen.
  const result = h("section", { class: "checkin-result", role: "alert", "aria-live": "assertive", hidden: true });

  const fillSessions = () => {
    setChildren(sessionSelect, event.sessions.map((s) => h("option", { value: s.id, selected: s.id === session.id }, sessionLabel(s))));
  };
  const showCount = () => {
    count.textContent = c("count", {
      places: session.checkedIn.places,
      expected: session.expected.places,
      registrations: session.checkedIn.registrations,
      expectedRegistrations: session.expected.registrations,
    });
    signatureLink.setAttribute("href", `/api/console/events/${event.id}/sessions/${session.id}/signature-list.pdf`);
    const url = new URL(location.href);
    url.searchParams.set("event", String(event.id));
    url.searchParams.set("session", String(session.id));
    history.replaceState(null, "", url);
  };
  const refreshCount = async () => {
    const fresh = await call<{ event: DoorEvent }>(`/api/console/events/${event.id}/checkin`).catch(() => null);
    if (!fresh) return;
    event = fresh.event;
    session = event.sessions.find((s) => s.id === session.id) ?? session;
    showCount();
  };

  // ---------------------------------------------------------------- the result
  const showResult = (outcome: Outcome) => {
    const kind = outcome.outcome === "checked_in" || outcome.outcome === "undone" ? "ok" : outcome.outcome === "already_checked_in" ? "warn" : "error";
    const icon = kind === "ok" ? "✓" : kind === "warn" ? "!" : "✗";
    const person = outcome.person;
    const title =
      outcome.outcome === "already_checked_in"
        ? c("outcome.already_checked_in", { time: person?.checkedInTime ?? "" })
        : c(`outcome.${outcome.outcome}` as CheckInKey);
    const actions: HTMLElement[] = [];
    if (person && (outcome.outcome === "checked_in" || outcome.outcome === "already_checked_in")) {
      if (person.places > 1) {
        const select = h(
          "select",
          { "aria-label": c("places_label") },
          Array.from({ length: person.places }, (_, i) => h("option", { value: i + 1, selected: i + 1 === person.checkedInPlaces }, String(i + 1))),
        );
        actions.push(
          h(
            "form",
            {
              class: "checkin-places",
              onsubmit: (e: Event) => {
                e.preventDefault();
                void act(() => call<Outcome>(`/api/console/events/${event.id}/checkin/places`, { method: "POST", body: { registrationId: person.registrationId, sessionId: session.id, places: Number(select.value) } }));
              },
            },
            h("label", { class: "visually-hidden" }, c("change_places")),
            select,
            h("button", { type: "submit", class: "button button-secondary button-small" }, c("save_places")),
          ),
        );
      }
      actions.push(
        h(
          "button",
          {
            type: "button",
            class: "button button-secondary button-small",
            onclick: () =>
              void act(async () => {
                await call(`/api/console/events/${event.id}/checkin/undo`, { method: "POST", body: { registrationId: person.registrationId, sessionId: session.id } });
                return { outcome: "undone" } as Outcome;
              }),
          },
          c("undo"),
        ),
      );
    }
    result.className = `checkin-result result-${kind}`;
    result.dataset.outcome = outcome.outcome;
    setChildren(
      result,
      h("span", { class: "result-icon", "aria-hidden": "true" }, icon),
      h("p", { class: "result-title" }, title),
      person ? h("p", { class: "result-name", dir: "auto" }, person.name) : null,
      person && person.places > 1 && person.checkedInPlaces !== null
        ? h("p", null, c("places_checked_in", { checked: person.checkedInPlaces, places: person.places }))
        : null,
      actions.length ? h("div", { class: "result-actions" }, actions) : null,
    );
    result.hidden = false;
    // Checked in from the search further down: bring the result into view.
    result.scrollIntoView({ block: "nearest" });
    if (navigator.vibrate) navigator.vibrate(kind === "ok" ? 80 : [60, 60, 60]);
  };

  /** Runs one call, shows its outcome (or the error), and updates the count. */
  const act = async (request: () => Promise<Outcome>) => {
    try {
      showResult(await request());
      await refreshCount();
    } catch (error) {
      if (error instanceof ConsoleFailure && error.code === "event_full") announce(error.message, "error");
      else announce(failureMessage(error), "error");
    }
  };
  const scanCode = (code: string) => act(() => call<Outcome>(`/api/console/events/${event.id}/checkin/scan`, { method: "POST", body: { code, sessionId: session.id } }));

  // ---------------------------------------------------------------- the camera
  const video = h("video", { class: "checkin-video", hidden: true, "aria-hidden": "true", muted: true, playsinline: true });
  const scanButton = h("button", { type: "button", class: "button checkin-wide", "aria-pressed": "false" }, c("scan_start"));
  const stopScanner = () => {
    scanner?.stop();
    scanner = null;
    video.hidden = true;
    scanButton.textContent = c("scan_start");
    scanButton.setAttribute("aria-pressed", "false");
  };
  scanButton.addEventListener("click", async () => {
    if (scanner) return stopScanner();
    try {
      video.hidden = false;
      scanner = await startScanner(video, scanCode);
      scanButton.textContent = c("scan_stop");
      scanButton.setAttribute("aria-pressed", "true");
    } catch (error) {
      stopScanner();
      announce(error instanceof Error && error.message === "unsupported" ? c("camera_unsupported") : c("camera_failed"), "error");
    }
  });
  addEventListener("pagehide", stopScanner);

  // ---------------------------------------------------------------- search by name
  const searchInput = h("input", { type: "search", name: "q", autocomplete: "off", enterkeyhint: "search" });
  const searchField = field(c("search_label"), searchInput, { hint: c("search_hint") });
  const people = h("div", { "aria-live": "polite" });
  const runSearch = async () => {
    const q = searchInput.value.trim();
    if (!q) return setChildren(people);
    try {
      const found = await call<{ people: DoorPerson[] }>(`/api/console/events/${event.id}/checkin/search?sessionId=${session.id}&q=${encodeURIComponent(q)}`);
      if (found.people.length === 0) return setChildren(people, h("p", null, c("search_none")));
      setChildren(
        people,
        h("h2", { class: "visually-hidden" }, c("search_results")),
        h(
          "ul",
          { class: "checkin-people" },
          found.people.map((person) => {
            const places =
              person.places > 1
                ? h("select", { "aria-label": `${c("places_label")}: ${person.name}` }, Array.from({ length: person.places }, (_, i) => h("option", { value: i + 1, selected: i + 1 === person.places }, String(i + 1))))
                : null;
            return h(
              "li",
              null,
              h("span", { class: "person-name", dir: "auto" }, person.name, h("span", { class: "person-state" }, statusText(person))),
              h(
                "span",
                { class: "checkin-places" },
                places,
                h(
                  "button",
                  {
                    type: "button",
                    class: "button button-small",
                    "aria-label": c("check_in_person", { name: person.name }),
                    onclick: () =>
                      void act(() =>
                        call<Outcome>(`/api/console/events/${event.id}/checkin/scan`, {
                          method: "POST",
                          body: { registrationId: person.registrationId, sessionId: session.id, ...(places ? { places: Number(places.value) } : {}) },
                        }),
                      ).then(runSearch),
                  },
                  c("check_in"),
                ),
              ),
            );
          }),
        ),
      );
    } catch (error) {
      announce(failureMessage(error), "error");
    }
  };
  const searchForm = h(
    "form",
    {
      role: "search",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void runSearch();
      },
    },
    searchField.wrapper,
    h("button", { type: "submit", class: "button button-secondary" }, c("search_button")),
  );

  // ---------------------------------------------------------------- walk-ins
  const walkName = h("input", { type: "text", name: "name", autocomplete: "off", maxlength: 200 });
  const walkEmail = h("input", { type: "email", name: "email", autocomplete: "off", maxlength: 254 });
  const walkPlaces = h("input", { type: "number", name: "places", min: 1, max: 20, value: 1, class: "input-short", inputmode: "numeric" });
  const nameField = field(c("walk_in_name"), walkName, { required: true });
  const emailField = field(c("walk_in_email"), walkEmail);
  const placesField = field(c("walk_in_places"), walkPlaces);
  const walkInForm = h(
    "form",
    {
      novalidate: true,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        for (const f of [nameField, emailField, placesField]) {
          f.error.hidden = true;
          f.wrapper.classList.remove("has-error");
        }
        try {
          const outcome = await call<Outcome>(`/api/console/events/${event.id}/checkin/walk-in`, {
            method: "POST",
            body: { sessionId: session.id, name: walkName.value, email: walkEmail.value.trim(), places: Number(walkPlaces.value) || 1 },
          });
          showResult(outcome);
          if (outcome.outcome === "checked_in") walkInForm.reset();
          await refreshCount();
        } catch (error) {
          if (error instanceof ConsoleFailure && Object.keys(error.fields).length > 0) {
            const byName: Record<string, typeof nameField> = { name: nameField, email: emailField, places: placesField };
            for (const [name, message] of Object.entries(error.fields)) {
              const target = byName[name];
              if (!target) continue;
              target.error.textContent = message;
              target.error.hidden = false;
              target.wrapper.classList.add("has-error");
            }
            (Object.keys(error.fields).map((name) => byName[name]).find(Boolean) ?? nameField).focus.focus();
          } else announce(failureMessage(error), "error");
        }
      },
    },
    h("p", { class: "hint" }, c("walk_in_intro")),
    nameField.wrapper,
    emailField.wrapper,
    placesField.wrapper,
    h("button", { type: "submit", class: "button" }, c("walk_in_button")),
  );

  eventSelect.addEventListener("change", () => {
    event = events.find((e) => String(e.id) === eventSelect.value) ?? event;
    session = defaultSession(event.sessions) ?? session;
    fillSessions();
    showCount();
    result.hidden = true;
    setChildren(people);
  });
  sessionSelect.addEventListener("change", () => {
    session = event.sessions.find((s) => String(s.id) === sessionSelect.value) ?? session;
    showCount();
    result.hidden = true;
    setChildren(people);
  });

  fillSessions();
  showCount();
  setChildren(
    main,
    heading,
    h("div", { class: "checkin-choice" }, field(c("event"), eventSelect).wrapper, field(c("date"), sessionSelect).wrapper),
    count,
    result,
    h("p", { class: "hint" }, c("scan_hint")),
    scanButton,
    video,
    h("div", { class: "subform" }, searchForm, people),
    h("details", { class: "subform" }, h("summary", null, c("walk_in")), walkInForm),
    h("p", { class: "subform" }, signatureLink),
  );
}

void startConsole({ needsUser: true, title: () => c("title"), render });
