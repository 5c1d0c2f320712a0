/**
 * A live preview of the public event page while the event is being made: the words
 * participants will read (the German web catalogue, the same the public page uses), the
 * dates as they will be shown, the place or "online", how registration works, and the form
 * they will fill in. It follows every keystroke; nothing is sent.
 */
import web from "../../../../workers/src/i18n/de/web";
import { format } from "../../../../workers/src/i18n/vocabulary";
import { localInputToIso } from "../../../../workers/src/lib/time-zone";
import { formatName, s } from "../strings";
import { formatSpan } from "../ui/time";
import type { Draft } from "./draft";

const w = (key: keyof typeof web, params: Record<string, string | number> = {}) => format(web[key], params);

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part, i) => (
          <p key={i}>{part}</p>
        ))}
    </>
  );
}

export function EventPreview({ draft, zone }: { draft: Draft; zone: string }) {
  const title = draft.texts.title.trim() || s("create.preview_untitled");
  const dates = draft.sessions
    .map((session) => ({ start: localInputToIso(session.start, zone), end: localInputToIso(session.end, zone), cancelled: session.cancelled }))
    .filter((d): d is { start: string; end: string; cancelled: boolean } => d.start !== null && d.end !== null);
  const registers = draft.kind !== "free";
  const approval = draft.kind === "application";
  const places = Number(draft.places);
  const slots = [...new Set(draft.workshops.map((w) => w.slot.trim() || "1"))];
  return (
    <aside class="event-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{s("create.preview")}</h2>
      <p class="hint">{s("create.preview_hint")}</p>
      <div class="preview-page" lang="de">
        <p class="event-format">{formatName(draft.format)}</p>
        <p class="preview-title">{title}</p>
        {draft.texts.summary.trim() ? <p class="lead">{draft.texts.summary}</p> : null}
        <p class="preview-heading">{w("event.dates")}</p>
        {dates.length > 0 ? (
          <ul class="sessions">
            {dates.map((d, i) => (
              <li key={i} class={d.cancelled ? "session cancelled" : "session"}>
                {formatSpan(d.start, d.end, zone)}
                {d.cancelled ? ` ${w("event.session_cancelled")}` : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">{s("create.preview_no_dates")}</p>
        )}
        {draft.kind === "online" ? (
          <>
            <p class="preview-heading">{w("event.place")}</p>
            <p>{w("event.online_only")}</p>
          </>
        ) : draft.placeName.trim() || draft.placeAddress.trim() ? (
          <>
            <p class="preview-heading">{w("event.place")}</p>
            <p>
              {draft.placeName}
              {draft.placeAddress.trim() ? (
                <>
                  <br />
                  {draft.placeAddress}
                </>
              ) : null}
            </p>
            {draft.accessibility.de?.trim() ? <p class="hint">{`${w("event.accessibility")}: ${draft.accessibility.de}`}</p> : null}
          </>
        ) : null}
        {draft.texts.description.trim() ? (
          <div class="description">
            <Paragraphs text={draft.texts.description} />
          </div>
        ) : null}
        <div class="registration">
          <p class="preview-heading">{registers ? w(approval ? "event.apply" : "event.register") : w("availability.none")}</p>
          {!registers ? (
            <p class="notice">{w("event.no_registration")}</p>
          ) : (
            <>
              {Number.isInteger(places) && places > 0 ? <p class="availability">{w("availability.places_left", { count: places })}</p> : null}
              {approval ? <p class="notice">{w("event.approval_note")}</p> : null}
              {draft.emailConfirmation ? <p>{w("event.email_confirmation_note")}</p> : null}
              <ul class="preview-form">
                <li>{w("form.name")}</li>
                <li>{w("form.email")}</li>
                {draft.households ? <li>{w("form.places")}</li> : null}
                {draft.kind === "conference"
                  ? slots.map((slot, i) => (
                      <li key={slot}>
                        {w("form.workshop_round", { number: i + 1 })}:{" "}
                        {draft.workshops
                          .filter((x) => (x.slot.trim() || "1") === slot)
                          .map((x) => x.name.trim() || "…")
                          .join(" / ")}
                      </li>
                    ))
                  : null}
                {draft.kind === "fair" && Number(draft.stands) > 0 ? <li>{s("create.preview_stand")}</li> : null}
                {draft.questions.map((q) => (
                  <li key={q.id}>{q.label.de?.trim() || "…"}</li>
                ))}
                <li>{w("form.needs_legend")}</li>
              </ul>
              <p>
                <span class="button preview-button">{w(approval ? "form.submit_apply" : "form.submit")}</span>
              </p>
            </>
          )}
        </div>
      </div>
    </aside>
  );
}
