import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { EMAIL_TEMPLATES, LOCALES, type EmailTemplate } from "../../db/schema";
import { isStaffTemplate, renderEmail, STAFF_TEMPLATES, type EmailData, type StaffEmailData } from "../../emails/render";
import { escapeText, foldLine } from "../../emails/ics";
import deEmail from "../src/i18n/de/email";
import enEmail from "../src/i18n/en/email";

const evil = "<script>alert(1)</script>";
const hyperlink = '=HYPERLINK("http://x")';

function data(overrides: Partial<EmailData> = {}): EmailData {
  return {
    name: evil,
    places: 2,
    manageUrl: "https://zusammen.example.org/r/tok_abc123",
    event: {
      title: "Deutsch-Café; Gespräche, Spiele & mehr",
      slug: "deutsch-cafe",
      sessions: [
        { startsAt: "2027-03-15T09:00:00Z", endsAt: "2027-03-15T11:00:00Z", title: null },
        { startsAt: "2027-07-15T09:00:00Z", endsAt: "2027-07-15T11:00:00Z", title: "Teil 2, mit Ausflug" },
      ],
      location: {
        name: "Integrationszentrum, Raum 2",
        address: "Marktplatz 1; 12345 Musterstadt",
        accessibility: "Der Raum ist im Erdgeschoss. Es gibt keine Stufen und eine barrierefreie Toilette im selben Flur.",
      },
      onlineUrl: null,
      organiser: "Integrationszentrum Musterstadt",
    },
    waitlistPosition: 4,
    holdExpiresAt: "2027-03-01T10:30:00Z",
    offerExpiresAt: "2027-03-10T17:00:00Z",
    reason: "Die Referentin ist krank.",
    ...overrides,
  };
}

function decode(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe("email catalogues", () => {
  it("English has exactly the German keys, none empty", () => {
    expect(Object.keys(enEmail).sort()).toEqual(Object.keys(deEmail).sort());
    for (const value of [...Object.values(deEmail), ...Object.values(enEmail)]) expect(value.trim()).not.toBe("");
  });
});

const PARTICIPANT_TEMPLATES = EMAIL_TEMPLATES.filter((t) => !isStaffTemplate(t));

/** Per template, what deliver.ts would merge in from the outbox row. */
function participantData(template: EmailTemplate): EmailData {
  const d = data();
  if (template === "reminder") return { ...d, reminderSession: d.event.sessions[1] };
  if (template === "event_changed") return { ...d, changes: ["date", "place"] };
  if (template === "organiser_message") return { ...d, message: { subject: `Raum ${evil}`, body: `Zeile 1\n${hyperlink}\n${evil}` } };
  if (template === "workshops_changed") return { ...d, workshopChange: { kind: "waiting", workshop: `Workshop ${evil}`, previous: "Workshop A" } };
  // The list of the address's registrations, each with its own link (the first being this one's).
  if (template === "manage_links") return { ...d, registrations: [{ title: d.event.title, when: d.event.sessions[0]!, status: "confirmed", manageUrl: d.manageUrl }] };
  return d;
}

function staffData(): StaffEmailData {
  return {
    name: evil,
    organisation: "Integrationszentrum Musterstadt",
    url: "https://zusammen.example.org/console/sign-in#tok_abc",
    expiresAt: "2027-03-01T10:10:00Z",
    inviter: hyperlink,
    role: "checkin_helper",
    event: "Fachtag",
    applicant: evil,
    date: "2027-03-01",
    events: [
      { title: evil, consoleUrl: "https://zusammen.example.org/console/event?slug=fachtag", newRegistrations: 3, cancellations: 1, promotions: 2, waitlist: 4 },
    ],
  };
}

describe.each(LOCALES)("every participant template in %s", (locale) => {
  it.each(PARTICIPANT_TEMPLATES)("%s: subject, manage link, escaped name, no raw keys", async (template) => {
    const d = participantData(template);
    const mail = await renderEmail(template, locale, d);
    expect(mail.subject.length).toBeGreaterThan(0);
    // "Your links" is about every registration of the address, not one event.
    if (template !== "manage_links") expect(mail.subject).toContain(d.event.title);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain(d.manageUrl);
    expect(mail.text).toContain(d.manageUrl);
    expect(mail.html).not.toContain(evil);
    expect(mail.html).not.toContain("<script");
    if (template === "confirm_email" || template === "manage_link" || template === "manage_links") {
      // Triggered by whoever typed the address in: nothing they typed reaches the mail.
      expect(mail.text).not.toContain("alert(1)");
    } else {
      expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    // No catalogue key leaked, no placeholder left unfilled.
    expect(mail.text).not.toMatch(/email\.\w+\.\w+/);
    expect(mail.text).not.toMatch(/\{\w+\}/);
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.html).toContain(`dir="${locale === "ar" ? "rtl" : "ltr"}"`);
  });
});

describe.each(LOCALES)("every staff template in %s", (locale) => {
  it.each(STAFF_TEMPLATES)("%s: subject, the link, escaped untrusted text, no raw keys", async (template) => {
    const d = staffData();
    const mail = await renderEmail(template, locale, d);
    expect(mail.subject.length).toBeGreaterThan(0);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain(d.url);
    expect(mail.text).toContain(d.url);
    expect(mail.html).not.toContain("<script");
    expect(mail.text).not.toMatch(/email\.\w+\.\w+/);
    expect(mail.text).not.toMatch(/\{\w+\}/);
    expect(mail.attachments).toEqual([]);
    expect(mail.html).toContain(`lang="${locale}"`);
  });
});

describe("escaping untrusted text", () => {
  it("a script tag and a spreadsheet formula stay text in HTML and plain text", async () => {
    const d = { ...data({ name: hyperlink }), message: { subject: hyperlink, body: `${evil}\n${hyperlink}` } };
    for (const template of ["confirmed", "organiser_message", "cancelled_by_organiser"] as const) {
      const mail = await renderEmail(template, "de", { ...d, reason: evil });
      expect(mail.html).not.toContain("<script>");
      // The formula is harmless text in an email (it only matters in CSV exports): shown as typed, quotes escaped in HTML.
      expect(mail.html).toContain("=HYPERLINK(&quot;http://x&quot;)");
      expect(mail.text).toContain('=HYPERLINK("http://x")');
      // text/plain has no markup to escape: the name appears exactly as typed, as inert text.
      expect(mail.text).toContain(template === "confirmed" ? hyperlink : evil);
    }
    const message = await renderEmail("organiser_message", "de", { ...d, reason: null });
    expect(message.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // CR/LF in names and addresses never reaches here: registration rejects it (workers/test/validation.test.ts).
  });

  it("subjects are one line whatever organisers type", async () => {
    const mail = await renderEmail("organiser_message", "de", { ...data(), message: { subject: "Neu\r\nBcc: x@example.org", body: "x" } });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe("the later templates", () => {
  it("reminder: only its session, place, what to bring, manage link; German subject with the day", async () => {
    const d = { ...data(), reminderSession: data().event.sessions[1], whatToBring: "Stift und Papier" };
    const mail = await renderEmail("reminder", "de", d);
    expect(mail.subject).toBe("Erinnerung: Deutsch-Café; Gespräche, Spiele & mehr am Donnerstag, 15. Juli 2027");
    expect(mail.text).toContain("Teil 2, mit Ausflug");
    expect(mail.text).not.toContain("15. März 2027");
    expect(mail.text).toContain("Stift und Papier");
    expect(mail.text).toContain("Marktplatz 1");
    expect(mail.attachments).toEqual([]); // bulk mail goes through the batch endpoint, which takes no attachments
  });

  it("check-in QR: nothing until the check-in feature supplies one, then an image", async () => {
    expect((await renderEmail("confirmed", "de", data())).html).not.toContain("<img");
    for (const template of ["confirmed", "promoted", "reminder"] as const) {
      const html = (await renderEmail(template, "de", { ...data(), checkInQr: { url: "https://zusammen.example.org/qr/abc.png" } })).html;
      expect(html).toContain('src="https://zusammen.example.org/qr/abc.png"');
    }
  });

  it("event_changed names the changes and attaches a new calendar file; event_cancelled gives the reason", async () => {
    const changed = await renderEmail("event_changed", "en", { ...data(), changes: ["time", "place"] });
    // The changes as a list reads in each language, not comma-joined.
    expect(changed.text).toContain("New: the time and the place");
    expect((await renderEmail("event_changed", "de", { ...data(), changes: ["date", "time", "place"] })).text).toContain("Neu ist: das Datum, die Uhrzeit und der Ort");
    expect((await renderEmail("event_changed", "ar", { ...data(), changes: ["time", "place"] })).text).toContain("الجديد: الوقت والمكان");
    expect(changed.attachments).toHaveLength(1);
    const cancelled = await renderEmail("event_cancelled", "de", { ...data(), reason: "Die Referentin ist krank." });
    expect(cancelled.subject).toBe("Abgesagt: Deutsch-Café; Gespräche, Spiele & mehr");
    expect(cancelled.text).toContain("Grund: Die Referentin ist krank.");
  });

  it("login link: the link, 10 minutes, the deadline in Berlin time, 'not you'", async () => {
    const mail = await renderEmail("login_link", "de", staffData());
    expect(mail.text).toContain("10 Minuten");
    expect(mail.text).toContain("11:10 Uhr"); // 10:10Z in winter
    expect(mail.text).toContain("Sie haben keinen Link angefordert?");
    expect(mail.text).not.toContain("alert(1)"); // no name in a sign-in mail
  });

  it("invitation, application and digest show their facts", async () => {
    const invitation = await renderEmail("invitation", "en", staffData());
    expect(invitation.subject).toBe("Invitation: Integrationszentrum Musterstadt");
    expect(invitation.text).toContain("check-in helper");
    expect(invitation.text).toContain('=HYPERLINK("http://x")');
    const application = await renderEmail("application_received", "de", staffData());
    expect(application.subject).toBe("Neue Bewerbung: Fachtag");
    expect(application.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const digest = await renderEmail("organiser_digest", "de", staffData());
    expect(digest.subject).toBe("Tagesübersicht: Montag, 1. März 2027");
    expect(digest.text).toContain("Neue Anmeldungen: 3");
    expect(digest.text).toContain("Abmeldungen: 1");
    expect(digest.text).toContain("Von der Warteliste nachgerückt: 2");
    expect(digest.text).toContain("Jetzt auf der Warteliste: 4");
    expect(digest.html).toContain("https://zusammen.example.org/console/event?slug=fachtag");
  });
});

describe("content", () => {
  it("German confirmed mail: lang, Berlin times (CET and CEST), place, accessibility, places", async () => {
    const mail = await renderEmail("confirmed", "de", data());
    expect(mail.html).toContain('lang="de"');
    expect(mail.html).toContain('dir="ltr"');
    expect(mail.subject).toBe("Ihre Anmeldung ist bestätigt: Deutsch-Café; Gespräche, Spiele & mehr");
    expect(mail.text).toContain("Montag, 15. März 2027, 10:00 bis 12:00 Uhr"); // 09:00Z in winter = 10:00
    expect(mail.text).toContain("11:00 bis 13:00 Uhr"); // 09:00Z in summer = 11:00
    expect(mail.text).toContain("Marktplatz 1; 12345 Musterstadt");
    expect(mail.text).toContain("Es gibt keine Stufen");
    expect(mail.text).toContain("2 Plätze");
    expect(mail.text).toContain("Teil 2, mit Ausflug");
  });

  it("English uses en-GB dates in Europe/Berlin", async () => {
    const mail = await renderEmail("confirmed", "en", data({ places: 1 }));
    expect(mail.text).toMatch(/Monday,? 15 March 2027, 10:00 to 12:00/);
    expect(mail.text).toContain("1 place");
    expect(mail.subject).toContain("Your registration is confirmed");
  });

  it("Arabic is right-to-left (text falls back to German for now)", async () => {
    const mail = await renderEmail("confirmed", "ar", data());
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('lang="ar"');
    expect(mail.subject).toContain(data().event.title);
  });

  it("online link only when given", async () => {
    const online = data({ event: { ...data().event, location: null, onlineUrl: "https://meet.example.org/abc" } });
    expect((await renderEmail("confirmed", "de", online)).text).toContain("https://meet.example.org/abc");
    expect((await renderEmail("confirmed", "de", data())).text).not.toContain("Online-Teilnahme");
  });

  it("deadlines and positions", async () => {
    const confirm = await renderEmail("confirm_email", "de", data());
    expect(confirm.text).toContain("Montag, 1. März 2027 um 11:30 Uhr");
    expect(confirm.attachments).toEqual([]);
    const offer = await renderEmail("offer", "de", data());
    expect(offer.text).toContain("Mittwoch, 10. März 2027 um 18:00 Uhr");
    const waitlisted = await renderEmail("waitlisted", "de", data());
    expect(waitlisted.text).toContain("Platz 4");
    const cancelled = await renderEmail("cancelled", "de", data());
    expect(cancelled.text).toContain("Die Referentin ist krank.");
  });

  it("confirm_email carries no event promotion (no facts, no calendar)", async () => {
    const mail = await renderEmail("confirm_email", "de", data());
    expect(mail.text).not.toContain("Marktplatz");
    expect(mail.text).not.toContain("10:00");
  });
});

describe.each(["confirmed", "promoted"] as const)("%s calendar file", (template) => {
  it("is a valid iCalendar with one VEVENT per session", async () => {
    const d = data();
    const mail = await renderEmail(template, "de", d);
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics!.filename).toMatch(/\.ics$/);
    expect(ics!.contentType).toMatch(/^text\/calendar/);
    const text = decode(ics!.content);
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("METHOD:PUBLISH");
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(d.event.sessions.length);
    expect(text).toContain("DTSTART:20270315T090000Z");
    expect(text).toContain("DTEND:20270315T110000Z");
    expect(text).toContain("DTSTART:20270715T090000Z");
    // Only CRLF line endings.
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    // Unfold and check escaping.
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Deutsch-Café\\; Gespräche\\, Spiele & mehr\r\n");
    expect(unfolded).toContain("LOCATION:Integrationszentrum\\, Raum 2\\, Marktplatz 1\\; 12345 Musterstadt\r\n");
    // Stable UIDs per event and session, different per session.
    const uids = [...unfolded.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
    expect(new Set(uids).size).toBe(2);
    const again = decode((await renderEmail(template, "en", d)).attachments[0]!.content).replace(/\r\n /g, "");
    expect([...again.matchAll(/^UID:(.+)$/gm)].map((m) => m[1])).toEqual(uids);
    // The private manage link stays out of the calendar.
    expect(unfolded).not.toContain(d.manageUrl);
  });
});

describe("ics helpers", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
  it("folds at 75 octets without splitting UTF-8 characters", () => {
    const line = "DESCRIPTION:" + "ü".repeat(100) + "€".repeat(50);
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });
});

describe("calendar file read by a real iCalendar parser (ical.js)", () => {
  /** The VEVENTs of the attachment as [start, end] instants, and their Berlin wall times. */
  async function parsedSessions(sessions: EmailData["event"]["sessions"]) {
    const mail = await renderEmail("confirmed", "de", { ...data(), event: { ...data().event, sessions } });
    const calendar = new ICAL.Component(ICAL.parse(decode(mail.attachments[0]!.content)));
    return calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return { summary: event.summary, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString() };
    });
  }
  const berlin = (iso: string) =>
    new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "short", timeStyle: "short" }).format(new Date(iso));

  it("holds every session at the right instant; in Berlin the wall times are the ones the email shows", async () => {
    const events = await parsedSessions(data().event.sessions);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ start: "2027-03-15T09:00:00.000Z", end: "2027-03-15T11:00:00.000Z" });
    expect(berlin(events[0]!.start)).toBe("15.03.27, 10:00"); // CET
    expect(berlin(events[1]!.start)).toBe("15.07.27, 11:00"); // CEST
    expect(events[1]!.summary).toContain("Teil 2, mit Ausflug");
  });

  it("keeps Berlin times right on both daylight-saving days and across the change itself", async () => {
    const events = await parsedSessions([
      // 10:00–12:00 Berlin on 28 March 2027 (clocks went forward at 02:00 that night: CEST, UTC+2)
      { startsAt: "2027-03-28T08:00:00Z", endsAt: "2027-03-28T10:00:00Z", title: null },
      // 01:30 CET to 03:30 CEST: one hour passes
      { startsAt: "2027-03-28T00:30:00Z", endsAt: "2027-03-28T01:30:00Z", title: "Nacht" },
      // 10:00–12:00 Berlin on 31 October 2027 (back to CET, UTC+1)
      { startsAt: "2027-10-31T09:00:00Z", endsAt: "2027-10-31T11:00:00Z", title: null },
      // 01:30 CEST to 03:30 CET: three hours pass
      { startsAt: "2027-10-30T23:30:00Z", endsAt: "2027-10-31T02:30:00Z", title: "Lange Nacht" },
    ]);
    expect(berlin(events[0]!.start)).toBe("28.03.27, 10:00");
    expect(berlin(events[0]!.end)).toBe("28.03.27, 12:00");
    expect(berlin(events[1]!.start)).toBe("28.03.27, 01:30");
    expect(berlin(events[1]!.end)).toBe("28.03.27, 03:30");
    expect(Date.parse(events[1]!.end) - Date.parse(events[1]!.start)).toBe(3_600_000);
    expect(berlin(events[2]!.start)).toBe("31.10.27, 10:00");
    expect(berlin(events[3]!.start)).toBe("31.10.27, 01:30");
    expect(berlin(events[3]!.end)).toBe("31.10.27, 03:30");
    expect(Date.parse(events[3]!.end) - Date.parse(events[3]!.start)).toBe(3 * 3_600_000);
  });

  it("the same row renders the same bytes (DTSTAMP from the row), so a retried send matches its idempotency key", async () => {
    const stampedAt = new Date("2027-01-01T12:00:00Z");
    const a = await renderEmail("confirmed", "de", data(), { stampedAt });
    const b = await renderEmail("confirmed", "de", data(), { stampedAt });
    expect(a.attachments[0]!.content).toBe(b.attachments[0]!.content);
    expect(decode(a.attachments[0]!.content)).toContain("DTSTAMP:20270101T120000Z");
  });
});
