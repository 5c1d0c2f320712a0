import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, type Locale } from "../../db/schema";
import { renderEmail, type EmailData } from "../../emails/render";
import { escapeText, foldLine } from "../../emails/ics";
import deEmail from "../src/i18n/de/email";
import enEmail from "../src/i18n/en/email";

const evil = "<script>alert(1)</script>";

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

describe.each(["de", "en"] as const)("every template in %s", (locale) => {
  it.each(EMAIL_TEMPLATES)("%s: subject, manage link, escaped name, no raw keys", async (template) => {
    const d = data();
    const mail = await renderEmail(template, locale, d);
    expect(mail.subject.length).toBeGreaterThan(0);
    expect(mail.subject).toContain(d.event.title);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain(d.manageUrl);
    expect(mail.text).toContain(d.manageUrl);
    expect(mail.html).not.toContain(evil);
    expect(mail.html).not.toContain("<script");
    if (template === "confirm_email" || template === "manage_link") {
      // Triggered by whoever typed the address in: nothing they typed reaches the mail.
      expect(mail.text).not.toContain("alert(1)");
    } else {
      expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    // No catalogue key leaked, no placeholder left unfilled.
    expect(mail.text).not.toMatch(/email\.\w+\.\w+/);
    expect(mail.text).not.toMatch(/\{\w+\}/);
    expect(mail.html).toContain(`lang="${locale}"`);
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
