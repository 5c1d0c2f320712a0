/** To organisers: a new application waits for approval (event, applicant, link to the console's event page). */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { ActionLink, Paragraph } from "../components/parts";
import { sampleStaffData } from "../components/sample";
import type { StaffEmailData } from "../types";

export type ApplicationReceivedProps = { locale: Locale; data: StaffEmailData };

export const previewProps: ApplicationReceivedProps = { locale: "de", data: sampleStaffData };

export function ApplicationReceived({ locale, data }: ApplicationReceivedProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event ?? "";
  return (
    <Layout
      text={text}
      preview={text.t("email.application_received.preview", { event })}
      heading={text.t("email.application_received.heading")}
      organiser={data.organisation}
    >
      <Paragraph>{data.name ? text.t("email.common.greeting", { name: data.name }) : text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.application_received.intro", { event })}</Paragraph>
      <Paragraph>
        <strong>{text.t("email.application_received.applicant")}:</strong> {data.applicant ?? ""}
      </Paragraph>
      <ActionLink text={text} url={data.url} button="email.application_received.button" />
    </Layout>
  );
}

ApplicationReceived.PreviewProps = previewProps;
export default ApplicationReceived;
