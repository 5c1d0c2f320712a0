/** The organiser cancelled one registration, with the reason. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Greeting, ManageLink, Multiline, Paragraph } from "../components/parts";
import { sampleData, sampleExtras } from "../components/sample";
import type { EmailData } from "../types";

export type CancelledByOrganiserProps = { locale: Locale; data: EmailData };

export const previewProps: CancelledByOrganiserProps = { locale: "de", data: { ...sampleData, ...sampleExtras.cancelled_by_organiser } };

export function CancelledByOrganiser({ locale, data }: CancelledByOrganiserProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const organiser = data.event.organiser;
  return (
    <Layout
      text={text}
      preview={text.t("email.cancelled_by_organiser.preview", { event })}
      heading={text.t("email.cancelled_by_organiser.heading")}
      organiser={organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.cancelled_by_organiser.intro", { event, organiser })}</Paragraph>
      {data.reason && (
        <Paragraph>
          <strong>{text.t("email.common.reason")}:</strong> <Multiline value={data.reason} />
        </Paragraph>
      )}
      <Paragraph>{text.t("email.common.questions", { organiser })}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} intro="email.cancelled.manage_intro" />
    </Layout>
  );
}

CancelledByOrganiser.PreviewProps = previewProps;
export default CancelledByOrganiser;
