/** Sample data for the template previews (react-email's `PreviewProps`) and for tests. */
import type { EmailData, StaffEmailData } from "../types";

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

/** Sample data for the staff emails (sign-in, invitation, application, digest). */
export const sampleStaffData: StaffEmailData = {
  name: "Jana Berger",
  organisation: "Integrationszentrum Musterstadt",
  url: "http://localhost:8787/console/sign-in#sample-token",
  expiresAt: "2027-03-01T10:10:00Z",
  inviter: "Murat Demir",
  role: "organiser",
  event: "Deutsch-Café: Gespräche am Nachmittag",
  applicant: "Verein Brücke e. V.",
  date: "2027-03-01",
  events: [
    {
      title: "Deutsch-Café: Gespräche am Nachmittag",
      consoleUrl: "http://localhost:8787/console/event?slug=deutsch-cafe",
      newRegistrations: 4,
      cancellations: 1,
      promotions: 1,
      waitlist: 3,
    },
    {
      title: "Fachtag Gesundheit für alle",
      consoleUrl: "http://localhost:8787/console/event?slug=fachtag",
      newRegistrations: 12,
      cancellations: 0,
      promotions: 0,
      waitlist: 0,
      failedEmails: 1,
    },
  ],
};

/** Sample data per participant template (what deliver.ts would merge from the outbox row). */
export const sampleExtras: Partial<Record<string, Partial<EmailData>>> = {
  reminder: { reminderSession: sampleData.event.sessions[1], whatToBring: "Stift und Papier" },
  event_changed: {
    changes: ["date", "place"],
  },
  event_cancelled: { reason: "Die Referentin ist erkrankt. Wir planen einen neuen Termin." },
  cancelled_by_organiser: { reason: "Die Anmeldung war doppelt." },
  organiser_message: {
    message: { subject: "Raumänderung", body: "Liebe Teilnehmende,\nwir treffen uns diesmal in Raum 4.\nBis bald!" },
  },
};
