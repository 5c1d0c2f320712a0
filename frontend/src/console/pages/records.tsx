/**
 * /console/records?id=N: what happened at an event. Attendance per date (who came, the
 * no-shows, the date's signature list as PDF; organisers record attendance afterwards here,
 * marked as such) and certificates (the rule and signer, who qualifies and why not, issuing
 * to all who qualify, revoking and reissuing). Certificates count only dates that have ended.
 */
import { useState } from "preact/hooks";
import type {
  AttendanceResponse,
  CertificateOverview,
  CertificateRule,
  CertificateSettings,
  CertificateStanding,
  ConsoleEvent,
  ConsoleEventResponse,
  SessionAttendance,
} from "../types";
import { ActionButton } from "../ui/action";
import { api, ApiFailure, failureMessage, type Me } from "../ui/api";
import { ChoiceField, FieldProblems, Form, TextField, useForm } from "../ui/form";
import { Loaded, useLoad } from "../ui/load";
import { MessageArea, Notice } from "../ui/messages";
import { mountPage, PageHeading, useTitle } from "../ui/page";
import { Table } from "../ui/table";
import { formatSpan, formatTime, Time } from "../ui/time";
import { counted, eventTitle, s, statusName } from "../strings";

function sessionLabel(session: SessionAttendance, zone: string): string {
  return `${formatSpan(session.startsAt, session.endsAt, zone)}${session.title ? ` · ${session.title}` : ""}`;
}

function SessionBlock({ event, session, index, reload }: { event: ConsoleEvent; session: SessionAttendance; index: number; reload: () => Promise<void> }) {
  const zone = event.timeZone;
  const label = sessionLabel(session, zone);
  const headingId = `session-${session.id}-heading`;
  const came = session.attended.reduce((sum, p) => sum + p.checkedInPlaces, 0);
  const manage = event.permissions.manage;
  return (
    <section class="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {s("records.date_n", { n: index + 1 })} · <Time iso={session.startsAt} zone={zone} />
        {session.title ? ` · ${session.title}` : null}
      </h3>
      {session.cancelled ? (
        <Notice kind="error">{s("event.session_cancelled")}</Notice>
      ) : (
        <p>
          {s("records.came_count", { people: counted("registrations", session.attended.length), places: counted("places", came) })}
          {session.begun ? ` · ${s("records.no_show_count", { count: session.noShows.length })}` : null}
        </p>
      )}
      {session.cancelled ? null : (
        <div class="button-row">
          <a class="button button-secondary" href={`/api/console/events/${event.id}/sessions/${session.id}/signature-list.pdf`} download="">
            {s("records.signature_list")}
            <span class="visually-hidden"> {s("records.for_date", { date: label })}</span>
          </a>
        </div>
      )}
      <MessageArea>
        {session.attended.length > 0 || !session.cancelled ? <h4>{s("records.attended")}</h4> : null}
        {session.attended.length === 0 ? (
          <p>{s("records.nobody_came")}</p>
        ) : (
          <Table caption={s("records.attended_caption", { date: label })} head={[s("records.col_name"), s("records.col_places"), s("records.col_checked_in_at")]}>
            {session.attended.map((p) => (
              <tr key={p.registrationId}>
                <th scope="row">
                  {p.name}
                  {p.stillConfirmed ? null : <span class="hint"> ({s("records.no_longer_confirmed")})</span>}
                </th>
                <td class="num">{p.checkedInPlaces === p.places ? String(p.checkedInPlaces) : s("records.places_of", { came: p.checkedInPlaces, booked: p.places })}</td>
                <td>
                  <Time iso={p.checkedInAt} zone={zone} />
                  {p.afterwards ? <span class="hint"> ({s("records.afterwards")})</span> : null}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {session.cancelled ? null : <h4>{s("records.no_shows")}</h4>}
        {session.cancelled ? null : !session.begun ? (
          <p class="hint">{s("records.not_begun")}</p>
        ) : session.noShows.length === 0 ? (
          <p>{s("records.no_no_shows")}</p>
        ) : (
          <>
            {manage && session.closed ? <p class="hint">{s("records.record_afterwards_hint")}</p> : null}
            <Table
              caption={s("records.no_shows_caption", { date: label })}
              head={[s("records.col_name"), s("records.col_places"), ...(manage && session.closed ? [<span class="visually-hidden">{s("common.actions")}</span>] : [])]}
            >
              {session.noShows.map((p) => (
                <tr key={p.registrationId}>
                  <th scope="row">{p.name}</th>
                  <td class="num">{p.places}</td>
                  {manage && session.closed ? (
                    <td>
                      <ActionButton
                        small
                        onAction={async () => {
                          const result = await api.post<{ outcome: string }>(`/api/console/events/${event.id}/checkin/scan`, {
                            registrationId: p.registrationId,
                            sessionId: session.id,
                          });
                          await reload();
                          return result.outcome === "checked_in" ? s("records.recorded_afterwards", { name: p.name }) : s("records.not_recorded", { name: p.name });
                        }}
                      >
                        {s("records.record_afterwards")}
                        <span class="visually-hidden">: {p.name}</span>
                      </ActionButton>
                    </td>
                  ) : null}
                </tr>
              ))}
            </Table>
          </>
        )}
      </MessageArea>
    </section>
  );
}

function Attendance({ event }: { event: ConsoleEvent }) {
  const report = useLoad(() => api.get<AttendanceResponse>(`/api/console/events/${event.id}/attendance`), [event.id]);
  return (
    <Loaded state={report}>
      {(data) => (
        <>
          <p class="hint">{s("records.attendance_hint", { count: data.expected.length })}</p>
          {data.sessions.length === 0 ? (
            <p>{s("records.no_sessions")}</p>
          ) : (
            data.sessions.map((session, index) => <SessionBlock key={session.id} event={event} session={session} index={index} reload={report.reload} />)
          )}
        </>
      )}
    </Loaded>
  );
}

function ruleText(rule: CertificateRule | null): string {
  if (!rule || rule.kind === "none") return s("records.rule_none");
  if (rule.kind === "all_sessions") return s("records.rule_all");
  if (rule.kind === "min_sessions") return s("records.rule_min_sessions_n", { n: rule.sessions });
  return s("records.rule_min_percent_n", { n: rule.percent });
}

function SettingsForm({ event, settings, reload }: { event: ConsoleEvent; settings: CertificateSettings; reload: () => Promise<void> }) {
  const rule = settings.rule ?? { kind: "none" };
  const [kind, setKind] = useState<CertificateRule["kind"]>(rule.kind);
  const [sessions, setSessions] = useState(rule.kind === "min_sessions" ? String(rule.sessions) : "");
  const [percent, setPercent] = useState(rule.kind === "min_hours_percent" ? String(rule.percent) : "");
  const [name, setName] = useState(settings.signer?.name ?? "");
  const [role, setRole] = useState(settings.signer?.role ?? "");
  const form = useForm();
  return (
    <Form
      form={form}
      aria-label={s("records.settings")}
      submitLabel={s("records.save_settings")}
      onSubmit={async () => {
        const missing: Record<string, string> = {};
        if (kind === "min_sessions" && !(Number(sessions) >= 1)) missing["rule.sessions"] = s("check.min_sessions");
        if (kind === "min_hours_percent" && !(Number(percent) >= 1 && Number(percent) <= 100)) missing["rule.percent"] = s("check.min_percent");
        if ((name.trim() || role.trim()) && !name.trim()) missing["signer.name"] = s("check.signer_name");
        if ((name.trim() || role.trim()) && !role.trim()) missing["signer.role"] = s("check.signer_role");
        if (Object.keys(missing).length > 0) throw new FieldProblems(missing);
        const next: CertificateRule = kind === "min_sessions" ? { kind, sessions: Number(sessions) } : kind === "min_hours_percent" ? { kind, percent: Number(percent) } : { kind };
        await api.put(`/api/console/events/${event.id}/certificate-settings`, { rule: next, signer: name.trim() ? { name: name.trim(), role: role.trim() } : null });
        await reload();
        return s("records.settings_saved");
      }}
    >
      <ChoiceField
        name="rule.kind"
        label={s("records.rule")}
        type="radio"
        inline={false}
        options={[
          { value: "none", label: s("records.rule_none") },
          { value: "all_sessions", label: s("records.rule_all") },
          { value: "min_sessions", label: s("records.rule_min_sessions") },
          { value: "min_hours_percent", label: s("records.rule_min_percent") },
        ]}
        value={[kind]}
        onValue={([k]) => setKind((k as CertificateRule["kind"]) ?? "none")}
      />
      {kind === "min_sessions" ? (
        <TextField
          name="rule.sessions"
          label={s("records.min_sessions")}
          type="number"
          value={sessions}
          onValue={setSessions}
          input={{ min: 1, max: 1000, inputMode: "numeric", class: "input-short" }}
        />
      ) : null}
      {kind === "min_hours_percent" ? (
        <TextField
          name="rule.percent"
          label={s("records.min_percent")}
          type="number"
          value={percent}
          onValue={setPercent}
          input={{ min: 1, max: 100, inputMode: "numeric", class: "input-short" }}
        />
      ) : null}
      <TextField
        name="signer.name"
        label={s("records.signer_name")}
        hint={s("records.signer_hint")}
        value={name}
        onValue={setName}
        input={{ maxLength: 200, autoComplete: "off" }}
      />
      <TextField name="signer.role" label={s("records.signer_role")} value={role} onValue={setRole} input={{ maxLength: 200, autoComplete: "off" }} />
    </Form>
  );
}

function CertificateRow({ event, standing, reload }: { event: ConsoleEvent; standing: CertificateStanding; reload: () => Promise<void> }) {
  const manage = event.permissions.manage;
  const latestRevoked = standing.revoked.length > 0 ? [...standing.revoked].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))[0]! : null;
  const reissueOf = standing.certificate ?? latestRevoked;
  const name = standing.name;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{statusName(standing.status)}</td>
      <td>{s("records.attended_of", { attended: standing.attended, total: standing.total, percent: standing.percent })}</td>
      <td>
        <strong>{standing.eligible ? s("records.eligible_yes") : s("records.eligible_no")}</strong>
        <br />
        <span class="hint">{standing.why}</span>
      </td>
      <td>
        {standing.certificate ? (
          <>
            <code>{standing.certificate.code}</code>
            <br />
            <span class="hint">{s("records.issued_at", { date: formatTime(standing.certificate.issuedAt, "datetime", event.timeZone) })}</span>
          </>
        ) : (
          "–"
        )}
        {standing.revoked.length > 0 ? (
          <ul class="plain-list hint">
            {standing.revoked.map((c) => (
              <li key={c.id}>
                {s("records.revoked_entry", {
                  code: c.code,
                  date: formatTime(c.revokedAt, "datetime", event.timeZone),
                  reason: c.revokedReason === "reissued" ? s("records.reason_reissued") : (c.revokedReason ?? "–"),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      {manage ? (
        <td>
          <div class="button-row">
            {standing.certificate ? (
              <ActionButton
                small
                variant="danger"
                confirm={{
                  title: s("records.revoke_title", { name }),
                  text: s("records.revoke_text", { code: standing.certificate.code }),
                  fields: [{ name: "reason", label: s("records.revoke_reason"), type: "textarea", required: true }],
                  confirm: s("records.revoke"),
                  danger: true,
                }}
                onAction={async ({ reason }) => {
                  await api.post(`/api/console/events/${event.id}/certificates/${standing.certificate!.id}/revoke`, { reason });
                  await reload();
                  return s("records.revoked_note", { name });
                }}
              >
                {s("records.revoke")}
                <span class="visually-hidden">: {name}</span>
              </ActionButton>
            ) : null}
            {reissueOf ? (
              <ActionButton
                small
                confirm={{
                  title: s("records.reissue_title", { name }),
                  text: s(standing.certificate ? "records.reissue_text" : "records.reissue_revoked_text", { code: reissueOf.code }),
                  fields: [{ name: "name", label: s("records.reissue_name"), type: "text", value: name, hint: s("records.reissue_name_hint") }],
                  confirm: s("records.reissue"),
                }}
                onAction={async (values) => {
                  const body = values.name && values.name !== name ? { name: values.name } : {};
                  await api.post(`/api/console/events/${event.id}/certificates/${reissueOf.id}/reissue`, body);
                  await reload();
                  return s("records.reissued_note", { name: values.name || name });
                }}
              >
                {s("records.reissue")}
                <span class="visually-hidden">: {name}</span>
              </ActionButton>
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  );
}

function Certificates({ event }: { event: ConsoleEvent }) {
  const overview = useLoad(() => api.get<CertificateOverview>(`/api/console/events/${event.id}/certificates`), [event.id]);
  const manage = event.permissions.manage;
  return (
    <Loaded state={overview}>
      {(data) => {
        const ruleSet = data.settings.rule && data.settings.rule.kind !== "none";
        const due = data.registrations.filter((r) => r.eligible && !r.certificate).length;
        const head = [
          s("records.col_name"),
          s("records.col_status"),
          s("records.col_attended"),
          s("records.col_eligible"),
          s("records.col_certificate"),
          ...(manage ? [s("common.actions")] : []),
        ];
        return (
          <>
            <MessageArea>
              <h3 id="settings-heading">{s("records.settings")}</h3>
              <dl class="details">
                <dt>{s("records.rule")}</dt>
                <dd>{ruleText(data.settings.rule)}</dd>
                <dt>{s("records.signer")}</dt>
                <dd>{data.settings.signer ? `${data.settings.signer.name}, ${data.settings.signer.role}` : s("records.no_signer")}</dd>
              </dl>
              {manage ? <SettingsForm event={event} settings={data.settings} reload={overview.reload} /> : null}
            </MessageArea>
            <MessageArea>
              <h3 id="list-heading">{s("records.list")}</h3>
              <p>{s("records.summary", { sessions: data.sessions, eligible: data.eligible, issued: counted("certificates", data.issued) })}</p>
              <p class="hint">{s("records.ended_only")}</p>
              {ruleSet ? null : <p class="hint">{s("records.no_rule_hint")}</p>}
              {manage && ruleSet ? (
                <div class="button-row">
                  <ActionButton
                    variant="primary"
                    disabled={due === 0}
                    confirm={{ title: s("records.issue_title"), text: s("records.issue_text", { count: counted("people", due) }), confirm: s("records.issue") }}
                    onAction={async () => {
                      const result = await api.post<{ issued: number; eligible: number }>(`/api/console/events/${event.id}/certificates/issue`);
                      await overview.reload();
                      return s("records.issued_note", { count: counted("certificates", result.issued) });
                    }}
                  >
                    {s("records.issue")}
                  </ActionButton>
                  {due === 0 ? <span class="hint">{s(data.eligible > 0 ? "records.nothing_due" : "records.nobody_eligible")}</span> : null}
                </div>
              ) : null}
              {data.registrations.length === 0 ? (
                <p>{s("records.no_registrations")}</p>
              ) : (
                <Table caption={s("records.list_caption")} head={head}>
                  {data.registrations.map((standing) => (
                    <CertificateRow key={standing.registrationId} event={event} standing={standing} reload={overview.reload} />
                  ))}
                </Table>
              )}
            </MessageArea>
          </>
        );
      }}
    </Loaded>
  );
}

function RecordsPage({ me }: { me: Me | null }) {
  const eventId = Number(new URLSearchParams(location.search).get("id"));
  const loaded = useLoad(() => api.get<ConsoleEventResponse>(`/api/console/events/${eventId}`), [eventId]);
  const named = loaded.data ? eventTitle(loaded.data.event) : "";
  const title = named ? `${s("records.title")}: ${named}` : s("records.title");
  useTitle(title);
  if (!me) return null;
  if (!Number.isSafeInteger(eventId) || eventId <= 0) {
    return (
      <>
        <PageHeading>{s("records.title")}</PageHeading>
        <p>{s("event.missing_id")}</p>
      </>
    );
  }
  if (loaded.error && !loaded.data) {
    const status = loaded.error instanceof ApiFailure ? loaded.error.status : 0;
    return (
      <>
        <PageHeading>{s("records.title")}</PageHeading>
        <Notice kind="error">{status === 403 ? s("event.forbidden") : status === 404 ? s("event.not_found") : failureMessage(loaded.error)}</Notice>
        <p>
          <a href="/console/">{s("common.back_to_events")}</a>
        </p>
      </>
    );
  }
  return (
    <Loaded state={loaded}>
      {({ event }) => (
        <>
          <p>
            <a href={`/console/event?id=${event.id}`}>{s("records.back_to_event", { title: named })}</a>
          </p>
          <PageHeading>{title}</PageHeading>
          <section aria-labelledby="attendance-heading">
            <h2 id="attendance-heading">{s("records.attendance")}</h2>
            <Attendance event={event} />
          </section>
          <section aria-labelledby="certificates-heading">
            <h2 id="certificates-heading">{s("records.certificates")}</h2>
            <Certificates event={event} />
          </section>
        </>
      )}
    </Loaded>
  );
}

void mountPage(RecordsPage);
