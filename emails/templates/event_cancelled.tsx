/** The organiser cancelled the whole event, with the reason. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Greeting, ManageLink, Multiline, Paragraph } from "../components/parts";
import { sampleData, sampleExtras } from "../components/sample";
import type { EmailData } from "../types";

export type EventCancelledProps = { locale: Locale; data: EmailData };

export const previewProps: EventCancelledProps = { locale: "de", data: { ...sampleData, ...sampleExtras.event_cancelled } };

export function EventCancelled({ locale, data }: EventCancelledProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const organiser = data.event.organiser;
  return (
    <Layout text={text} preview={text.t("email.event_cancelled.preview", { event })} heading={text.t("email.event_cancelled.heading")} organiser={organiser} contact={data.contact}>
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.event_cancelled.intro", { event })}</Paragraph>
      {data.reason && (
        <Paragraph>
          <strong>{text.t("email.common.reason")}:</strong> <Multiline value={data.reason} />
        </Paragraph>
      )}
      <Paragraph>{text.t("email.event_cancelled.sorry", { organiser })}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} intro="email.cancelled.manage_intro" />
    </Layout>
  );
}

EventCancelled.PreviewProps = previewProps;
export default EventCancelled;
