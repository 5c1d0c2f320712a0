/** A place from the waiting list: the same facts as "confirmed", with the calendar file. */
import type { Locale } from "../../db/schema";
import { sampleData } from "../components/sample";
import type { EmailData } from "../types";
import { PlaceTaken } from "./confirmed";

export type PromotedProps = { locale: Locale; data: EmailData };

export const previewProps: PromotedProps = { locale: "de", data: sampleData };

export function Promoted(props: PromotedProps) {
  return <PlaceTaken {...props} words={{ preview: "email.promoted.preview", heading: "email.promoted.heading", intro: "email.promoted.intro" }} />;
}

Promoted.PreviewProps = previewProps;
export default Promoted;
