/**
 * Dates that read grammatically inside a sentence in every language, and mixed-direction
 * text kept in place: a German title or address inside Arabic (and an Arabic name inside
 * German) is isolated in the pages' strings, the emails' HTML (<bdi>) and their plain text
 * and subject (Unicode isolates).
 */
import { describe, expect, it } from "vitest";
import { emailText } from "../../emails/components/i18n";
import { renderEmail } from "../../emails/render";
import type { EmailData } from "../../emails/types";
import { FSI, isolate, PDI } from "../src/i18n/bidi";
import { formatDay, formatTime } from "../src/i18n/dates";
import arEmail from "../src/i18n/ar/email";
import ruEmail from "../src/i18n/ru/email";
import ruWeb from "../src/i18n/ru/web";
import trEmail from "../src/i18n/tr/email";
import trWeb from "../src/i18n/tr/web";
import ukEmail from "../src/i18n/uk/email";
import { format } from "../src/i18n/vocabulary";

// Thursday, 3 December 2026, 18:00 in Berlin.
const THURSDAY = new Date("2026-12-03T17:00:00Z");
const ZONE = "Europe/Berlin";

describe("dates in a sentence", () => {
  it("Russian and Ukrainian put the weekday after the date, so a preposition governs the date: «до 3 декабря (четверг)»", () => {
    expect(formatDay(THURSDAY, "ru", ZONE)).toBe("3 декабря 2026 г. (четверг)");
    expect(formatDay(THURSDAY, "uk", ZONE)).toBe("3 грудня 2026 р. (четвер)");
    // As the emails use it: the deadline after «до».
    const ru = emailText("ru", ZONE);
    expect(ru.t("email.offer.deadline", { deadline: ru.deadline(THURSDAY.toISOString()) })).toContain("до 3 декабря 2026 г. (четверг) в 18:00");
    expect(ru.t("email.offer.deadline", { deadline: ru.deadline(THURSDAY.toISOString()) })).not.toMatch(/до четверг/);
    const uk = emailText("uk", ZONE);
    expect(uk.t("email.offer.deadline", { deadline: uk.deadline(THURSDAY.toISOString()) })).toContain("до 3 грудня 2026 р. (четвер) о 18:00");
  });

  it("Turkish puts the weekday last, Arabic first, both with Western digits and the 24-hour clock", () => {
    expect(formatDay(THURSDAY, "tr", ZONE)).toBe("3 Aralık 2026 Perşembe");
    expect(formatDay(THURSDAY, "ar", ZONE)).toBe("الخميس، 3 ديسمبر 2026");
    expect(formatDay(THURSDAY, "de", ZONE)).toBe("Donnerstag, 3. Dezember 2026");
    expect(formatDay(THURSDAY, "en", ZONE)).toMatch(/^Thursday,? 3 December 2026$/);
    expect(formatTime(THURSDAY, "ar", ZONE)).toBe("18:00");
    expect(formatTime(new Date("2026-12-03T07:05:00Z"), "en", ZONE)).toBe("08:05");
  });

  it("a session's time in the email reads the same way in every language", () => {
    const ru = emailText("ru", ZONE);
    expect(ru.sessionWhen("2026-12-03T09:00:00Z", "2026-12-03T11:30:00Z")).toBe("3 декабря 2026 г. (четверг), с 10:00 до 12:30");
    const tr = emailText("tr", ZONE);
    expect(tr.sessionWhen("2026-12-03T09:00:00Z", "2026-12-03T11:30:00Z")).toBe("3 Aralık 2026 Perşembe, saat 10:00–12:30");
  });
});

describe("mixed-direction text", () => {
  it("isolates a value only where its letters run against the surrounding direction", () => {
    expect(isolate("Workshop Asylrecht: Der Umsturz", true)).toBe(`${FSI}Workshop Asylrecht: Der Umsturz${PDI}`);
    expect(isolate("ورشة عمل", true)).toBe("ورشة عمل");
    expect(isolate("أمينة", false)).toBe(`${FSI}أمينة${PDI}`);
    expect(isolate("Amina", false)).toBe("Amina");
    // Digits and punctuation alone have no direction of their own.
    expect(isolate("40227", true)).toBe("40227");
  });

  const data: EmailData = {
    name: "Olena Kovalenko",
    places: 1,
    manageUrl: "https://zusammen.example.org/manage?lang=ar#tok",
    event: {
      title: "Workshop Asylrecht: Der Umsturz in Syrien",
      slug: "asylrecht",
      sessions: [{ startsAt: "2027-03-15T09:00:00Z", endsAt: "2027-03-15T14:00:00Z", title: null }],
      location: { name: "Kommunales Integrationszentrum, Seminarraum 1", address: "Willi-Becker-Allee 10, 40227 Düsseldorf", accessibility: null },
      onlineUrl: null,
      organiser: "Kommunales Integrationszentrum Düsseldorf",
    },
  };

  it("an Arabic email isolates the German title, place and address in its HTML, plain text and subject", async () => {
    const mail = await renderEmail("confirmed", "ar", data);
    expect(mail.subject).toBe(format(arEmail["email.confirmed.subject"], { event: `${FSI}${data.event.title}${PDI}` }));
    expect(mail.html).toContain(`<bdi>${FSI}Workshop Asylrecht: Der Umsturz in Syrien${PDI}</bdi>`);
    expect(mail.html).toContain(`<bdi>${FSI}Willi-Becker-Allee 10, 40227 Düsseldorf${PDI}</bdi>`);
    // Inside a sentence: «…في «⁨Workshop Asylrecht: …⁩».»
    expect(mail.text).toContain(`«${FSI}Workshop Asylrecht: Der Umsturz in Syrien${PDI}»`);
    expect(mail.text).toContain(`${FSI}Olena Kovalenko${PDI}`);
  });

  it("a German email isolates an Arabic name, and leaves German values as they are", async () => {
    const mail = await renderEmail("confirmed", "de", { ...data, name: "أمينة حداد" });
    expect(mail.text).toContain(`Hallo ${FSI}أمينة حداد${PDI},`);
    expect(mail.subject).toBe("Ihre Anmeldung ist bestätigt: Workshop Asylrecht: Der Umsturz in Syrien");
    expect(mail.text).not.toContain(FSI + "Workshop");
  });

  it("Russian, Ukrainian and Turkish emails name the venue and the number of places with different words", async () => {
    for (const [locale, catalogue] of [["ru", ruEmail], ["uk", ukEmail], ["tr", trEmail]] as const) {
      expect(catalogue["email.common.where"]).not.toBe(catalogue["email.common.places"]);
      const mail = await renderEmail("confirmed", locale, data);
      expect(mail.text).toContain(catalogue["email.common.where"]);
      expect(mail.text).toContain(catalogue["email.common.places"]);
    }
  });

  it("the Turkish and Russian pages call the venue and the places by different words ('Mekân' and 'Yer sayısı')", () => {
    for (const catalogue of [trWeb, ruWeb]) {
      const venue = catalogue["event.place"]!.toLocaleLowerCase();
      for (const key of ["form.places", "manage.places"] as const) {
        const count = catalogue[key]!.toLocaleLowerCase();
        expect(count).not.toContain(venue);
        expect(venue).not.toContain(count.split(" ")[0]!);
      }
    }
    expect(trWeb["event.place"]).toBe("Mekân");
    expect(ruWeb["event.place"]).toBe("Место проведения");
  });
});
