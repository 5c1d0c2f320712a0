/** On the waiting list, with the position if known. */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type WaitlistedProps = { locale: Locale; data: EmailData };

export const previewProps: WaitlistedProps = { locale: "de", data: sampleData };

export function Waitlisted({ locale, data }: WaitlistedProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  return (
    <Layout
      text={text}
      preview={text.t("email.waitlisted.preview", { event })}
      heading={text.t("email.waitlisted.heading")}
      organiser={data.event.organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.waitlisted.intro", { event })}</Paragraph>
      {data.waitlistPosition != null && data.waitlistPosition > 0 && (
        <Paragraph>
          <strong>{text.t("email.waitlisted.position", { position: data.waitlistPosition })}</strong>
        </Paragraph>
      )}
      <Paragraph>{text.t("email.waitlisted.next")}</Paragraph>
      <EventFacts text={text} data={data} placesLabel="places_requested" showOnline={false} />
      <ManageLink text={text} url={data.manageUrl} intro="email.waitlisted.manage_intro" />
    </Layout>
  );
}

Waitlisted.PreviewProps = previewProps;
export default Waitlisted;
