/** Double opt-in: only the confirmation link, what it is for and the deadline. No promotion. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type ConfirmEmailProps = { locale: Locale; data: EmailData };

export const previewProps: ConfirmEmailProps = { locale: "de", data: sampleData };

export function ConfirmEmail({ locale, data }: ConfirmEmailProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.confirm_email.preview", { event })}
      heading={text.t("email.confirm_email.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      {/* No name here: this mail goes to an address nobody has confirmed yet, so a name typed
          by a stranger must not reach it (it could carry spam). */}
      <Paragraph>{text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.confirm_email.intro", { event })}</Paragraph>
      <Paragraph>{text.t("email.confirm_email.why")}</Paragraph>
      {data.holdExpiresAt && (
        <Paragraph>
          <strong>{text.t("email.confirm_email.deadline", { deadline: text.deadline(data.holdExpiresAt) })}</strong>
        </Paragraph>
      )}
      <ManageLink text={text} url={data.manageUrl} intro={null} button="email.confirm_email.button" />
      <Paragraph>{text.t("email.confirm_email.not_you")}</Paragraph>
    </Layout>
  );
}

ConfirmEmail.PreviewProps = previewProps;
export default ConfirmEmail;
