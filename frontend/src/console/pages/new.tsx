/**
 * /console/new: a new event in a few steps. First what kind of event it is (a workshop, a
 * series, a conference with parallel workshops, a fair with stands, free entry, an online
 * session, an application with selection); then a short form that starts from that kind's
 * defaults, with a live preview of the public page beside it. Sent as a draft, or published
 * at once.
 */
import { useState } from "preact/hooks";
import type { ConsoleEventResponse, Organisation } from "../types";
import { api, canOrganise, type Me } from "../ui/api";
import { FieldProblems, Form, useForm } from "../ui/form";
import { Loaded, useLoad } from "../ui/load";
import { MessageArea, Notice } from "../ui/messages";
import { mountPage, PageHeading, useTitle } from "../ui/page";
import { s } from "../strings";
import { DEFAULT_TIME_ZONE } from "../../../../workers/src/lib/time-zone";
import { KINDS, kindDefaults, problems, toInput, type Draft, type Kind } from "../event-form/draft";
import { AboutFields, DateFields, KindChoice, MoreSettings, PlaceFields, QuestionFields, RegistrationFields, kindName, type FormOrganisation } from "../event-form/fields";
import { EventPreview } from "../event-form/preview";

function organisationsOf(me: Me, list: Organisation[]): FormOrganisation[] {
  const fromList = list.filter((o) => me.isAdmin || o.role === "organiser").map((o) => ({ id: o.id, name: o.name, timeZone: o.timeZone }));
  if (fromList.length > 0) return fromList;
  return me.memberships.filter((m) => m.role === "organiser").map((m) => ({ id: m.organisationId, name: m.organisationName, timeZone: DEFAULT_TIME_ZONE }));
}

function KindStep({ onChoose }: { onChoose: (kind: Kind) => void }) {
  const [kind, setKind] = useState<Kind | null>(null);
  const form = useForm();
  return (
    <Form
      form={form}
      submitLabel={s("create.continue")}
      onSubmit={async () => {
        if (!kind) throw new FieldProblems({ kind: s("create.kind_missing") });
        onChoose(kind);
      }}
    >
      <p>{s("create.intro")}</p>
      <KindChoice name="kind" value={kind} onValue={setKind} />
    </Form>
  );
}

function DraftStep({ kind, organisations, onBack }: { kind: Kind; organisations: FormOrganisation[]; onBack: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => kindDefaults(kind, organisations[0]!.id));
  const form = useForm({ labelFor: (path) => (path.startsWith("pools") ? s("create.registration") : undefined) });
  const zone = organisations.find((o) => o.id === draft.organisationId)?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <div class="create-layout">
      <Form
        form={form}
        class="event-form"
        aria-label={s("create.form_label", { kind: kindName(kind) })}
        submitLabel={s("create.save_draft")}
        busyLabel={s("common.saving")}
        submitVariant="secondary"
        extraSubmits={[{ value: "publish", label: s("create.publish"), busyLabel: s("create.publishing") }]}
        secondary={
          <button type="button" class="button button-secondary" onClick={onBack}>
            {s("create.other_kind")}
          </button>
        }
        onSubmit={async (action) => {
          const found = problems(draft);
          if (Object.keys(found).length > 0) throw new FieldProblems(found);
          const { event } = await api.post<ConsoleEventResponse>("/api/console/events", toInput(draft, zone));
          if (action === "publish") {
            await api.post(`/api/console/events/${event.id}/publish`);
            location.assign(`/console/event?id=${event.id}&published=1`);
          } else location.assign(`/console/event?id=${event.id}&created=1`);
        }}
      >
        <p class="hint">{s("create.required_hint")}</p>
        <AboutFields draft={draft} set={setDraft} organisations={organisations} showOrganisation={organisations.length > 1} />
        <DateFields draft={draft} set={setDraft} zone={zone} editing={false} />
        <PlaceFields draft={draft} set={setDraft} />
        <RegistrationFields draft={draft} set={setDraft} />
        {kind !== "free" ? <QuestionFields draft={draft} set={setDraft} /> : null}
        <MoreSettings draft={draft} set={setDraft} zone={zone} />
      </Form>
      <EventPreview draft={draft} zone={zone} />
    </div>
  );
}

function NewEventPage({ me }: { me: Me | null }) {
  const initial = new URLSearchParams(location.search).get("kind");
  const [kind, setKind] = useState<Kind | null>(KINDS.includes(initial as Kind) ? (initial as Kind) : null);
  const title = kind ? s("create.title_kind", { kind: kindName(kind) }) : s("edit.title_new");
  useTitle(title);
  const organisations = useLoad(() => api.get<{ organisations: Organisation[] }>("/api/console/organisations"), []);
  if (!me || !canOrganise(me)) {
    return (
      <>
        <PageHeading>{s("edit.title_new")}</PageHeading>
        <Notice kind="error">{s("edit.not_allowed")}</Notice>
      </>
    );
  }
  const choose = (next: Kind | null) => {
    setKind(next);
    const url = new URL(location.href);
    if (next) url.searchParams.set("kind", next);
    else url.searchParams.delete("kind");
    history.replaceState(null, "", url);
    requestAnimationFrame(() => document.querySelector<HTMLElement>("main h1")?.focus());
  };
  return (
    <MessageArea>
      <p>
        <a href="/console/">{s("common.back_to_events")}</a>
      </p>
      <PageHeading>{title}</PageHeading>
      <Loaded state={organisations}>
        {({ organisations: list }) => {
          const own = organisationsOf(me, list);
          if (own.length === 0) return <Notice kind="error">{s("edit.no_organisation")}</Notice>;
          return kind ? <DraftStep key={kind} kind={kind} organisations={own} onBack={() => choose(null)} /> : <KindStep onChoose={choose} />;
        }}
      </Loaded>
    </MessageArea>
  );
}

void mountPage(NewEventPage);
