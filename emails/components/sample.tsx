/** Sample data for the template previews (react-email's `PreviewProps`) and for tests. */
import type { EmailData } from "../render";

export const sampleData: EmailData = {
  name: "Amina Yılmaz",
  places: 2,
  manageUrl: "http://localhost:8787/r/sample-token",
  event: {
    title: "Deutsch-Café: Gespräche am Nachmittag",
    slug: "deutsch-cafe",
    sessions: [
      { startsAt: "2027-03-15T09:00:00Z", endsAt: "2027-03-15T11:00:00Z", title: null },
      { startsAt: "2027-03-22T09:00:00Z", endsAt: "2027-03-22T11:00:00Z", title: "Teil 2" },
    ],
    location: {
      name: "Integrationszentrum, Raum 2",
      address: "Marktplatz 1, 12345 Musterstadt",
      accessibility: "Der Raum ist im Erdgeschoss. Es gibt keine Stufen.",
    },
    onlineUrl: null,
    organiser: "Integrationszentrum Musterstadt",
  },
  waitlistPosition: 3,
  holdExpiresAt: "2027-03-01T10:30:00Z",
  offerExpiresAt: "2027-03-10T17:00:00Z",
  reason: null,
};
