/** /console/: the events the user can see, a new event, organisations and members, the account. */
import { useState } from "preact/hooks";
import type { ConsoleEventListItem, ConsoleEventListResponse, Member, Organisation, Role } from "../types";
import { ActionButton } from "../ui/action";
import { api, canOrganise, type Me } from "../ui/api";
import { ChoiceField, Form, TextField, useForm } from "../ui/form";
import { Loaded, useLoad } from "../ui/load";
import { MessageArea, Notice } from "../ui/messages";
import { mountPage, PageHeading, useSignOut, useTitle } from "../ui/page";
import { Table } from "../ui/table";
import { Time } from "../ui/time";
import { eventStatusName, eventTitle, formatName, roleName, s } from "../strings";

function EventTable({ list, me }: { list: ConsoleEventListItem[]; me: Me }) {
  const onlyHelper = !canOrganise(me);
  return (
    <>
      {onlyHelper ? <Notice>{s("index.helper_note")}</Notice> : null}
      {list.length === 0 ? (
        <p>{s("index.empty")}</p>
      ) : (
        <Table
          caption={s("index.table_caption", { count: list.length })}
          head={[
            s("index.col_title"),
            s("index.col_status"),
            s("index.col_first_date"),
            s("index.col_places"),
            s("index.col_waitlist"),
            s("index.col_applications"),
            s("index.col_organisation"),
          ]}
        >
          {list.map((event) => (
            <tr key={event.id} data-event-id={event.id}>
              <th scope="row">
                <a href={`/console/event?id=${event.id}`}>{eventTitle(event)}</a>
              </th>
              <td>
                <span class={`badge badge-${event.status}`}>{eventStatusName(event.status)}</span>
                <br />
                <span class="muted">{formatName(event.format)}</span>
              </td>
              <td>
                <Time iso={event.firstStartsAt} />
              </td>
              <td class="num">{event.capacity === null ? "–" : `${event.confirmedPlaces} / ${event.capacity}`}</td>
              <td class="num">{event.waitlistLength}</td>
              <td class="num" data-cell="applications">
                {event.pendingApplications > 0 ? <strong>{event.pendingApplications}</strong> : "0"}
              </td>
              <td>{event.organisationName}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function InviteForm({ organisation, reload }: { organisation: Organisation; reload: () => Promise<void> }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("organiser");
  const form = useForm();
  return (
    <Form
      form={form}
      class="subform"
      aria-label={s("orgs.invite_title")}
      submitLabel={s("orgs.invite")}
      busyLabel={s("common.sending")}
      onSubmit={async () => {
        await api.post(`/api/console/organisations/${organisation.id}/members`, { email: email.trim(), ...(name.trim() ? { name: name.trim() } : {}), role });
        const sent = email.trim();
        setEmail("");
        setName("");
        await reload();
        return s("orgs.invited", { email: sent });
      }}
    >
      <h4>{s("orgs.invite_title")}</h4>
      <TextField name="email" label={s("orgs.invite_email")} required type="email" value={email} onValue={setEmail} input={{ maxLength: 254, autoComplete: "off" }} />
      <TextField name="name" label={s("orgs.invite_name")} value={name} onValue={setName} input={{ maxLength: 200, autoComplete: "off" }} />
      <ChoiceField
        name="role"
        label={s("orgs.role")}
        type="radio"
        options={(["organiser", "checkin_helper"] as const).map((r) => ({ value: r, label: roleName(r) }))}
        value={[role]}
        onValue={([r]) => setRole((r as Role) ?? "organiser")}
      />
    </Form>
  );
}

function Members({ organisation, me }: { organisation: Organisation; me: Me }) {
  const members = useLoad(() => api.get<{ members: Member[] }>(`/api/console/organisations/${organisation.id}/members`), [organisation.id]);
  return (
    <MessageArea>
      <Loaded state={members}>
        {({ members: list }) => (
          <Table
            caption={s("orgs.members_caption", { name: organisation.name })}
            head={[s("orgs.col_person"), s("orgs.col_role"), <span class="visually-hidden">{s("common.actions")}</span>]}
          >
            {list.map((member) => {
              const who = member.name ?? member.email;
              return (
                <tr key={member.userId}>
                  <th scope="row">
                    {who}
                    {member.name ? (
                      <>
                        <br />
                        <span class="muted">{member.email}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{roleName(member.role)}</td>
                  <td>
                    {member.userId === me.id ? (
                      <span class="muted">{s("orgs.you")}</span>
                    ) : (
                      <ActionButton
                        small
                        confirm={{ title: s("orgs.remove_title", { name: who }), text: s("orgs.remove_text"), confirm: s("orgs.remove"), danger: true }}
                        onAction={async () => {
                          await api.delete(`/api/console/organisations/${organisation.id}/members/${member.userId}`);
                          await members.reload();
                          return s("orgs.removed", { name: who });
                        }}
                      >
                        {s("orgs.remove")}
                        <span class="visually-hidden">: {who}</span>
                      </ActionButton>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        )}
      </Loaded>
      <InviteForm organisation={organisation} reload={members.reload} />
    </MessageArea>
  );
}

function NewOrganisationForm({ reload }: { reload: () => Promise<void> }) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const form = useForm();
  return (
    <Form
      form={form}
      class="subform"
      aria-label={s("orgs.new_title")}
      submitLabel={s("orgs.create")}
      onSubmit={async () => {
        await api.post("/api/console/organisations", { name: name.trim(), slug: slug.trim() });
        const created = name.trim();
        setName("");
        setSlug("");
        await reload();
        return s("orgs.created", { name: created });
      }}
    >
      <h3>{s("orgs.new_title")}</h3>
      <TextField name="name" label={s("orgs.new_name")} required value={name} onValue={setName} input={{ maxLength: 200 }} />
      <TextField name="slug" label={s("orgs.new_slug")} hint={s("orgs.new_slug_hint")} required value={slug} onValue={setSlug} input={{ maxLength: 80, spellcheck: false }} />
    </Form>
  );
}

function Organisations({ me }: { me: Me }) {
  const organisations = useLoad(() => api.get<{ organisations: Organisation[] }>("/api/console/organisations"), []);
  return (
    <section aria-labelledby="orgs-heading">
      <h2 id="orgs-heading">{s("orgs.title")}</h2>
      <MessageArea>
        <Loaded state={organisations}>
          {({ organisations: list }) => (
            <>
              {list.map((organisation) => (
                <section class="panel" key={organisation.id} aria-labelledby={`org-${organisation.id}`}>
                  <h3 id={`org-${organisation.id}`}>{organisation.name}</h3>
                  {me.isAdmin || organisation.role === "organiser" ? <Members organisation={organisation} me={me} /> : null}
                </section>
              ))}
              {me.isAdmin ? <NewOrganisationForm reload={organisations.reload} /> : null}
            </>
          )}
        </Loaded>
      </MessageArea>
    </section>
  );
}

function Account({ me }: { me: Me }) {
  const signOut = useSignOut();
  const memberships = me.memberships.map((m) => `${m.organisationName}: ${roleName(m.role)}`);
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">{s("account.title")}</h2>
      <dl class="details">
        <dt>{s("account.email")}</dt>
        <dd>{me.email}</dd>
        <dt>{s("account.roles")}</dt>
        <dd>{[me.isAdmin ? s("role.administrator") : null, ...memberships].filter(Boolean).join("; ") || "–"}</dd>
      </dl>
      <MessageArea>
        <div class="button-row">
          <ActionButton onAction={() => signOut(false)}>{s("site.sign_out")}</ActionButton>
          <ActionButton confirm={{ title: s("account.everywhere_title"), text: s("account.everywhere_text"), confirm: s("account.everywhere") }} onAction={() => signOut(true)}>
            {s("account.everywhere")}
          </ActionButton>
        </div>
      </MessageArea>
    </section>
  );
}

function IndexPage({ me }: { me: Me | null }) {
  useTitle(s("index.title"));
  const events = useLoad(() => api.get<ConsoleEventListResponse>("/api/console/events"), []);
  if (!me) return null;
  const organiser = canOrganise(me);
  return (
    <>
      <PageHeading>{s("index.title")}</PageHeading>
      {organiser || me.assignedEventIds.length > 0 ? (
        <p class="actions">
          {organiser ? (
            <a class="button" href="/console/new">
              {s("index.new_event")}
            </a>
          ) : null}{" "}
          <a class="button button-secondary" href="/console/checkin">
            {s("index.checkin")}
          </a>
          {organiser ? (
            <>
              {" "}
              <a class="button button-secondary" href="/console/statistics">
                {s("stats.title")}
              </a>
            </>
          ) : null}
          {me.isAdmin ? (
            <>
              {" "}
              <a class="button button-secondary" href="/console/status">
                {s("index.status")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      <section aria-labelledby="events-heading">
        <h2 id="events-heading" class="visually-hidden">
          {s("index.title")}
        </h2>
        <Loaded state={events}>{({ events: list }) => <EventTable list={list} me={me} />}</Loaded>
      </section>
      {organiser ? <Organisations me={me} /> : null}
      <Account me={me} />
    </>
  );
}

void mountPage(IndexPage);
