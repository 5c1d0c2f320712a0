/** A place is offered from the waiting list: accept it on the manage page before the deadline. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type OfferProps = { locale: Locale; data: EmailData };

export const previewProps: OfferProps = { locale: "de", data: sampleData };

export function Offer({ locale, data }: OfferProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.offer.preview", { event })}
      heading={text.t("email.offer.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.offer.intro", { event })}</Paragraph>
      {data.offerExpiresAt && (
        <Paragraph>
          <strong>{text.t("email.offer.deadline", { deadline: text.deadline(data.offerExpiresAt) })}</strong>
        </Paragraph>
      )}
      <Paragraph>{text.t("email.offer.how")}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} intro={null} button="email.offer.button" />
      <EventFacts text={text} data={data} showOnline={false} />
      <Paragraph>{text.t("email.offer.decline")}</Paragraph>
    </Layout>
  );
}

Offer.PreviewProps = previewProps;
export default Offer;
