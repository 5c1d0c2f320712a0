/**
 * The catalogues: every locale has exactly German's keys (email catalogues may add the
 * plural forms their language needs), the same `{placeholders}`, no empty text; every
 * locale is registered where the Worker and the emails look it up; and the participant
 * API sets no cookie. Whether each key is used is checked on the Node side
 * (frontend/test/catalogue-usage.node.test.ts), which can read the sources.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../../db/schema";
import { emailCatalogues, emailText } from "../../emails/components/i18n";
import { renderEmail } from "../../emails/render";
import { certificateCatalogues, errorCatalogues, errorMessage, reachCatalogues, RTL_LOCALES } from "../src/i18n";
import { format, languageName, statusLabel } from "../src/i18n/vocabulary";
import arCertificate from "../src/i18n/ar/certificate";
import deCertificate from "../src/i18n/de/certificate";
import enCertificate from "../src/i18n/en/certificate";
import ruCertificate from "../src/i18n/ru/certificate";
import trCertificate from "../src/i18n/tr/certificate";
import ukCertificate from "../src/i18n/uk/certificate";
import arEmail from "../src/i18n/ar/email";
import arErrors from "../src/i18n/ar/errors";
import arWeb from "../src/i18n/ar/web";
import deEmail from "../src/i18n/de/email";
import deErrors from "../src/i18n/de/errors";
import deWeb from "../src/i18n/de/web";
import enEmail from "../src/i18n/en/email";
import enErrors from "../src/i18n/en/errors";
import enWeb from "../src/i18n/en/web";
import ruEmail from "../src/i18n/ru/email";
import ruErrors from "../src/i18n/ru/errors";
import ruWeb from "../src/i18n/ru/web";
import trEmail from "../src/i18n/tr/email";
import trErrors from "../src/i18n/tr/errors";
import trWeb from "../src/i18n/tr/web";
import ukEmail from "../src/i18n/uk/email";
import ukErrors from "../src/i18n/uk/errors";
import ukWeb from "../src/i18n/uk/web";
import arReach from "../src/i18n/ar/reach";
import deReach from "../src/i18n/de/reach";
import enReach from "../src/i18n/en/reach";
import ruReach from "../src/i18n/ru/reach";
import trReach from "../src/i18n/tr/reach";
import ukReach from "../src/i18n/uk/reach";
import { createEvent, participant, register, rows, tokenOf, waitForMail } from "./fixtures";

type Catalogue = Readonly<Record<string, string>>;
type Area = "errors" | "web" | "email" | "certificate" | "reach";

const catalogues: Record<Area, Record<Locale, Catalogue>> = {
  errors: { de: deErrors, en: enErrors, tr: trErrors, ar: arErrors, uk: ukErrors, ru: ruErrors },
  web: { de: deWeb, en: enWeb, tr: trWeb, ar: arWeb, uk: ukWeb, ru: ruWeb },
  email: { de: deEmail, en: enEmail, tr: trEmail, ar: arEmail, uk: ukEmail, ru: ruEmail },
  certificate: { de: deCertificate, en: enCertificate, tr: trCertificate, ar: arCertificate, uk: ukCertificate, ru: ruCertificate },
  reach: { de: deReach, en: enReach, tr: trReach, ar: arReach, uk: ukReach, ru: ruReach },
};

const OTHER_LOCALES = LOCALES.filter((locale) => locale !== "de");

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

/**
 * A plural form "<base>.<category>" that German lacks but the locale needs: German has
 * "<base>.other", and the category is one of the locale's Intl.PluralRules categories.
 */
function pluralBase(locale: Locale, key: string, german: Catalogue): string | null {
  const match = /^(.+)\.(zero|one|two|few|many|other)$/.exec(key);
  if (!match) return null;
  const [, base, category] = match;
  if (!(`${base}.other` in german)) return null;
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  return categories.includes(category!) ? base! : null;
}

describe.each(["errors", "web", "email", "certificate", "reach"] as const)("%s catalogues", (area) => {
  const german = catalogues[area].de;

  it("German, the reference, has no empty text", () => {
    expect(Object.keys(german).length).toBeGreaterThan(10);
    for (const [key, value] of Object.entries(german)) expect(value.trim(), key).not.toBe("");
  });

  it.each(OTHER_LOCALES)("%s has every German key and no other", (locale) => {
    const catalogue = catalogues[area][locale];
    const missing = Object.keys(german).filter((key) => !(key in catalogue));
    const extra = Object.keys(catalogue).filter((key) => !(key in german) && !(area === "email" && pluralBase(locale, key, german)));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(OTHER_LOCALES)("%s keeps every placeholder, has no empty or untranslated-key text", (locale) => {
    const catalogue = catalogues[area][locale];
    const problems: string[] = [];
    for (const [key, value] of Object.entries(catalogue)) {
      if (value.trim() === "" || value === key) problems.push(`${key}: empty`);
      const base = key in german ? null : pluralBase(locale, key, german);
      const reference = german[key] ?? (base ? german[`${base}.other`] : undefined);
      if (reference === undefined) continue; // reported as extra above
      const expected = placeholders(reference);
      const actual = placeholders(value);
      // A plural form may say the number in words ("مكانان", two places) instead of {count}.
      const isPlural = /\.(zero|one|two|few|many|other)$/.test(key) && area === "email";
      const comparable = isPlural ? expected.filter((name) => name !== "count" || actual.includes("count")) : expected;
      if (JSON.stringify(actual) !== JSON.stringify(comparable)) problems.push(`${key}: {${actual.join("}, {")}} instead of {${expected.join("}, {")}}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(OTHER_LOCALES)("%s translates every text (none copied from German)", (locale) => {
    const catalogue = catalogues[area][locale];
    const words = (text: string) => text.replace(/\{\w+\}/g, "").replace(/[\s\p{P}]/gu, "");
    // The product's name, and words English shares with German.
    const sameOnPurpose = new Set(["zusammen", ...(locale === "en" ? ["Workshop", "Workshops", "Online", "Name"] : [])]);
    const copied = Object.keys(german).filter((key) => catalogue[key] === german[key] && words(german[key]!) !== "" && !sameOnPurpose.has(german[key]!));
    expect(copied).toEqual([]);
  });
});

describe("registration of the catalogues", () => {
  it("the Worker's error messages, the emails, the certificates and the feeds and posters know every locale", () => {
    for (const locale of LOCALES) {
      expect(errorCatalogues[locale], locale).toBe(catalogues.errors[locale]);
      expect(emailCatalogues[locale], locale).toBe(catalogues.email[locale]);
      expect(certificateCatalogues[locale], locale).toBe(catalogues.certificate[locale]);
      expect(reachCatalogues[locale], locale).toBe(catalogues.reach[locale]);
    }
  });

  it("errors come in the requested language", () => {
    expect(errorMessage("ar", "field.required")).toBe(arErrors["field.required"]);
    expect(errorMessage("uk", "field.too_long", { max: 200 })).toBe("Будь ласка, не більше 200 символів.");
    expect(errorMessage("tr", "field.number_min", { min: 0 })).toBe("Lütfen en az 0 yazın.");
  });

  it("only Arabic is right to left", () => {
    expect([...RTL_LOCALES]).toEqual(["ar"]);
    expect(emailText("ar").dir).toBe("rtl");
    expect(emailText("ru").dir).toBe("ltr");
  });

  it("plural forms follow each language's rules", () => {
    const places = (locale: Locale, count: number) => emailText(locale).plural("email.common.places_count", count);
    expect([1, 2, 5, 21].map((n) => places("uk", n))).toEqual(["1 місце", "2 місця", "5 місць", "21 місце"]);
    expect([1, 3, 11].map((n) => places("ru", n))).toEqual(["1 место", "3 места", "11 мест"]);
    expect([1, 2, 3, 11, 100].map((n) => places("ar", n))).toEqual(["مكان واحد", "مكانان", "3 أماكن", "11 مكانًا", "100 مكان"]);
    expect(places("tr", 2)).toBe("2 yer");
  });

  it.each(OTHER_LOCALES)("every email renders in %s without raw keys or placeholders", async (locale) => {
    const mail = await renderEmail("confirmed", locale, {
      name: "Amina",
      places: 2,
      manageUrl: "https://zusammen.example.org/manage#tok",
      event: {
        title: "Workshop Asylrecht",
        slug: "asylrecht",
        sessions: [{ startsAt: "2027-03-15T09:00:00Z", endsAt: "2027-03-15T11:00:00Z", title: null }],
        location: { name: "Zentralbibliothek", address: "Konrad-Adenauer-Platz 1", accessibility: null },
        onlineUrl: null,
        organiser: "Integrationszentrum",
      },
    });
    expect(mail.subject).toContain("Workshop Asylrecht");
    expect(mail.text).not.toMatch(/email\.\w+\.\w+/);
    expect(mail.text).not.toMatch(/\{\w+\}/);
    expect(mail.text).toContain(catalogues.email[locale]["email.common.cancel_hint"]);
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.html).toContain(`dir="${locale === "ar" ? "rtl" : "ltr"}"`);
    // 09:00 UTC is 10:00 in Berlin in March; Western digits in every language, Arabic included.
    expect(mail.text).toContain("10:00");
    expect(mail.text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
  });
});

describe("the language chosen at registration is the language of later mail", () => {
  it("a Ukrainian registration gets Ukrainian confirmation and cancellation mails", async () => {
    const { slug } = await createEvent();
    const email = "i18n-uk@example.org";
    const response = await register(slug, participant(1, { email, locale: "uk" }), { "accept-language": "de" });
    expect(response.status).toBe(201);
    const [confirmed] = await waitForMail(email);
    expect(confirmed!.subject).toContain("Вашу реєстрацію підтверджено");
    const [row] = await rows(`SELECT id FROM registrations WHERE email = ?1`, email);
    const token = await tokenOf(Number(row!.id));
    const cancel = await SELF.fetch(`https://zusammen.test/api/registrations/${token}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "de" },
      body: "{}",
    });
    expect(cancel.status).toBe(200);
    const mails = await waitForMail(email, 2);
    expect(mails.map((mail) => mail.subject).join("\n")).toContain("Вашу реєстрацію скасовано");
  });
});

describe("no cookies for participants", () => {
  it("no participant API response sets a cookie", async () => {
    const { slug } = await createEvent();
    const email = "no-cookie@example.org";
    const responses: [string, Response][] = [];
    const call = async (label: string, path: string, init?: RequestInit) => {
      const response = await SELF.fetch(`https://zusammen.test${path}`, init);
      await response.arrayBuffer();
      responses.push([label, response]);
      return response;
    };
    await call("health", "/api/health");
    await call("list", "/api/events");
    await call("detail", `/api/events/${slug}`, { headers: { "accept-language": "ar" } });
    await call("unknown event", "/api/events/no-such-event");
    await call("invalid registration", `/api/events/${slug}/registrations`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const created = await call("registration", `/api/events/${slug}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(participant(2, { email })),
    });
    expect(created.status).toBe(201);
    const [row] = await rows(`SELECT id FROM registrations WHERE email = ?1`, email);
    const token = await tokenOf(Number(row!.id));
    await call("manage", `/api/registrations/${token}`);
    await call("unknown token", "/api/registrations/not-a-token");
    await call("cancel", `/api/registrations/${token}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    for (const [label, response] of responses) {
      expect(response.headers.get("set-cookie"), label).toBeNull();
      expect(response.status, label).toBeLessThan(500);
    }
  });
});

describe("the shared vocabulary (workers/src/i18n/vocabulary.ts), in workerd", () => {
  it("names every language in every other one from Intl, and in itself by its own name", () => {
    const names = Object.fromEntries(LOCALES.map((inLocale) => [inLocale, LOCALES.map((locale) => languageName(locale, inLocale))]));
    expect(names.de).toEqual(["Deutsch", "Englisch", "Türkisch", "Arabisch", "Ukrainisch", "Russisch"]);
    expect(names.ar).toEqual(["الألمانية", "الإنجليزية", "التركية", "العربية", "الأوكرانية", "الروسية"]);
    expect(names.en).toEqual(["German", "English", "Turkish", "Arabic", "Ukrainian", "Russian"]);
    // Every name is a real name: never the code itself, never the same in two page languages but the language's own.
    for (const inLocale of LOCALES) for (const locale of LOCALES) expect(languageName(locale, inLocale)).not.toBe(locale);
    expect(new Set(LOCALES.map((inLocale) => languageName("de", inLocale))).size).toBe(LOCALES.length);
  });

  it("one word per registration status for staff, the same in the console and the exports", () => {
    expect(statusLabel("cancelled", "de")).toBe("abgesagt");
    expect(statusLabel("cancelled", "de", { capitalised: true })).toBe("Abgesagt");
    expect(statusLabel("pending_approval", "en")).toBe("application pending");
  });

  it("one placeholder formatter: known ones replaced, unknown ones left visible", () => {
    expect(format("{name} hat {count} Plätze", { name: "Ada", count: 2 })).toBe("Ada hat 2 Plätze");
    expect(format("Hallo {name}")).toBe("Hallo {name}");
  });
});
