/**
 * The link to a participant's own data, asked for with an email address on the privacy
 * page. Like manage_link it is triggered by whoever typed the address in: nothing they
 * typed reaches the mail, and it says nothing about what is stored (the page does, to the
 * holder of the link). The link is valid 24 hours (workers/src/domain/privacy/links.ts).
 */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { ActionLink, Paragraph } from "../components/parts";
import { sampleStaffData } from "../components/sample";
import type { StaffEmailData } from "../types";

export type DataAccessProps = { locale: Locale; data: StaffEmailData };

export const previewProps: DataAccessProps = {
  locale: "de",
  data: { ...sampleStaffData, name: null, url: "https://zusammen.example.org/privacy-data#p2.example" },
};

export function DataAccess({ locale, data }: DataAccessProps) {
  const text = emailText(locale, data.timeZone);
  return (
    <Layout text={text} preview={text.t("email.data_access.preview")} heading={text.t("email.data_access.heading")} organiser={data.organisation}>
      <Paragraph>{text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.data_access.intro")}</Paragraph>
      <Paragraph>{text.t("email.data_access.what")}</Paragraph>
      <ActionLink text={text} url={data.url} button="email.data_access.button" />
      {data.expiresAt && <Paragraph>{text.t("email.data_access.valid", { deadline: text.deadline(data.expiresAt) })}</Paragraph>}
      <Paragraph>{text.t("email.common.link_private")}</Paragraph>
      <Paragraph>{text.t("email.data_access.not_you")}</Paragraph>
    </Layout>
  );
}

DataAccess.PreviewProps = previewProps;
export default DataAccess;
