/**
 * A change of a registration's workshop places (conferences): the participant switched, is
 * waiting for a full workshop while keeping the old place, or got the place waited for (and
 * the place kept meanwhile went to someone else). One email per change, with the workshops
 * as they are now.
 */
import type { Locale } from "../../db/schema";
import { emailText } from "../components/i18n";
import { Layout } from "../components/Layout";
import { CheckInQr, EventFacts, Greeting, ManageLink, Paragraph } from "../components/parts";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";

export type WorkshopsChangedProps = { locale: Locale; data: EmailData };

export const previewProps: WorkshopsChangedProps = {
  locale: "de",
  data: {
    ...sampleData,
    workshops: [
      { name: "Workshop B: Zugänge schaffen", startsAt: "2027-03-15T12:30:00Z", endsAt: "2027-03-15T14:30:00Z", status: "waitlisted", waitlistPosition: 2 },
      { name: "Workshop A: Sprachmittlung", startsAt: "2027-03-15T12:30:00Z", endsAt: "2027-03-15T14:30:00Z", status: "kept", waitlistPosition: null },
    ],
    workshopChange: { kind: "waiting", workshop: "Workshop B: Zugänge schaffen", previous: "Workshop A: Sprachmittlung" },
  },
};

export function WorkshopsChanged({ locale, data }: WorkshopsChangedProps) {
  const text = emailText(locale, data.timeZone);
  const event = data.event.title;
  const change = data.workshopChange;
  const workshop = change?.workshop ?? "";
  const previous = change?.previous ?? null;
  return (
    <Layout
      text={text}
      preview={text.t("email.workshops_changed.preview", { event })}
      heading={text.t("email.workshops_changed.heading")}
      organiser={data.event.organiser}
      contact={data.contact}
    >
      <Greeting text={text} name={data.name} />
      {change?.kind === "switched" && <Paragraph>{text.t("email.workshops_changed.switched", { workshop })}</Paragraph>}
      {change?.kind === "switched" && previous && <Paragraph>{text.t("email.workshops_changed.switched_previous", { previous })}</Paragraph>}
      {change?.kind === "waiting" && <Paragraph>{text.t("email.workshops_changed.waiting", { workshop })}</Paragraph>}
      {change?.kind === "waiting" && previous && <Paragraph>{text.t("email.workshops_changed.waiting_kept", { workshop, previous })}</Paragraph>}
      {change?.kind === "promoted" && <Paragraph>{text.t("email.workshops_changed.promoted", { workshop })}</Paragraph>}
      {change?.kind === "promoted" && previous && <Paragraph>{text.t("email.workshops_changed.promoted_previous", { previous })}</Paragraph>}
      <Paragraph>{text.t("email.workshops_changed.now")}</Paragraph>
      <EventFacts text={text} data={data} />
      <CheckInQr text={text} qr={data.checkInQr} />
      <ManageLink text={text} url={data.manageUrl} />
    </Layout>
  );
}

WorkshopsChanged.PreviewProps = previewProps;
export default WorkshopsChanged;
