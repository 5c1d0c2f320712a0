/** The registration is cancelled (by the participant, or by the organiser with a reason). */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type CancelledProps = { locale: Locale; data: EmailData };

export const previewProps: CancelledProps = { locale: "de", data: sampleData };

export function Cancelled({ locale, data }: CancelledProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.cancelled.preview", { event })}
      heading={text.t("email.cancelled.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.cancelled.intro", { event })}</Paragraph>
      {data.reason && <Paragraph>{text.t("email.cancelled.reason", { reason: data.reason })}</Paragraph>}
      <Paragraph>{text.t("email.cancelled.not_you", { organiser: data.event.organiser })}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} intro="email.cancelled.manage_intro" />
    </Layout>
  );
}

Cancelled.PreviewProps = previewProps;
export default Cancelled;
