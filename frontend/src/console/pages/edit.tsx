/**
 * /console/edit?id=N: an event's settings, in the same parts as its creation (what it is
 * about, when, where, registration, questions, the settings most events keep), all at once.
 * A published event's registrants are told of changed dates or place (the API does that).
 */
import { useState } from "preact/hooks";
import type { ConsoleEvent, ConsoleEventResponse, Organisation } from "../types";
import { api, ApiFailure, canOrganise, type Me } from "../ui/api";
import { FieldProblems, Fieldset, Form, useForm } from "../ui/form";
import { Loaded, useLoad } from "../ui/load";
import { MessageArea, Notice } from "../ui/messages";
import { mountPage, PageHeading, useTitle } from "../ui/page";
import { eventTitle, s } from "../strings";
import { fromEvent, problems, toInput, type Draft } from "../event-form/draft";
import { AboutFields, DateFields, KindChoice, MoreSettings, PlaceFields, QuestionFields, RegistrationFields, withKind, type FormOrganisation } from "../event-form/fields";
import { EventPreview } from "../event-form/preview";

function EditForm({ event, organisations }: { event: ConsoleEvent; organisations: FormOrganisation[] }) {
  const [draft, setDraft] = useState<Draft>(() => fromEvent(event));
  const form = useForm({ labelFor: (path) => (path.startsWith("pools") ? s("create.registration") : undefined) });
  const zone = event.timeZone;
  return (
    <div class="create-layout">
      <Form
        form={form}
        class="event-form"
        submitLabel={s("edit.save")}
        secondary={
          <a class="button button-secondary" href={`/console/event?id=${event.id}`}>
            {s("common.cancel")}
          </a>
        }
        onSubmit={async () => {
          const found = problems(draft);
          if (Object.keys(found).length > 0) throw new FieldProblems(found);
          await api.put<ConsoleEventResponse>(`/api/console/events/${event.id}`, toInput(draft, zone));
          location.assign(`/console/event?id=${event.id}&saved=1`);
        }}
      >
        <p class="hint">{s("edit.required_hint")}</p>
        {event.status === "published" ? <Notice>{s("edit.published_hint")}</Notice> : null}
        <Fieldset legend={s("edit.format")}>
          <KindChoice name="format" value={draft.kind} onValue={(kind) => setDraft((d) => withKind(d, kind))} />
        </Fieldset>
        <AboutFields draft={draft} set={setDraft} organisations={organisations} showOrganisation={false} />
        <DateFields draft={draft} set={setDraft} zone={zone} editing />
        <PlaceFields draft={draft} set={setDraft} />
        <RegistrationFields draft={draft} set={setDraft} />
        {draft.kind !== "free" ? <QuestionFields draft={draft} set={setDraft} /> : null}
        <MoreSettings draft={draft} set={setDraft} zone={zone} />
      </Form>
      <EventPreview draft={draft} zone={zone} />
    </div>
  );
}

function EditPage({ me }: { me: Me | null }) {
  const id = Number(new URLSearchParams(location.search).get("id"));
  const duplicated = new URLSearchParams(location.search).has("duplicated");
  const loaded = useLoad(async () => {
    const [{ event }, { organisations }] = await Promise.all([
      api.get<ConsoleEventResponse>(`/api/console/events/${id}`),
      api.get<{ organisations: Organisation[] }>("/api/console/organisations"),
    ]);
    return { event, organisations };
  }, [id]);
  const title = loaded.data ? s("edit.title_named", { title: eventTitle(loaded.data.event) }) : s("edit.title");
  useTitle(title);
  if (!me || !canOrganise(me) || !Number.isSafeInteger(id) || id <= 0) {
    return (
      <>
        <PageHeading>{s("edit.title")}</PageHeading>
        <Notice kind="error">{!Number.isSafeInteger(id) || id <= 0 ? s("event.missing_id") : s("edit.not_allowed")}</Notice>
      </>
    );
  }
  if (loaded.error instanceof ApiFailure && loaded.error.status === 404) {
    return (
      <>
        <PageHeading>{s("edit.title")}</PageHeading>
        <Notice kind="error">{s("event.not_found")}</Notice>
      </>
    );
  }
  return (
    <MessageArea>
      <p>
        <a href={`/console/event?id=${id}`}>{s("edit.back_to_event")}</a>
      </p>
      <PageHeading>{title}</PageHeading>
      {duplicated ? <Notice kind="success">{s("edit.duplicated_note")}</Notice> : null}
      <Loaded state={loaded}>
        {({ event, organisations }) =>
          event.permissions.manage ? (
            <EditForm event={event} organisations={organisations.map((o) => ({ id: o.id, name: o.name, timeZone: o.timeZone }))} />
          ) : (
            <Notice kind="error">{s("edit.not_allowed")}</Notice>
          )
        }
      </Loaded>
    </MessageArea>
  );
}

void mountPage(EditPage);
