/**
 * Text people type, hardened at input (issue 17): organisers' titles and names follow the same
 * rules as participants' (no line breaks or control characters: they end up in email subjects
 * and headers, CSV cells and PDFs); names need letters (zero-width or invisible characters
 * alone are no name); broken characters (lone surrogates) are refused everywhere, with a
 * message in the request's language naming the field.
 */
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../db/schema";
import { errorMessage } from "../src/i18n";
import { consoleFetch, createEvent, createStaff, eventInput, participant, register, rows, type StaffSession } from "./fixtures";

/** Invisible alone: zero-width space, joiner and non-joiner, word joiner, byte-order mark, soft hyphen. */
const INVISIBLE = "\u200b\u200d\u200c\u2060\ufeff\u00ad";
const LONE_SURROGATE = "Ay\ud800e";

async function problems(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(422);
  return ((await response.json()) as { error: { fields: Record<string, string> } }).error.fields;
}

const countOf = async (table: string) => Number((await rows(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);

describe("participants' names", () => {
  it("a name of invisible characters alone is refused: 'a name needs letters', in all six languages", async () => {
    const { slug, eventId } = await createEvent();
    const seen = new Set<string>();
    for (const locale of LOCALES) {
      for (const name of [INVISIBLE, "\u200b", "\u202e\u200f", "12345", "..."]) {
        const fields = await problems(await register(slug, participant(1, { name, locale }), { "accept-language": locale }));
        expect(fields.name, `${locale} ${JSON.stringify(name)}`).toBe(errorMessage(locale, "field.name_letters"));
      }
      seen.add(errorMessage(locale, "field.name_letters"));
    }
    expect(seen.size, "translated, not the German text six times").toBe(LOCALES.length);
    expect(await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId)).toEqual([]);
  });

  it("a broken character (a lone surrogate) is refused and nothing is stored", async () => {
    const { slug, eventId } = await createEvent();
    const fields = await problems(await register(slug, participant(1, { name: LONE_SURROGATE }), { "accept-language": "uk" }));
    expect(fields.name).toBe(errorMessage("uk", "field.invalid_characters"));
    expect(await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId)).toEqual([]);
  });

  it("names in every script, with marks and joiners inside, are kept as typed (composed)", async () => {
    const { slug, eventId } = await createEvent({ capacity: 10 });
    const names = ["Ayşe Yılmaz", "محمد الأحمد", "Олена Коваленко", "Zoë\u00a0Müller", "Nguyễn Thị Minh Khai", "می\u200cخواهم", "Åsa"];
    for (const [i, name] of names.entries()) expect((await register(slug, participant(i + 1, { name }))).status, name).toBe(201);
    // Decomposed "é" (e + combining acute) is stored composed; a tab becomes a space.
    expect((await register(slug, participant(20, { name: "Rene\u0301e\tDupont" }))).status).toBe(201);
    const stored = (await rows(`SELECT name FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId)).map((r) => r.name);
    expect(stored).toEqual([...names, "Renée Dupont"]);
  });
});

describe("what organisers enter", () => {
  let organiser: StaffSession;
  const create = (overrides: Record<string, unknown>, locale = "de") =>
    consoleFetch(organiser, "POST", "/api/console/events", eventInput(overrides), { "accept-language": locale });

  it("line breaks and control characters in titles and names are refused, naming each field, and nothing is stored", async () => {
    organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const before = await countOf("events");
    const fields = await problems(
      await create({
        texts: { de: { title: "Elterncafé\nBcc: alle@example.org" }, en: { title: "Parents' café\u0085" } },
        location: { name: "Biblio\rthek", address: "Gertrudisplatz\u202824" },
        sessions: [{ startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString(), title: { de: "Teil\u00071" } }],
        pools: [{ kind: "event", key: "main", capacity: 2, name: { de: "Haupt\u001bsaal" } }],
        questions: [{ id: "q", type: "short_text", required: false, label: { de: "Frage\n2" } }],
        audience: ["Eltern\nKinder"],
      }),
    );
    const lineBreak = errorMessage("de", "field.line_break");
    for (const field of ["texts.de.title", "texts.en.title", "location.name", "location.address", "sessions.0.title.de", "pools.0.name.de", "questions.0.label.de", "audience.0"]) {
      expect(fields[field], field).toBe(lineBreak);
    }
    expect(await countOf("events")).toBe(before);
  });

  it("texts over several lines keep their lines, lose carriage returns, and refuse other control characters", async () => {
    const refused = await problems(await create({ texts: { de: { title: "Elterncafé", description: "Zeile 1\u0000Zeile 2" } } }, "en"));
    expect(refused["texts.de.description"]).toBe(errorMessage("en", "field.invalid_characters"));
    // A line break at either end is only surrounding space: trimmed, like spaces.
    const created = await create({ texts: { de: { title: "  Elterncafé\tMehrsprachigkeit \r\n", summary: "Erste Zeile\r\nZweite Zeile", description: "Absatz 1\r\n\r\nAbsatz 2" } } });
    expect(created.status).toBe(201);
    const { event } = (await created.json()) as { event: { id: number } };
    const [row] = await rows(`SELECT texts FROM events WHERE id = ?1`, event.id);
    expect(JSON.parse(String(row!.texts)).de).toEqual({ title: "Elterncafé Mehrsprachigkeit", summary: "Erste Zeile\nZweite Zeile", description: "Absatz 1\n\nAbsatz 2" });
  });

  it("a lone surrogate in any text is refused", async () => {
    const fields = await problems(await create({ texts: { de: { title: LONE_SURROGATE, description: `Text ${LONE_SURROGATE}` } } }, "tr"));
    expect(fields["texts.de.title"]).toBe(errorMessage("tr", "field.invalid_characters"));
    expect(fields["texts.de.description"]).toBe(errorMessage("tr", "field.invalid_characters"));
  });

  it("names of organisations, members, signers, certificate holders and walk-ins need letters and one line", async () => {
    const admin = await createStaff({ isAdmin: true });
    const { eventId } = await createEvent({ capacity: 5 });
    const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
    const cases: [string, string, string, unknown, string][] = [
      ["POST", "/api/console/organisations", "name", { slug: "unsichtbar", name: INVISIBLE }, "field.name_letters"],
      ["POST", "/api/console/organisations/1/members", "name", { email: "neu-mitglied@example.org", role: "organiser", name: "\u200b" }, "field.name_letters"],
      ["PUT", `/api/console/events/${eventId}/certificate-settings`, "signer.name", { rule: { kind: "all_sessions" }, signer: { name: "\u2060", role: "Leitung" } }, "field.name_letters"],
      ["PUT", `/api/console/events/${eventId}/certificate-settings`, "signer.role", { rule: { kind: "all_sessions" }, signer: { name: "Dr. Selin Aydın", role: "Leitung\nBcc" } }, "field.line_break"],
      ["POST", `/api/console/events/${eventId}/checkin/walk-in`, "name", { sessionId: Number(session!.id), name: INVISIBLE }, "field.name_letters"],
      ["POST", `/api/console/events/${eventId}/checkin/walk-in`, "name", { sessionId: Number(session!.id), name: "Familie\nDemir" }, "field.line_break"],
      ["POST", `/api/console/events/${eventId}/messages`, "subject", { subject: "Raumänderung\u0085Bcc: x", body: "Saal 2", statuses: ["confirmed"] }, "field.line_break"],
      ["POST", `/api/console/events/${eventId}/cancel`, "reason", { reason: "Erkrankt\u0000" }, "field.invalid_characters"],
    ];
    const before = { events: await countOf("events"), registrations: await countOf("registrations"), organisations: await countOf("organisations"), outbox: await countOf("outbox") };
    for (const [method, path, field, body, key] of cases) {
      const response = await consoleFetch(admin, method, path, body, { "accept-language": "ar" });
      const where = `${method} ${path} ${field}`;
      expect(response.status, where).toBe(422);
      const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
      expect(error.fields[field], where).toBe(errorMessage("ar", key));
    }
    expect({ events: await countOf("events"), registrations: await countOf("registrations"), organisations: await countOf("organisations"), outbox: await countOf("outbox") }).toEqual(before);
    const [event] = await rows(`SELECT status, certificate_signer AS signer FROM events WHERE id = ?1`, eventId);
    expect(event).toMatchObject({ status: "published", signer: null });
  });

  it("an edit on the participant's behalf follows the participant's rules", async () => {
    const { slug, eventId } = await createEvent();
    expect((await register(slug, participant(1))).status).toBe(201);
    const [registration] = await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId);
    const fields = await problems(await consoleFetch(organiser, "PATCH", `/api/console/registrations/${registration!.id}`, { name: INVISIBLE }, { "accept-language": "ru" }));
    expect(fields.name).toBe(errorMessage("ru", "field.name_letters"));
    expect((await rows(`SELECT name FROM registrations WHERE id = ?1`, registration!.id))[0]!.name).toBe("Teilnehmerin 1");
  });
});

describe("the catalogues", () => {
  it("say it in every language", () => {
    for (const key of ["field.name_letters", "field.invalid_characters", "error.not_configured"]) {
      const texts = LOCALES.map((locale) => errorMessage(locale, key));
      expect(new Set(texts).size, key).toBe(LOCALES.length);
      for (const text of texts) expect(text).not.toBe(key);
    }
    // Arabic in Arabic script, Ukrainian and Russian in Cyrillic.
    expect(errorMessage("ar", "field.name_letters")).toMatch(/\p{Script=Arabic}/u);
    expect(errorMessage("uk", "field.name_letters")).toMatch(/\p{Script=Cyrillic}/u);
  });
});
