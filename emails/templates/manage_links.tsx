/**
 * "I lost my link": the manage links of every live registration of the address, each opening
 * in the language stored with it. Asked for on /lost-link by whoever typed the address in, so
 * nothing they typed reaches this mail: no name, only what the registrations hold.
 */
import { Link, Section, Text } from "@react-email/components";
import type { Locale } from "../../db/schema";
import { emailText, type EmailKey } from "../components/i18n";
import { Layout } from "../components/Layout";
import { Isolated, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import { styles } from "../components/styles";
import type { EmailData } from "../types";

export type ManageLinksProps = { locale: Locale; data: EmailData };

export const previewProps: ManageLinksProps = {
  locale: "de",
  data: {
    ...sampleData,
    registrations: [
      { title: sampleData.event.title, when: sampleData.event.sessions[0] ?? null, status: "confirmed", manageUrl: sampleData.manageUrl },
      { title: "Fachtag Gesundheit für alle", when: null, status: "waitlisted", manageUrl: sampleData.manageUrl },
    ],
  },
};

export function ManageLinks({ locale, data }: ManageLinksProps) {
  const text = emailText(locale, data.timeZone);
  return (
    <Layout text={text} preview={text.t("email.manage_links.preview")} heading={text.t("email.manage_links.heading")} organiser={data.event.organiser} contact={data.contact}>
      <Paragraph>{text.t("email.common.greeting_anonymous")}</Paragraph>
      <Paragraph>{text.t("email.manage_links.intro")}</Paragraph>
      <Paragraph>{text.t("email.manage_links.list")}</Paragraph>
      {(data.registrations ?? []).map((registration, index) => (
        <Section key={index} style={{ margin: "0 0 16px" }}>
          <Text style={styles.text}>
            <span style={styles.label}>
              <Isolated text={text}>{registration.title}</Isolated>
            </span>
            {registration.when && (
              <>
                <br />
                {text.sessionWhen(registration.when.startsAt, registration.when.endsAt)}
              </>
            )}
            <br />
            {text.t(`email.manage_links.status.${registration.status}` as EmailKey)}
            <br />
            <Link href={registration.manageUrl} style={styles.link} dir="ltr">
              {text.t("email.manage_links.open")}
            </Link>
          </Text>
        </Section>
      ))}
      <Text style={styles.small}>{text.t("email.common.link_private")}</Text>
      <Paragraph>{text.t("email.manage_links.not_you")}</Paragraph>
    </Layout>
  );
}

ManageLinks.PreviewProps = previewProps;
export default ManageLinks;
