/** An invitation to an organisation's console: who invited, which organisation and role, the link. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { ActionLink, Paragraph } from "../components/parts";
import { sampleStaffData } from "../components/sample";
import type { StaffEmailData } from "../types";

export type InvitationProps = { locale: Locale; data: StaffEmailData };

export const previewProps: InvitationProps = { locale: "de", data: sampleStaffData };

export function Invitation({ locale, data }: InvitationProps) {
  const text = emailText(locale, data.timeZone);
  const organisation = data.organisation;
  const inviter = data.inviter ?? organisation;
  const role = text.t(`email.invitation.role.${data.role ?? "organiser"}`);
  return (
    <Layout
      text={text}
      preview={text.t("email.invitation.preview", { inviter, organisation })}
      heading={text.t("email.invitation.heading")}
      organiser={organisation}
    >
      <Paragraph>{data.name ? text.t("email.common.greeting", { name: data.name }) : text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.invitation.intro", { inviter, organisation, role })}</Paragraph>
      <ActionLink text={text} url={data.url} button="email.invitation.button" />
      {data.expiresAt && <Paragraph>{text.t("email.invitation.valid", { deadline: text.deadline(data.expiresAt) })}</Paragraph>}
      <Paragraph>{text.t("email.invitation.not_you", { inviter })}</Paragraph>
    </Layout>
  );
}

Invitation.PreviewProps = previewProps;
export default Invitation;
