/** An application was not accepted: said kindly, with the organisers' reason where given. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Greeting, ManageLink, Multiline, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type ApplicationRejectedProps = { locale: Locale; data: EmailData };

export const previewProps: ApplicationRejectedProps = { locale: "de", data: { ...sampleData, reason: "Diesmal hatten wir sehr viele Bewerbungen." } };

export function ApplicationRejected({ locale, data }: ApplicationRejectedProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const organiser = data.event.organiser;
  return (
    <Layout
      text={text}
      preview={text.t("email.application_rejected.preview", { event })}
      heading={text.t("email.application_rejected.heading")}
      organiser={organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.application_rejected.intro", { event })}</Paragraph>
      {data.reason && (
        <Paragraph>
          <Multiline value={data.reason} />
        </Paragraph>
      )}
      <Paragraph>{text.t("email.application_rejected.closing", { organiser })}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} intro="email.application_rejected.manage_intro" />
    </Layout>
  );
}

ApplicationRejected.PreviewProps = previewProps;
export default ApplicationRejected;
