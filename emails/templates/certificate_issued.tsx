/** A certificate is ready: the manage page offers the download (the link is the participant's private one). */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type CertificateIssuedProps = { locale: Locale; data: EmailData };

export const previewProps: CertificateIssuedProps = { locale: "de", data: sampleData };

export function CertificateIssued({ locale, data }: CertificateIssuedProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.certificate_issued.preview", { event })}
      heading={text.t("email.certificate_issued.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.certificate_issued.intro", { event })}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} intro="email.certificate_issued.how" button="email.certificate_issued.button" />
    </Layout>
  );
}

CertificateIssued.PreviewProps = previewProps;
export default CertificateIssued;
