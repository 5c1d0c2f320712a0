/** Registration confirmed: the facts, the manage link and a calendar file (attached by render.ts). */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { CheckInQr, EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type ConfirmedProps = { locale: Locale; data: EmailData };

export const previewProps: ConfirmedProps = { locale: "de", data: sampleData };

export function Confirmed({ locale, data }: ConfirmedProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.confirmed.preview", { event })}
      heading={text.t("email.confirmed.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.confirmed.intro", { event })}</Paragraph>
      <EventFacts text={text} data={data} />
      <CheckInQr text={text} qr={data.checkInQr} />
      {data.event.sessions.length > 0 && <Paragraph>{text.t("email.common.calendar")}</Paragraph>}
      <Paragraph>{text.t("email.common.cancel_hint")}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} />
    </Layout>
  );
}

Confirmed.PreviewProps = previewProps;
export default Confirmed;
