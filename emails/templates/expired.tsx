/** The hold (email not confirmed in time) or the offer (place not accepted in time) expired. */
import type { Locale } from "../../db/schema";
import { emailText, type EmailKey } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type ExpiredProps = { locale: Locale; data: EmailData };

export const previewProps: ExpiredProps = { locale: "de", data: { ...sampleData, holdExpiresAt: null } };

export function Expired({ locale, data }: ExpiredProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  // The caller sets offerExpiresAt for an expired offer, holdExpiresAt for an expired hold.
  const intro: EmailKey = data.offerExpiresAt
    ? "email.expired.intro_offer"
    : data.holdExpiresAt
      ? "email.expired.intro_hold"
      : "email.expired.intro";
  return (
    <Layout
      text={text}
      preview={text.t("email.expired.preview", { event })}
      heading={text.t("email.expired.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t(intro, { event })}</Paragraph>
      <Paragraph>{text.t("email.expired.again")}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} intro="email.expired.manage_intro" />
    </Layout>
  );
}

Expired.PreviewProps = previewProps;
export default Expired;
