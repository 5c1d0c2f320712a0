/** Console sign-in: only the link, how long it is valid, and "not you? ignore it". */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { ActionLink, Paragraph } from "../components/parts";
import { sampleStaffData } from "../components/sample";
import type { StaffEmailData } from "../types";

export type LoginLinkProps = { locale: Locale; data: StaffEmailData };

export const previewProps: LoginLinkProps = { locale: "de", data: sampleStaffData };

/** Sign-in links are valid this long (the console's login_tokens use the same). */
export const SIGN_IN_LINK_MINUTES = 10;

export function LoginLink({ locale, data }: LoginLinkProps) {
  const text = emailText(locale, data.timeZone);
  return (
    <Layout text={text} preview={text.t("email.login_link.preview")} heading={text.t("email.login_link.heading")} organiser={data.organisation}>
      <Paragraph>{text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.login_link.intro")}</Paragraph>
      <ActionLink text={text} url={data.url} button="email.login_link.button" />
      {data.expiresAt && (
        <Paragraph>{text.t("email.common.link_valid", { minutes: SIGN_IN_LINK_MINUTES, deadline: text.deadline(data.expiresAt) })}</Paragraph>
      )}
      <Paragraph>{text.t("email.login_link.not_you")}</Paragraph>
    </Layout>
  );
}

LoginLink.PreviewProps = previewProps;
export default LoginLink;
