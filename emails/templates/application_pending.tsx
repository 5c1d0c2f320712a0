/** An application (approval mode, or a stand at a fair) has arrived and waits for the organisers' decision. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type ApplicationPendingProps = { locale: Locale; data: EmailData };

export const previewProps: ApplicationPendingProps = { locale: "de", data: sampleData };

export function ApplicationPending({ locale, data }: ApplicationPendingProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.application_pending.preview", { event })}
      heading={text.t("email.application_pending.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.application_pending.intro", { event })}</Paragraph>
      <Paragraph>{text.t("email.application_pending.next")}</Paragraph>
      <EventFacts text={text} data={data} placesLabel="places_requested" showOnline={false} />
      <ManageLink text={text} url={data.manageUrl} intro="email.application_pending.manage_intro" />
    </Layout>
  );
}

ApplicationPending.PreviewProps = previewProps;
export default ApplicationPending;
