/** Before each session (rules per event): which session, when, where or the online link, what to bring, the manage link. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { CheckInQr, EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData, sampleExtras } from "../components/sample";
import type { EmailData } from "../types";

export type ReminderProps = { locale: Locale; data: EmailData };

export const previewProps: ReminderProps = { locale: "de", data: { ...sampleData, ...sampleExtras.reminder } };

export function Reminder({ locale, data }: ReminderProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const session = data.reminderSession ?? data.event.sessions[0] ?? null;
  // Only the session this reminder is about; the other dates are in the confirmation.
  const facts: EmailData = session ? { ...data, event: { ...data.event, sessions: [session] } } : data;
  return (
    <Layout
      text={text}
      preview={text.t("email.reminder.preview", { event })}
      heading={text.t("email.reminder.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.reminder.intro", { event })}</Paragraph>
      <EventFacts text={text} data={facts} />
      <CheckInQr text={text} qr={data.checkInQr} />
      <Paragraph>{text.t("email.common.cancel_hint")}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} />
    </Layout>
  );
}

Reminder.PreviewProps = previewProps;
export default Reminder;
