/** To organisers who asked for it: the day's changes per event (counts), each with a link to the console. */
import { Link, Section, Text } from "@react-email/components";
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout, styles } from "../components/Layout";
import { ActionLink, Paragraph } from "../components/parts";
import { sampleStaffData } from "../components/sample";
import type { StaffEmailData } from "../types";

export type OrganiserDigestProps = { locale: Locale; data: StaffEmailData };

export const previewProps: OrganiserDigestProps = { locale: "de", data: sampleStaffData };

export function OrganiserDigest({ locale, data }: OrganiserDigestProps) {
  const text = emailText(locale, data.timeZone);
  const date = data.date ? text.day(`${data.date}T12:00:00Z`) : "";
  return (
    <Layout text={text} preview={text.t("email.organiser_digest.preview")} heading={text.t("email.organiser_digest.heading", { date })} organiser={data.organisation}>
      <Paragraph>{data.name ? text.t("email.common.greeting", { name: data.name }) : text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.organiser_digest.intro", { date })}</Paragraph>
      {(data.events ?? []).map((event, index) => (
        <Section key={index} style={{ margin: "0 0 12px" }}>
          <Text style={{ ...styles.text, margin: "0 0 4px" }}>
            <Link href={event.consoleUrl} style={{ ...styles.link, fontWeight: 700 }}>
              {event.title}
            </Link>
          </Text>
          <Text style={styles.small}>
            {text.t("email.organiser_digest.new", { count: event.newRegistrations })}
            <br />
            {text.t("email.organiser_digest.cancelled", { count: event.cancellations })}
            <br />
            {text.t("email.organiser_digest.promoted", { count: event.promotions })}
            <br />
            {text.t("email.organiser_digest.waitlist", { count: event.waitlist })}
            {event.failedEmails ? (
              <>
                <br />
                <strong>{text.t("email.organiser_digest.failed_emails", { count: event.failedEmails })}</strong>
              </>
            ) : null}
          </Text>
        </Section>
      ))}
      <ActionLink text={text} url={data.url} button="email.organiser_digest.button" />
      <Text style={styles.small}>{text.t("email.organiser_digest.why")}</Text>
    </Layout>
  );
}

OrganiserDigest.PreviewProps = previewProps;
export default OrganiserDigest;
