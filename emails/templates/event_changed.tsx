/** Date, time or place changed: what changed, the new facts and a new calendar file (attached by render.ts). */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData, sampleExtras } from "../components/sample";
import type { EmailData } from "../types";

export type EventChangedProps = { locale: Locale; data: EmailData };

export const previewProps: EventChangedProps = { locale: "de", data: { ...sampleData, ...sampleExtras.event_changed } };

export function EventChanged({ locale, data }: EventChangedProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const changes = (data.changes ?? []).map((change) => text.t(`email.event_changed.change.${change}`));
  return (
    <Layout
      text={text}
      preview={text.t("email.event_changed.preview", { event })}
      heading={text.t("email.event_changed.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.event_changed.intro", { event })}</Paragraph>
      {changes.length > 0 && (
        <Paragraph>
          <strong>{text.t("email.event_changed.changed", { changes: text.list(changes) })}</strong>
        </Paragraph>
      )}
      <EventFacts text={text} data={data} />
      {data.event.sessions.length > 0 && <Paragraph>{text.t("email.event_changed.calendar")}</Paragraph>}
      <Paragraph>{text.t("email.event_changed.still_registered")}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} />
    </Layout>
  );
}

EventChanged.PreviewProps = previewProps;
export default EventChanged;
