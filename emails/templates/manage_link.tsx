/** Someone (probably the participant) tried to register again with this address: here is the link. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { ManageLink as ManageLinkBlock, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type ManageLinkProps = { locale: Locale; data: EmailData };

export const previewProps: ManageLinkProps = { locale: "de", data: sampleData };

export function ManageLink({ locale, data }: ManageLinkProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.manage_link.preview", { event })}
      heading={text.t("email.manage_link.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      {/* No name: this mail is triggered by whoever typed the address in, so nothing they
          typed (such as a name) may reach it. */}
      <Paragraph>{text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.manage_link.intro", { event })}</Paragraph>
      <Paragraph>{text.t("email.manage_link.already")}</Paragraph>
      <ManageLinkBlock text={text} url={data.manageUrl} intro="email.manage_link.manage_intro" />
      <Paragraph>{text.t("email.manage_link.not_you")}</Paragraph>
    </Layout>
  );
}

ManageLink.PreviewProps = previewProps;
export default ManageLink;
