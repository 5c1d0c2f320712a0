/** Free text from the organisers to registrants (subject and body from the outbox row; untrusted, escaped). */
import { Section } from "@react-email/components";
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Greeting, ManageLink, Multiline, Paragraph } from "../components/parts";
import { sampleData, sampleExtras } from "../components/sample";
import type { EmailData } from "../types";

export type OrganiserMessageProps = { locale: Locale; data: EmailData };

export const previewProps: OrganiserMessageProps = { locale: "de", data: { ...sampleData, ...sampleExtras.organiser_message } };

export function OrganiserMessage({ locale, data }: OrganiserMessageProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const organiser = data.event.organiser;
  return (
    <Layout text={text} preview={data.message?.subject ?? event} heading={data.message?.subject ?? event} organiser={organiser} contact={data.contact}>
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.organiser_message.intro", { event, organiser })}</Paragraph>
      <Section style={{ borderLeft: "4px solid #e5e7eb", padding: "0 0 0 12px", margin: "0 0 14px" }}>
        <Paragraph>
          <Multiline value={data.message?.body ?? ""} />
        </Paragraph>
      </Section>
      <ManageLink text={text} url={data.manageUrl} />
    </Layout>
  );
}

OrganiserMessage.PreviewProps = previewProps;
export default OrganiserMessage;
