/** Registration confirmed: the facts, the manage link and a calendar file (attached by render.ts). */
import type { Locale } from "../../db/schema";
import { emailText, type EmailKey } from "../components/i18n";
import { Layout } from "../components/Layout";
import { CheckInQr, EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type ConfirmedProps = { locale: Locale; data: EmailData };

export const previewProps: ConfirmedProps = { locale: "de", data: sampleData };

/** The words that open an email saying the place is theirs; the facts that follow are the same. */
export type PlaceTakenWords = { preview: EmailKey; heading: EmailKey; intro: EmailKey };

/** A place that is theirs (confirmed, or promoted from the waiting list): the facts, the QR code, the calendar, the manage link. */
export function PlaceTaken({ locale, data, words }: ConfirmedProps & { words: PlaceTakenWords }) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t(words.preview, { event })}
      heading={text.t(words.heading)}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t(words.intro, { event })}</Paragraph>
      <EventFacts text={text} data={data} />
      <CheckInQr text={text} qr={data.checkInQr} />
      {data.event.sessions.length > 0 && <Paragraph>{text.t("email.common.calendar")}</Paragraph>}
      <Paragraph>{text.t("email.common.cancel_hint")}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} />
    </Layout>
  );
}

export function Confirmed(props: ConfirmedProps) {
  return <PlaceTaken {...props} words={{ preview: "email.confirmed.preview", heading: "email.confirmed.heading", intro: "email.confirmed.intro" }} />;
}

Confirmed.PreviewProps = previewProps;
export default Confirmed;
