/** The organiser edited the registration on the participant's behalf: how it looks now. */
import type { Locale } from "../../db/schema";
import { emailText, type EmailKey } from "../components/i18n";
import { Layout } from "../components/Layout";
import { EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type UpdatedByOrganiserProps = { locale: Locale; data: EmailData };

export const previewProps: UpdatedByOrganiserProps = { locale: "de", data: sampleData };

export function UpdatedByOrganiser({ locale, data }: UpdatedByOrganiserProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const organiser = data.event.organiser;
  const changed = (data.changedFields ?? []).map((field) => text.t(`email.updated_by_organiser.field.${field}` as EmailKey));
  return (
    <Layout
      text={text}
      preview={text.t("email.updated_by_organiser.preview", { event })}
      heading={text.t("email.updated_by_organiser.heading")}
      organiser={organiser} contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      <Paragraph>{text.t("email.updated_by_organiser.intro", { event, organiser })}</Paragraph>
      {changed.length > 0 && (
        <Paragraph>
          <strong>{text.t("email.updated_by_organiser.changed", { fields: text.list(changed) })}</strong>
        </Paragraph>
      )}
      <EventFacts text={text} data={data} />
      <Paragraph>{text.t("email.updated_by_organiser.check", { organiser })}</Paragraph>
      <ManageLink text={text} url={data.manageUrl} />
    </Layout>
  );
}

UpdatedByOrganiser.PreviewProps = previewProps;
export default UpdatedByOrganiser;
