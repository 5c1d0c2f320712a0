/**
 * /console/event?id=N: one event at a glance (places per group, applications waiting, the
 * waitlist, holds and offers, needs summed per event and per date), its actions (publish,
 * cancel, duplicate, edit, preview), applications with everything submitted, the waitlist,
 * the registrations (search, filters, every submitted field, details with the history in
 * sentences and every email, edit or cancel on a participant's behalf), lists to take out
 * (CSV, print), messages to registrants and the check-in helpers.
 *
 * Every action reports where it was, and reloads what it may have changed before its button
 * is free again.
 */
import { createContext } from "preact";
import { useContext, useState } from "preact/hooks";
import type { ConsoleEvent, ConsoleEventResponse, ConsoleHelper, ConsoleHelpersResponse, ConsoleRegistration, PoolStats, RegistrationDetail, RegistrationStatus } from "../types";
import type { DateNeeds, NeedsSummary, RegistrationNeedFilter } from "../../../../workers/src/console-types";
import { ActionButton } from "../ui/action";
import { api, ApiFailure, failureMessage, query, type Me } from "../ui/api";
import { ask } from "../ui/dialog";
import { ChoiceField, FieldProblems, Form, SelectField, TextField, useForm } from "../ui/form";
import { Loaded, Loading, useLoad } from "../ui/load";
import { MessageArea, Notice } from "../ui/messages";
import { mountPage, PageHeading, useTitle } from "../ui/page";
import { Table } from "../ui/table";
import { formatSpan, formatTime, Time } from "../ui/time";
import { LOCALE_NAMES, consoleLocale, counted, eventStatusName, eventTitle, formatName, interpreterName, localized, mailStatusName, s, statusName, templateName } from "../strings";
import { actorName, historySentence } from "../history";
import { tr as translationsTitle } from "./translations-strings";
import { Answers, CheckIns, Needs, StandApplication, Workshops, dateOf, placesText, poolName, poolOf } from "../registration-view";

const STATUSES: RegistrationStatus[] = ["confirmed", "held", "offered", "waitlisted", "pending_approval", "rejected", "cancelled", "expired"];
const LIVE: RegistrationStatus[] = ["held", "confirmed", "waitlisted", "offered", "pending_approval"];
const MESSAGE_GROUPS: RegistrationStatus[] = ["confirmed", "held", "offered", "waitlisted", "pending_approval"];
const NEED_FILTERS: RegistrationNeedFilter[] = ["interpreter", "childcare", "accessibility", "children", "stand", "table", "power", "wall"];
const NEED_FILTER_KEYS = {
  interpreter: "filter.interpreter",
  childcare: "filter.childcare",
  accessibility: "filter.accessibility",
  children: "filter.children",
  stand: "filter.stand",
  table: "filter.table",
  power: "filter.power",
  wall: "filter.wall",
} as const;

type Page = { event: ConsoleEvent; version: number; refresh: () => Promise<void> };
const EventContext = createContext<Page | null>(null);
const usePage = () => useContext(EventContext)!;

// ---------------------------------------------------------------- overview and actions

function registrationSummary(event: ConsoleEvent): string {
  if (event.registrationMode === "none") return s("event.mode_none");
  const parts = [event.registrationMode === "approval" ? s("event.mode_approval") : s("event.mode_open")];
  if (event.registrationOpensAt) parts.push(s("event.opens", { date: formatTime(event.registrationOpensAt, "datetime", event.timeZone) }));
  if (event.registrationClosesAt) parts.push(s("event.closes", { date: formatTime(event.registrationClosesAt, "datetime", event.timeZone) }));
  if (event.waitlistEnabled) parts.push(event.waitlistMode === "offer" ? s("event.waitlist_offer", { hours: event.offerHours }) : s("event.waitlist_confirm"));
  else parts.push(s("event.waitlist_off"));
  if (event.emailConfirmation) parts.push(s("event.email_confirmation_on"));
  if (event.countChildren) parts.push(s("event.households_on", { max: event.maxPlacesPerRegistration }));
  return parts.join(" · ");
}

function Overview() {
  const { event, refresh } = usePage();
  const manage = event.permissions.manage;
  const title = eventTitle(event);
  const place = event.location;
  return (
    <MessageArea>
      <p class="event-format">
        {formatName(event.format)} · {event.organisationName}
      </p>
      <PageHeading>{title}</PageHeading>
      <p>
        <span class={`badge badge-${event.status}`}>{eventStatusName(event.status)}</span>
      </p>
      {event.status === "cancelled" && event.cancellationReason ? <Notice kind="error">{s("event.cancelled_reason", { reason: event.cancellationReason })}</Notice> : null}
      <dl class="details">
        <dt>{s("event.dates")}</dt>
        <dd>
          {event.sessions.length === 0 ? (
            "–"
          ) : (
            <ul class="plain-list">
              {event.sessions.map((session) => (
                <li key={session.id} class={session.cancelled ? "cancelled" : undefined}>
                  <time dateTime={session.startsAt}>{formatSpan(session.startsAt, session.endsAt, event.timeZone)}</time>
                  {session.title ? ` · ${localized(session.title)}` : null}
                  {session.cancelled ? ` (${s("event.session_cancelled")})` : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{s("event.place")}</dt>
        <dd>{place ? [place.name, place.address].filter(Boolean).join(", ") : event.onlineUrl ? s("event.online") : "–"}</dd>
        <dt>{s("event.registration")}</dt>
        <dd>{registrationSummary(event)}</dd>
        {event.registrationMode !== "none" ? (
          <>
            <dt>{s("event.checkin_window")}</dt>
            <dd>{s("event.checkin_window_text", { minutes: event.checkinOpensMinutes })}</dd>
          </>
        ) : null}
      </dl>
      {event.status === "draft" ? (
        <p class="hint">{s("event.preview_draft")}</p>
      ) : (
        <p>
          <a href={`/event?slug=${encodeURIComponent(event.slug)}`} target="_blank" rel="noopener">
            {s("event.preview")}
            <span class="visually-hidden"> {s("common.new_tab")}</span>
          </a>
        </p>
      )}
      <div class="actions button-row" role="group" aria-label={s("event.actions")}>
        {manage ? (
          <a class="button button-secondary" href={`/console/edit?id=${event.id}`}>
            {s("event.edit")}
          </a>
        ) : null}
        {manage && event.status === "draft" ? (
          <ActionButton
            variant="primary"
            confirm={{ title: s("event.publish_title"), text: s("event.publish_text"), confirm: s("event.publish") }}
            onAction={async () => {
              await api.post(`/api/console/events/${event.id}/publish`);
              await refresh();
              return s("event.published_note");
            }}
          >
            {s("event.publish")}
          </ActionButton>
        ) : null}
        {manage && event.status !== "cancelled" ? (
          <ActionButton
            variant="danger"
            confirm={{
              title: s("event.cancel_title"),
              text: s("event.cancel_text"),
              fields: [{ name: "reason", label: s("event.cancel_reason"), type: "textarea", required: true, hint: s("event.cancel_reason_hint") }],
              confirm: s("event.cancel_confirm"),
              danger: true,
            }}
            onAction={async ({ reason }) => {
              await api.post(`/api/console/events/${event.id}/cancel`, { reason });
              await refresh();
              return s("event.cancelled_note");
            }}
          >
            {s("event.cancel")}
          </ActionButton>
        ) : null}
        {manage ? (
          <ActionButton
            confirm={{
              title: s("event.duplicate_title"),
              text: s("event.duplicate_text"),
              fields: [
                { name: "shiftDays", label: s("event.duplicate_days"), type: "number", required: true, value: "364", min: 1, max: 3660, hint: s("event.duplicate_days_hint") },
              ],
              confirm: s("event.duplicate"),
            }}
            onAction={async ({ shiftDays }) => {
              const { event: copy } = await api.post<ConsoleEventResponse>(`/api/console/events/${event.id}/duplicate`, { shiftDays: Number(shiftDays) });
              location.assign(`/console/edit?id=${copy.id}&duplicated=1`);
            }}
          >
            {s("event.duplicate")}
          </ActionButton>
        ) : null}
        <a class="button button-secondary" href={`/console/records?id=${event.id}`}>
          {s("event.records")}
        </a>
        {manage ? (
          <a class="button button-secondary" href={`/console/translations?id=${event.id}`}>
            {translationsTitle("title")}
          </a>
        ) : null}
        {event.status !== "draft" ? (
          <a class="button button-secondary" href={`/api/events/${encodeURIComponent(event.slug)}/poster.pdf`} target="_blank" rel="noopener">
            {s("event.poster")}
            <span class="visually-hidden"> {s("common.new_tab")}</span>
          </a>
        ) : null}
        {event.registrationMode !== "none" && event.status === "published" ? (
          <a class="button button-secondary" href={`/console/checkin?event=${event.id}`}>
            {s("index.checkin")}
          </a>
        ) : null}
      </div>
    </MessageArea>
  );
}

// ---------------------------------------------------------------- at a glance

function CapacityForm({ pool }: { pool: PoolStats }) {
  const { refresh } = usePage();
  const [value, setValue] = useState(String(pool.capacity));
  const form = useForm();
  const label = s("glance.capacity_label", { pool: poolName(pool) });
  return (
    <Form
      form={form}
      class="inline-form"
      compact
      aria-label={label}
      submitLabel={s("glance.change_capacity")}
      submitVariant="secondary"
      onSubmit={async () => {
        const capacity = Number(value);
        if (value.trim() === "" || !Number.isInteger(capacity) || capacity < 0) throw new FieldProblems({ capacity: s("glance.capacity_invalid") });
        await api.post(`/api/console/pools/${pool.id}/capacity`, { capacity });
        await refresh();
        return s("glance.capacity_changed", { pool: poolName(pool), capacity });
      }}
    >
      <TextField name="capacity" label={label} hiddenLabel type="number" value={value} onValue={setValue} input={{ min: 0, max: 100000, class: "input-short" }} />
    </Form>
  );
}

function NeedsBlock({ needs }: { needs: NeedsSummary }) {
  const interpreter = Object.entries(needs.interpreter).sort((a, b) => b[1] - a[1]);
  const ages = Object.entries(needs.childcare.byAge).sort(([a], [b]) => (a === "?" ? 1 : b === "?" ? -1 : Number(a) - Number(b)));
  const stands = Object.entries(needs.stands);
  return (
    <>
      <h4>{s("glance.interpreter")}</h4>
      {interpreter.length > 0 ? (
        <ul class="plain-list">
          {interpreter.map(([language, count]) => (
            <li key={language}>{s("glance.interpreter_line", { language: interpreterName(language), count })}</li>
          ))}
        </ul>
      ) : (
        <p>–</p>
      )}
      <h4>{s("glance.childcare")}</h4>
      {needs.childcare.registrations > 0 ? (
        <>
          <p>{s("glance.childcare_summary", { children: counted("children", needs.childcare.children), registrations: counted("registrations", needs.childcare.registrations) })}</p>
          <ul class="plain-list">
            {ages.map(([age, count]) => (
              <li key={age}>{age === "?" ? s("glance.age_unknown", { count }) : s("glance.age_line", { age, count })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>–</p>
      )}
      <h4>{s("glance.accessibility")}</h4>
      {needs.accessibility.length > 0 ? (
        <ul>
          {needs.accessibility.map((need, i) => (
            <li key={i}>{need}</li>
          ))}
        </ul>
      ) : (
        <p>–</p>
      )}
      {stands.length > 0 ? (
        <>
          <h4>{s("glance.stands")}</h4>
          <ul class="plain-list">
            {stands.map(([need, count]) => (
              <li key={need}>{s("glance.stand_line", { need: s(need === "table" ? "stand.table" : need === "power" ? "stand.power" : "stand.wall"), count })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function NeedsPerDate({ event, dates }: { event: ConsoleEvent; dates: DateNeeds[] }) {
  if (dates.length < 2) return null;
  return (
    <Table
      caption={s("glance.per_date_caption")}
      head={[s("glance.col_date"), s("glance.col_expected"), s("glance.interpreter"), s("glance.childcare"), s("glance.accessibility")]}
    >
      {dates.map((d) => (
        <tr key={d.sessionId}>
          <th scope="row">{formatTime(d.startsAt, "weekday", event.timeZone)}</th>
          <td>{s("glance.expected_line", { registrations: counted("registrations", d.registrations), places: counted("places", d.places), children: counted("children", d.children) })}</td>
          <td>
            {Object.entries(d.needs.interpreter)
              .map(([language, count]) => s("glance.interpreter_line", { language: interpreterName(language), count }))
              .join(", ") || "–"}
          </td>
          <td>
            {d.needs.childcare.children > 0
              ? Object.entries(d.needs.childcare.byAge)
                  .map(([age, count]) => (age === "?" ? s("glance.age_unknown", { count }) : s("glance.age_line", { age, count })))
                  .join(", ")
              : "–"}
          </td>
          <td>{d.needs.accessibility.length || "–"}</td>
        </tr>
      ))}
    </Table>
  );
}

function AtAGlance() {
  const { event } = usePage();
  const counts = STATUSES.filter((status) => (event.counts[status] ?? 0) > 0);
  return (
    <section aria-labelledby="glance-heading">
      <h2 id="glance-heading">{s("glance.title")}</h2>
      {event.pendingApplications > 0 ? (
        <p class="notice pending-note" data-pending={event.pendingApplications}>
          <strong>{s("glance.pending", { count: event.pendingApplications })}</strong> <a href="#applications-heading">{s("glance.to_applications")}</a>
        </p>
      ) : null}
      {event.pools.length > 0 ? (
        <MessageArea>
          <Table
            caption={s("glance.pools_caption")}
            head={[
              s("glance.col_pool"),
              s("glance.col_taken"),
              statusName("confirmed"),
              statusName("held"),
              statusName("offered"),
              s("glance.col_waitlist"),
              s("glance.col_capacity"),
            ]}
          >
            {event.pools.map((pool) => (
              <tr key={pool.id} data-pool={pool.key}>
                <th scope="row">{poolName(pool)}</th>
                <td class="num" data-cell="taken">{`${pool.confirmed + pool.held + pool.offered} / ${pool.capacity}`}</td>
                <td class="num">{pool.confirmed}</td>
                <td class="num">{pool.held}</td>
                <td class="num">{pool.offered}</td>
                <td class="num" data-cell="waitlist">
                  {pool.waitlistLength}
                </td>
                <td>{event.permissions.manage ? <CapacityForm key={`${pool.id}-${pool.capacity}`} pool={pool} /> : pool.capacity}</td>
              </tr>
            ))}
          </Table>
        </MessageArea>
      ) : (
        <p>{s("glance.no_pools")}</p>
      )}
      <div class="glance-grid">
        <div class="panel">
          <h3>{s("glance.registrations")}</h3>
          {counts.length > 0 ? (
            <ul class="plain-list">
              {counts.map((status) => (
                <li key={status} data-count={status}>{`${statusName(status)}: ${event.counts[status]}`}</li>
              ))}
            </ul>
          ) : (
            <p>{s("glance.none_yet")}</p>
          )}
          <p>
            {s("glance.holds", { count: event.holdsRunning })}
            <br />
            {s("glance.offers", { count: event.offersRunning })}
          </p>
        </div>
        <div class="panel">
          <h3>{s("glance.needs")}</h3>
          <NeedsBlock needs={event.needs} />
        </div>
      </div>
      <NeedsPerDate event={event} dates={event.needsByDate} />
    </section>
  );
}

// ---------------------------------------------------------------- actions on one registration

/** The buttons for one live registration: confirm, offer, approve, reject, move, cancel. */
function RegistrationActions({ registration, move = false }: { registration: ConsoleRegistration; move?: boolean }) {
  const { refresh } = usePage();
  const base = `/api/console/registrations/${registration.id}`;
  const who = <span class="visually-hidden">: {registration.name}</span>;
  const act = (request: () => Promise<unknown>, message: string) => async () => {
    await request();
    await refresh();
    return message;
  };
  const name = registration.name;
  return (
    <div class="button-row">
      {registration.status === "waitlisted" || registration.status === "offered" ? (
        <ActionButton small onAction={act(() => api.post(`${base}/confirm`), s("wait.confirmed", { name }))}>
          {s("wait.confirm")}
          {who}
        </ActionButton>
      ) : null}
      {registration.status === "waitlisted" ? (
        <ActionButton small onAction={act(() => api.post(`${base}/offer`), s("wait.offered", { name }))}>
          {s("wait.offer")}
          {who}
        </ActionButton>
      ) : null}
      {registration.status === "waitlisted" && move
        ? (["up", "down"] as const).map((direction) => (
            <ActionButton
              key={direction}
              small
              confirm={{
                title: s(direction === "up" ? "wait.move_up_title" : "wait.move_down_title", { name }),
                fields: [{ name: "reason", label: s("wait.move_reason"), type: "textarea", required: true, hint: s("wait.move_reason_hint") }],
                confirm: s(direction === "up" ? "wait.move_up" : "wait.move_down"),
              }}
              onAction={async ({ reason }) => {
                await api.post(`${base}/move`, { direction, reason });
                await refresh();
                return s("wait.moved", { name });
              }}
            >
              {s(direction === "up" ? "wait.move_up" : "wait.move_down")}
              {who}
            </ActionButton>
          ))
        : null}
      {registration.status === "pending_approval" ? (
        <>
          <ActionButton small variant="primary" onAction={act(() => api.post(`${base}/approve`), s("apply.approved", { name }))}>
            {s("apply.approve")}
            {who}
          </ActionButton>
          <ActionButton
            small
            confirm={{
              title: s("apply.reject_title", { name }),
              text: s("apply.reject_text"),
              fields: [{ name: "reason", label: s("apply.reject_reason"), type: "textarea" }],
              confirm: s("apply.reject"),
              danger: true,
            }}
            onAction={async ({ reason }) => {
              await api.post(`${base}/reject`, reason ? { reason } : {});
              await refresh();
              return s("apply.rejected", { name });
            }}
          >
            {s("apply.reject")}
            {who}
          </ActionButton>
        </>
      ) : null}
      {LIVE.includes(registration.status) ? (
        <ActionButton
          small
          variant="danger"
          confirm={{
            title: s("reg.cancel_title", { name }),
            text: s("reg.cancel_text"),
            fields: [{ name: "reason", label: s("reg.cancel_reason"), type: "textarea", required: true }],
            confirm: s("reg.cancel_confirm"),
            danger: true,
          }}
          onAction={async ({ reason }) => {
            await api.post(`${base}/cancel`, { reason });
            await refresh();
            return s("reg.cancelled", { name });
          }}
        >
          {registration.status === "waitlisted" ? s("wait.remove") : s("reg.cancel")}
          {who}
        </ActionButton>
      ) : null}
    </div>
  );
}

function StatusCell({ registration }: { registration: ConsoleRegistration }) {
  const { event } = usePage();
  return (
    <>
      <span class={`badge badge-${registration.status}`} data-status={registration.status}>
        {statusName(registration.status)}
      </span>
      {registration.waitlistPosition !== null ? (
        <>
          <br />
          {s("reg.position", { position: registration.waitlistPosition })}
        </>
      ) : null}
      {registration.status === "offered" && registration.offerExpiresAt ? (
        <>
          <br />
          {s("reg.offer_until", { date: formatTime(registration.offerExpiresAt, "datetime", event.timeZone) })}
        </>
      ) : null}
      {registration.awaitingEmail ? (
        <>
          <br />
          {s("reg.awaiting_email", { date: formatTime(registration.holdExpiresAt, "datetime", event.timeZone) })}
        </>
      ) : null}
    </>
  );
}

function EmailCell({ registration }: { registration: ConsoleRegistration }) {
  const email = registration.emailStatus;
  return (
    <>
      {email ? <span class={`mail mail-${email.status}`}>{s("mail.status_line", { template: templateName(email.template), status: mailStatusName(email.status) })}</span> : "–"}
      {registration.bouncing ? (
        <>
          <br />
          <strong class="bouncing">{s("mail.bouncing")}</strong>
        </>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- applications and waitlist

function ApplicationsAndWaitlist() {
  const { event, version } = usePage();
  const showApplications = event.registrationMode === "approval" || event.pools.some((p) => p.kind === "registration_type") || event.pendingApplications > 0;
  const lists = useLoad(async () => {
    const base = `/api/console/events/${event.id}/registrations`;
    const workshopPools = event.pools.filter((p) => p.kind === "workshop");
    const [waiting, applications, ...workshops] = await Promise.all([
      api.get<{ registrations: ConsoleRegistration[] }>(`${base}?status=waitlisted`),
      showApplications ? api.get<{ registrations: ConsoleRegistration[] }>(`${base}?status=pending_approval`) : Promise.resolve({ registrations: [] }),
      ...workshopPools.map((pool) => api.get<{ registrations: ConsoleRegistration[] }>(`${base}${query({ pool: pool.id, status: "waitlisted" })}`)),
    ]);
    return { waiting: waiting.registrations, applications: applications.registrations, workshops: workshopPools.map((pool, i) => ({ pool, line: workshops[i]!.registrations })) };
  }, [event.id, version]);
  const manage = event.permissions.manage;
  return (
    <>
      {showApplications ? (
        <section aria-labelledby="applications-heading">
          <h2 id="applications-heading" tabIndex={-1}>
            {s("apply.title")}
          </h2>
          <MessageArea>
            <Loaded state={lists}>
              {({ applications }) =>
                applications.length === 0 ? (
                  <p>{s("apply.empty")}</p>
                ) : (
                  <ul class="waitlist applications">
                    {applications.map((r) => (
                      <li key={r.id} data-registration-id={r.id}>
                        <p>
                          <strong>{r.name}</strong> <span class="muted">{`${r.email} · ${s("reg.places_count", { count: placesText(r) })} · ${poolOf(event, r.poolId)}`}</span>
                        </p>
                        <StandApplication registration={r} />
                        <Answers event={event} registration={r} />
                        <Needs registration={r} />
                        {manage ? <RegistrationActions registration={r} /> : null}
                      </li>
                    ))}
                  </ul>
                )
              }
            </Loaded>
          </MessageArea>
        </section>
      ) : null}
      {event.registrationMode !== "none" ? (
        <section aria-labelledby="waitlist-heading">
          <h2 id="waitlist-heading" tabIndex={-1}>
            {s("wait.title")}
          </h2>
          {event.waitlistEnabled ? (
            <p class="hint">{event.waitlistMode === "offer" ? s("wait.mode_offer", { hours: event.offerHours }) : s("wait.mode_confirm")}</p>
          ) : (
            <p class="hint">{s("event.waitlist_off")}</p>
          )}
          <MessageArea>
            <Loaded state={lists}>
              {({ waiting, workshops }) => (
                <>
                  {waiting.length === 0 && workshops.every((w) => w.line.length === 0) ? <p>{s("wait.empty")}</p> : null}
                  {event.pools
                    .filter((pool) => pool.kind !== "workshop" && waiting.some((r) => r.poolId === pool.id))
                    .map((pool) => {
                      const line = waiting.filter((r) => r.poolId === pool.id).sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
                      return (
                        <div key={pool.id}>
                          {event.pools.length > 1 ? <h3>{poolName(pool)}</h3> : null}
                          <ol class="waitlist" aria-label={s("wait.list_label", { pool: poolName(pool) })}>
                            {line.map((r) => (
                              <li key={r.id} data-registration-id={r.id}>
                                <p>
                                  <strong>
                                    {s("reg.position", { position: r.waitlistPosition ?? "?" })} · {r.name}
                                  </strong>{" "}
                                  <span class="muted">{`${s("reg.places_count", { count: placesText(r) })} · ${formatTime(r.createdAt, "datetime", event.timeZone)}`}</span>
                                </p>
                                {manage ? <RegistrationActions registration={r} move /> : null}
                              </li>
                            ))}
                          </ol>
                        </div>
                      );
                    })}
                  {workshops
                    .filter((w) => w.line.length > 0)
                    .map(({ pool, line }) => (
                      <div key={pool.id}>
                        <h3>{poolName(pool)}</h3>
                        <p class="hint">{s("wait.workshop_hint")}</p>
                        <ol class="waitlist" aria-label={s("wait.list_label", { pool: poolName(pool) })}>
                          {line.map((r) => (
                            <li key={r.id}>{`${s("reg.position", { position: r.waitlistPosition ?? "?" })} · ${r.name}`}</li>
                          ))}
                        </ol>
                      </div>
                    ))}
                </>
              )}
            </Loaded>
          </MessageArea>
        </section>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- registrations

type Filter = { q: string; status: string; pool: string; need: string };

function FilterForm({ filter, onFilter }: { filter: Filter; onFilter: (filter: Filter) => void }) {
  const { event } = usePage();
  const [draft, setDraft] = useState(filter);
  const form = useForm();
  const set = (key: keyof Filter) => (value: string) => setDraft((f) => ({ ...f, [key]: value }));
  const fair = event.pools.some((p) => p.kind === "registration_type");
  return (
    <Form
      form={form}
      class="filter-form"
      aria-label={s("reg.filter_label")}
      submitLabel={s("reg.apply_filter")}
      submitVariant="secondary"
      onSubmit={async () => {
        onFilter({ ...draft, q: draft.q.trim() });
      }}
    >
      <TextField name="q" label={s("reg.search")} hint={s("reg.search_hint")} type="search" value={draft.q} onValue={set("q")} input={{ autoComplete: "off" }} />
      <SelectField
        name="status"
        label={s("reg.status_filter")}
        value={draft.status}
        onValue={set("status")}
        options={[{ value: "", label: s("reg.all_statuses") }, ...STATUSES.map((st) => ({ value: st, label: statusName(st) }))]}
      />
      {event.pools.length > 1 ? (
        <SelectField
          name="pool"
          label={s("reg.pool_filter")}
          value={draft.pool}
          onValue={set("pool")}
          options={[{ value: "", label: s("reg.all_pools") }, ...event.pools.map((pool) => ({ value: String(pool.id), label: poolName(pool) }))]}
        />
      ) : null}
      <SelectField
        name="need"
        label={s("reg.need_filter")}
        value={draft.need}
        onValue={set("need")}
        options={[
          { value: "", label: s("reg.all_needs") },
          ...NEED_FILTERS.filter((n) => fair || !["stand", "table", "power", "wall"].includes(n))
            .filter((n) => n !== "children" || event.countChildren)
            .map((n) => ({ value: n, label: s(NEED_FILTER_KEYS[n]) })),
        ]}
      />
    </Form>
  );
}

function Registrations() {
  const { event, version } = usePage();
  const [filter, setFilter] = useState<Filter>({ q: "", status: "", pool: "", need: "" });
  const [open, setOpen] = useState<number | null>(null);
  const list = useLoad(
    () => api.get<{ registrations: ConsoleRegistration[] }>(`/api/console/events/${event.id}/registrations${query(filter)}`),
    [event.id, version, filter.q, filter.status, filter.pool, filter.need],
  );
  const multiplePools = event.pools.length > 1;
  const workshops = event.pools.some((p) => p.kind === "workshop");
  const stands = event.pools.some((p) => p.kind === "registration_type");
  const filtered = Boolean(filter.q || filter.status || filter.pool || filter.need);
  const columns = [
    s("reg.col_person"),
    s("reg.col_status"),
    s("reg.col_places"),
    multiplePools && !workshops ? s("reg.col_pool") : null,
    workshops ? s("reg.col_workshops") : null,
    stands ? s("reg.col_stand") : null,
    s("reg.col_answers"),
    s("reg.col_needs"),
    event.sessions.length > 0 ? s("reg.col_checkins") : null,
    s("reg.col_email"),
    s("reg.col_created"),
    s("common.actions"),
  ].filter((c): c is string => c !== null);
  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading" tabIndex={-1}>
        {s("reg.title")}
      </h2>
      <FilterForm filter={filter} onFilter={setFilter} />
      <div id="registrations-result" tabIndex={-1}>
        <Loaded state={list}>
          {({ registrations }) =>
            registrations.length === 0 ? (
              <p>{filtered ? s("reg.none_found") : s("reg.none")}</p>
            ) : (
              <Table caption={s("reg.caption", { count: registrations.length })} head={columns}>
                {registrations.map((r) => (
                  <tr key={r.id} data-registration-id={r.id} data-status={r.status}>
                    <th scope="row">
                      {r.name}
                      <br />
                      <span class="muted">{r.email || s("reg.no_email")}</span>
                    </th>
                    <td>
                      <StatusCell registration={r} />
                    </td>
                    <td class="num">{placesText(r)}</td>
                    {multiplePools && !workshops ? <td>{poolOf(event, r.poolId)}</td> : null}
                    {workshops ? (
                      <td>
                        <Workshops event={event} registration={r} />
                      </td>
                    ) : null}
                    {stands ? <td>{r.exhibitor ? <StandApplication registration={r} /> : "–"}</td> : null}
                    <td>
                      <Answers event={event} registration={r} />
                    </td>
                    <td>
                      <Needs registration={r} />
                    </td>
                    {event.sessions.length > 0 ? (
                      <td>
                        <CheckIns event={event} registration={r} />
                      </td>
                    ) : null}
                    <td>
                      <EmailCell registration={r} />
                    </td>
                    <td>
                      <Time iso={r.createdAt} zone={event.timeZone} />
                    </td>
                    <td>
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        id={`details-${r.id}`}
                        aria-expanded={open === r.id ? "true" : "false"}
                        onClick={() => setOpen(open === r.id ? null : r.id)}
                      >
                        {s("reg.details")}
                        <span class="visually-hidden">: {r.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </Table>
            )
          }
        </Loaded>
      </div>
      {open !== null ? (
        <Detail
          key={open}
          id={open}
          onClose={() => {
            const id = open;
            setOpen(null);
            requestAnimationFrame(() => document.getElementById(`details-${id}`)?.focus());
          }}
        />
      ) : null}
    </section>
  );
}

function Detail({ id, onClose }: { id: number; onClose: () => void }) {
  const { event, version } = usePage();
  const [editing, setEditing] = useState(false);
  const detail = useLoad(() => api.get<{ registration: RegistrationDetail }>(`/api/console/registrations/${id}`), [id, version]);
  return (
    <section class="panel detail" aria-labelledby="detail-heading" id="registration-detail">
      <Loaded state={detail}>
        {({ registration }) => {
          const live = LIVE.includes(registration.status);
          return (
            <MessageArea>
              <DetailHeading name={registration.name} />
              <dl class="details">
                <dt>{s("detail.status")}</dt>
                <dd>
                  <StatusCell registration={registration} />
                </dd>
                <dt>{s("detail.email")}</dt>
                <dd>{registration.email || s("reg.no_email")}</dd>
                <dt>{s("detail.locale")}</dt>
                <dd>{LOCALE_NAMES[registration.locale] ?? registration.locale}</dd>
                <dt>{s("reg.col_places")}</dt>
                <dd>{placesText(registration)}</dd>
                <dt>{s("reg.col_pool")}</dt>
                <dd>{poolOf(event, registration.poolId)}</dd>
                {registration.workshops.length > 0 ? (
                  <>
                    <dt>{s("reg.col_workshops")}</dt>
                    <dd>
                      <Workshops event={event} registration={registration} />
                    </dd>
                  </>
                ) : null}
                {registration.exhibitor ? (
                  <>
                    <dt>{s("reg.col_stand")}</dt>
                    <dd>
                      <StandApplication registration={registration} />
                    </dd>
                  </>
                ) : null}
                <dt>{s("reg.col_created")}</dt>
                <dd>
                  <Time iso={registration.createdAt} zone={event.timeZone} />
                </dd>
                <dt>{s("reg.col_answers")}</dt>
                <dd>
                  <Answers event={event} registration={registration} />
                </dd>
                <dt>{s("reg.col_needs")}</dt>
                <dd>
                  <Needs registration={registration} />
                </dd>
                <dt>{s("reg.col_checkins")}</dt>
                <dd>
                  <CheckIns event={event} registration={registration} />
                  {event.permissions.manage && live ? (
                    <p>
                      <a href={`/api/console/registrations/${registration.id}/attendance.pdf`} download>
                        {s("reg.attendance_record")}
                      </a>
                    </p>
                  ) : null}
                </dd>
              </dl>
              {event.permissions.manage && live ? (
                <>
                  <RegistrationActions registration={registration} />
                  {!editing ? (
                    <p>
                      <button type="button" class="button button-secondary button-small" onClick={() => setEditing(true)}>
                        {s("reg.edit")}
                      </button>
                    </p>
                  ) : null}
                </>
              ) : null}
              {editing ? <EditRegistration registration={registration} onDone={() => setEditing(false)} /> : null}
              <h4>{s("detail.history")}</h4>
              {registration.history.length > 0 ? (
                <ol class="history">
                  {registration.history.map((entry, i) => (
                    <li key={i}>
                      <Time iso={entry.at} zone={event.timeZone} /> {historySentence(entry, (sessionId) => dateOf(event, sessionId))}{" "}
                      <span class="muted">({actorName(entry)})</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p>–</p>
              )}
              <h4>{s("detail.emails")}</h4>
              {registration.emails.length > 0 ? (
                <Table
                  caption={s("detail.emails_caption", { name: registration.name })}
                  head={[s("detail.col_template"), s("detail.col_status"), s("detail.col_attempts"), s("detail.col_created"), s("detail.col_sent")]}
                >
                  {registration.emails.map((email) => (
                    <tr key={email.id}>
                      <th scope="row">{templateName(email.template)}</th>
                      <td>{mailStatusName(email.status)}</td>
                      <td class="num">{email.attempts}</td>
                      <td>
                        <Time iso={email.createdAt} zone={event.timeZone} />
                      </td>
                      <td>
                        <Time iso={email.sentAt} zone={event.timeZone} />
                      </td>
                    </tr>
                  ))}
                </Table>
              ) : (
                <p>–</p>
              )}
              {registration.bouncing ? <Notice kind="error">{s("mail.bouncing_text")}</Notice> : null}
              <p>
                <button type="button" class="button button-secondary" onClick={onClose}>
                  {s("detail.close")}
                </button>
              </p>
            </MessageArea>
          );
        }}
      </Loaded>
    </section>
  );
}

function DetailHeading({ name }: { name: string }) {
  return (
    <h3 id="detail-heading" tabIndex={-1} ref={(el) => el?.focus({ preventScroll: false })}>
      {s("detail.title", { name })}
    </h3>
  );
}

/** Edit on a participant's behalf (after a phone call): name, email, places, children, language, answers, needs. */
function EditRegistration({ registration, onDone }: { registration: RegistrationDetail; onDone: () => void }) {
  const { event, refresh } = usePage();
  const [values, setValues] = useState(() => ({
    name: registration.name,
    email: registration.email,
    places: String(registration.places),
    children: String(registration.children),
    locale: registration.locale as string,
    interpreter: registration.needs?.interpreter ?? "",
    childcare: registration.needs?.childcare?.children ? String(registration.needs.childcare.children) : "",
    ages: registration.needs?.childcare?.ages ?? "",
    accessibility: registration.needs?.accessibility ?? "",
    answers: { ...registration.answers } as Record<string, unknown>,
  }));
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const setAnswer = (id: string, value: unknown) => setValues((v) => ({ ...v, answers: { ...v.answers, [id]: value } }));
  const form = useForm();
  return (
    <Form
      form={form}
      class="edit-form subform"
      aria-label={s("reg.edit_title")}
      submitLabel={s("reg.save_edit")}
      secondary={
        <button type="button" class="button button-secondary" onClick={onDone}>
          {s("common.back")}
        </button>
      }
      onSubmit={async () => {
        const answers = Object.fromEntries(Object.entries(values.answers).filter(([, v]) => v !== "" && v !== undefined && !(Array.isArray(v) && v.length === 0)));
        const needs: Record<string, unknown> = {};
        if (values.interpreter.trim()) needs.interpreter = values.interpreter.trim();
        if (values.childcare) needs.childcare = { children: Number(values.childcare), ...(values.ages.trim() ? { ages: values.ages.trim() } : {}) };
        if (values.accessibility.trim()) needs.accessibility = values.accessibility.trim();
        await api.patch(`/api/console/registrations/${registration.id}`, {
          name: values.name.trim(),
          email: values.email.trim(),
          places: Number(values.places),
          ...(event.countChildren ? { children: Number(values.children) || 0 } : {}),
          locale: values.locale,
          answers,
          needs,
        });
        await refresh();
        onDone();
        return s("reg.edited", { name: values.name.trim() });
      }}
    >
      <h4>{s("reg.edit_title")}</h4>
      <p class="hint">{s("reg.edit_hint")}</p>
      <TextField name="name" label={s("reg.name")} required value={values.name} onValue={set("name")} input={{ maxLength: 200 }} />
      <TextField name="email" label={s("reg.email")} required type="email" value={values.email} onValue={set("email")} input={{ maxLength: 254 }} />
      <TextField
        name="places"
        label={s("reg.col_places")}
        hint={s("reg.places_hint", { max: event.maxPlacesPerRegistration })}
        type="number"
        value={values.places}
        onValue={set("places")}
        input={{ min: 1, max: event.maxPlacesPerRegistration, class: "input-short" }}
      />
      {event.countChildren ? (
        <TextField
          name="children"
          label={s("reg.children_count")}
          type="number"
          value={values.children}
          onValue={set("children")}
          input={{ min: 0, max: 50, class: "input-short" }}
        />
      ) : null}
      <SelectField
        name="locale"
        label={s("detail.locale")}
        value={values.locale}
        onValue={set("locale")}
        options={Object.entries(LOCALE_NAMES).map(([code, label]) => ({ value: code, label, lang: code }))}
      />
      {event.questions.map((question) => {
        const label = localized(question.label) || s("reg.unknown_question");
        const value = values.answers[question.id];
        const name = `answers.${question.id}`;
        if (question.type === "checkbox")
          return (
            <ChoiceField
              key={question.id}
              name={name}
              label={label}
              type="checkbox"
              options={[{ value: "yes", label: s("common.yes") }]}
              value={value === true ? ["yes"] : []}
              onValue={(v) => setAnswer(question.id, v.includes("yes"))}
            />
          );
        if (question.type === "single_choice" || question.type === "multiple_choice") {
          const selected = Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
          return (
            <ChoiceField
              key={question.id}
              name={name}
              label={label}
              type={question.type === "single_choice" ? "radio" : "checkbox"}
              options={(question.options ?? []).map((o) => ({ value: o.id, label: localized(o.label) || o.id }))}
              value={selected}
              onValue={(v) => setAnswer(question.id, question.type === "single_choice" ? (v[0] ?? "") : v)}
            />
          );
        }
        return (
          <TextField
            key={question.id}
            name={name}
            label={label}
            required={question.required}
            multiline={question.type === "long_text"}
            type={question.type === "number" ? "number" : "text"}
            value={value === undefined || value === null ? "" : String(value)}
            onValue={(v) => setAnswer(question.id, question.type === "number" ? (v === "" ? "" : Number(v)) : v)}
          />
        );
      })}
      <fieldset class="subform">
        <legend>{s("reg.needs_legend")}</legend>
        <TextField name="needs.interpreter" label={s("reg.interpreter")} value={values.interpreter} onValue={set("interpreter")} input={{ maxLength: 100 }} />
        <TextField
          name="needs.childcare.children"
          label={s("reg.children")}
          type="number"
          value={values.childcare}
          onValue={set("childcare")}
          input={{ min: 0, max: 20, class: "input-short" }}
        />
        <TextField name="needs.childcare.ages" label={s("reg.ages")} value={values.ages} onValue={set("ages")} input={{ maxLength: 100 }} />
        <TextField
          name="needs.accessibility"
          label={s("reg.accessibility")}
          multiline
          rows={2}
          value={values.accessibility}
          onValue={set("accessibility")}
          input={{ maxLength: 1000 }}
        />
      </fieldset>
    </Form>
  );
}

// ---------------------------------------------------------------- lists, messages, helpers

function Exports() {
  const { event } = usePage();
  const [delimiter, setDelimiter] = useState(";");
  const [status, setStatus] = useState("");
  const locale = consoleLocale();
  const csv = `/api/console/events/${event.id}/export.csv${query({ delimiter, status, locale })}`;
  const print = `/api/console/events/${event.id}/print${query({ locale })}`;
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{s("export.title")}</h2>
      <p class="hint">{s("export.hint")}</p>
      <ChoiceField
        name="delimiter"
        label={s("export.delimiter")}
        type="radio"
        options={[
          { value: ";", label: s("export.semicolon") },
          { value: ",", label: s("export.comma") },
        ]}
        value={[delimiter]}
        onValue={([d]) => setDelimiter(d ?? ";")}
      />
      <SelectField
        name="export-status"
        label={s("export.status")}
        value={status}
        onValue={setStatus}
        options={[{ value: "", label: s("reg.all_statuses") }, ...STATUSES.map((st) => ({ value: st, label: statusName(st) }))]}
      />
      <div class="button-row">
        <a class="button" href={csv} download="">
          {s("export.csv")}
        </a>
        <a class="button button-secondary" href={print} target="_blank" rel="noopener">
          {s("export.print")}
          <span class="visually-hidden"> {s("common.new_tab")}</span>
        </a>
      </div>
    </section>
  );
}

function Messages() {
  const { event } = usePage();
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [groups, setGroups] = useState<string[]>(["confirmed"]);
  const form = useForm();
  if (!event.permissions.manage) return null;
  return (
    <section aria-labelledby="message-heading">
      <h2 id="message-heading">{s("message.title")}</h2>
      <p class="hint">{s("message.hint")}</p>
      <MessageArea>
        <Form
          form={form}
          submitLabel={s("message.send")}
          busyLabel={s("common.sending")}
          onSubmit={async () => {
            const statuses = groups as RegistrationStatus[];
            const count = statuses.reduce((sum, st) => sum + (event.counts[st] ?? 0), 0);
            const sure = await ask({ title: s("message.confirm_title"), text: s("message.confirm_text", { count: counted("registrations", count), subject: subject.trim() }), confirm: s("message.send") });
            if (!sure) return null;
            const { queued } = await api.post<{ queued: number }>(`/api/console/events/${event.id}/messages`, { subject: subject.trim(), body: body.trim(), statuses });
            setSubject("");
            setBody("");
            return s("message.queued", { count: counted("messages", queued) });
          }}
        >
          <TextField name="subject" label={s("message.subject")} required value={subject} onValue={setSubject} input={{ maxLength: 200 }} />
          <TextField name="body" label={s("message.body")} hint={s("message.body_hint")} required multiline rows={6} value={body} onValue={setBody} input={{ maxLength: 10000 }} />
          <ChoiceField
            name="statuses"
            label={s("message.groups")}
            type="checkbox"
            options={MESSAGE_GROUPS.map((st) => ({ value: st, label: statusName(st) }))}
            value={groups}
            onValue={setGroups}
          />
        </Form>
      </MessageArea>
    </section>
  );
}

function Helpers() {
  const { event } = usePage();
  const helpers = useLoad(() => api.get<ConsoleHelpersResponse>(`/api/console/events/${event.id}/helpers`), [event.id]);
  const [email, setEmail] = useState("");
  const form = useForm();
  if (!event.permissions.manage) return null;
  return (
    <section aria-labelledby="helpers-heading">
      <h2 id="helpers-heading">{s("helpers.title")}</h2>
      <p class="hint">{s("helpers.hint")}</p>
      <MessageArea>
        <Loaded state={helpers}>
          {({ helpers: list }) =>
            list.length === 0 ? (
              <p>{s("helpers.none")}</p>
            ) : (
              <ul class="waitlist">
                {list.map((helper: ConsoleHelper) => (
                  <li key={helper.userId}>
                    <p>
                      {helper.name ?? helper.email}
                      {helper.name ? <span class="muted"> ({helper.email})</span> : null}
                    </p>
                    <ActionButton
                      small
                      onAction={async () => {
                        helpers.set(await api.delete<ConsoleHelpersResponse>(`/api/console/events/${event.id}/helpers/${helper.userId}`));
                        return s("helpers.removed", { name: helper.name ?? helper.email });
                      }}
                    >
                      {s("common.remove")}
                      <span class="visually-hidden">: {helper.name ?? helper.email}</span>
                    </ActionButton>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
        <Form
          form={form}
          class="subform"
          aria-label={s("helpers.assign")}
          submitLabel={s("helpers.assign")}
          submitVariant="secondary"
          onSubmit={async () => {
            helpers.set(await api.post<ConsoleHelpersResponse>(`/api/console/events/${event.id}/helpers`, { email: email.trim() }));
            const assigned = email.trim();
            setEmail("");
            return s("helpers.assigned", { email: assigned });
          }}
        >
          <TextField
            name="email"
            label={s("helpers.email")}
            hint={s("helpers.email_hint")}
            required
            type="email"
            value={email}
            onValue={setEmail}
            input={{ maxLength: 254, autoComplete: "off" }}
          />
        </Form>
      </MessageArea>
    </section>
  );
}

// ---------------------------------------------------------------- the page

function Problem({ error, me, eventId }: { error: unknown; me: Me; eventId: number }) {
  if (error instanceof ApiFailure && error.status === 403)
    return <Notice kind="error">{s(me.assignedEventIds.includes(eventId) ? "event.helper_only_checkin" : "event.forbidden")}</Notice>;
  if (error instanceof ApiFailure && error.status === 404) return <Notice kind="error">{s("event.not_found")}</Notice>;
  return <Notice kind="error">{failureMessage(error)}</Notice>;
}

function EventPage({ me }: { me: Me | null }) {
  const params = new URLSearchParams(location.search);
  const eventId = Number(params.get("id"));
  const [version, setVersion] = useState(0);
  const loaded = useLoad(() => api.get<ConsoleEventResponse>(`/api/console/events/${eventId}`), [eventId]);
  useTitle(loaded.data ? eventTitle(loaded.data.event) : s("event.title"));
  if (!me) return null;
  if (!Number.isSafeInteger(eventId) || eventId <= 0) {
    return (
      <>
        <PageHeading>{s("event.title")}</PageHeading>
        <p>{s("event.missing_id")}</p>
        <p>
          <a href="/console/">{s("common.back_to_events")}</a>
        </p>
      </>
    );
  }
  if (loaded.data === undefined) {
    if (!loaded.error) return <Loading />;
    return (
      <>
        <PageHeading>{s("event.title")}</PageHeading>
        <Problem error={loaded.error} me={me} eventId={eventId} />
        <p>
          <a href="/console/">{s("common.back_to_events")}</a>
        </p>
      </>
    );
  }
  const page: Page = {
    event: loaded.data.event,
    version,
    refresh: async () => {
      await loaded.reload();
      setVersion((v) => v + 1);
    },
  };
  const note = params.has("published") ? s("event.created_published_note") : params.has("created") ? s("event.created_note") : params.has("saved") ? s("event.saved_note") : null;
  return (
    <EventContext.Provider value={page}>
      <p>
        <a href="/console/">{s("common.back_to_events")}</a>
      </p>
      {note ? (
        <Notice kind="success" focus>
          {note}
        </Notice>
      ) : null}
      <Overview />
      {page.event.permissions.manage ? (
        <>
          <AtAGlance />
          <ApplicationsAndWaitlist />
          <Registrations />
          <Exports />
          <Messages />
          <Helpers />
        </>
      ) : null}
    </EventContext.Provider>
  );
}

void mountPage(EventPage);
