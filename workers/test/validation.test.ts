/**
 * Invariant 6: bad input gets a clear error naming each field, never a 500, and stores nothing.
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Question } from "../../db/schema";
import { createEvent, participant, rows } from "./fixtures";

const questions: Question[] = [
  { id: "organisation", type: "short_text", required: true, label: { de: "Organisation" } },
  { id: "format", type: "single_choice", required: false, label: { de: "Format" }, options: [{ id: "online", label: { de: "Online" } }] },
  { id: "topics", type: "multiple_choice", required: false, label: { de: "Themen" }, options: [{ id: "a", label: { de: "A" } }] },
  { id: "age", type: "number", required: false, label: { de: "Alter" } },
];
const valid = { ...participant(1), answers: { organisation: "Verein Brücke e.V." } };
let slug = "";
let eventId = 0;

beforeAll(async () => {
  ({ slug, eventId } = await createEvent({ capacity: 10, maxPlaces: 3, questions }));
});

/** `fields`: the fields the error names (none for a body that is not an object at all); `messages`: exact texts of some of them. */
type Case = { name: string; body: unknown; status: number; code: string; fields?: string[]; messages?: Record<string, string>; contentType?: string };
const long = "x".repeat(201);
const cases: Case[] = [
  { name: "empty object", body: {}, status: 422, code: "validation_failed", fields: ["name", "email", "locale", "consent", "answers.organisation"] },
  { name: "missing name", body: { ...valid, name: undefined }, status: 422, code: "validation_failed", fields: ["name"] },
  { name: "blank name", body: { ...valid, name: "   " }, status: 422, code: "validation_failed", fields: ["name"] },
  { name: "name of wrong type", body: { ...valid, name: 42 }, status: 422, code: "validation_failed", fields: ["name"] },
  { name: "overlong name", body: { ...valid, name: long }, status: 422, code: "validation_failed", fields: ["name"] },
  { name: "line break in name (header injection)", body: { ...valid, name: "Eve\r\nBcc: x@example.org" }, status: 422, code: "validation_failed", fields: ["name"] },
  { name: "invalid email", body: { ...valid, email: "not-an-email" }, status: 422, code: "validation_failed", fields: ["email"] },
  { name: "email with CRLF", body: { ...valid, email: "a@example.org\r\nBcc: b@example.org" }, status: 422, code: "validation_failed", fields: ["email"] },
  { name: "overlong email", body: { ...valid, email: `${"a".repeat(250)}@example.org` }, status: 422, code: "validation_failed", fields: ["email"] },
  { name: "unknown locale", body: { ...valid, locale: "fr" }, status: 422, code: "validation_failed", fields: ["locale"] },
  { name: "zero places", body: { ...valid, places: 0 }, status: 422, code: "validation_failed", fields: ["places"] },
  { name: "negative places", body: { ...valid, places: -2 }, status: 422, code: "validation_failed", fields: ["places"] },
  { name: "fractional places", body: { ...valid, places: 1.5 }, status: 422, code: "validation_failed", fields: ["places"] },
  { name: "too many places", body: { ...valid, places: 4 }, status: 422, code: "validation_failed", fields: ["places"] },
  { name: "places as string", body: { ...valid, places: "2" }, status: 422, code: "validation_failed", fields: ["places"] },
  { name: "no consent", body: { ...valid, consent: false }, status: 422, code: "validation_failed", fields: ["consent"] },
  { name: "unknown question id", body: { ...valid, answers: { ...valid.answers, shoeSize: "42" } }, status: 422, code: "validation_failed", fields: ["answers.shoeSize"] },
  { name: "required answer missing", body: { ...valid, answers: {} }, status: 422, code: "validation_failed", fields: ["answers.organisation"] },
  { name: "unknown choice", body: { ...valid, answers: { ...valid.answers, format: "carrier-pigeon" } }, status: 422, code: "validation_failed", fields: ["answers.format"] },
  { name: "multiple choice not a list", body: { ...valid, answers: { ...valid.answers, topics: "a" } }, status: 422, code: "validation_failed", fields: ["answers.topics"] },
  { name: "number answer as text", body: { ...valid, answers: { ...valid.answers, age: "zehn" } }, status: 422, code: "validation_failed", fields: ["answers.age"] },
  { name: "answers not an object", body: { ...valid, answers: "x" }, status: 422, code: "validation_failed", fields: ["answers"] },
  { name: "unknown top-level field", body: { ...valid, isAdmin: true }, status: 422, code: "validation_failed", fields: ["isAdmin"] },
  { name: "childcare with negative children", body: { ...valid, needs: { childcare: { children: -1 } } }, status: 422, code: "validation_failed", fields: ["needs.childcare.children"], messages: { "needs.childcare.children": "Bitte mindestens 0." } },
  // Not an object: the body itself is named (and the required answer it cannot hold).
  { name: "array body", body: [valid], status: 422, code: "validation_failed", fields: ["body", "answers.organisation"] },
  { name: "null body", body: null, status: 422, code: "validation_failed", fields: ["body", "answers.organisation"] },
  { name: "malformed JSON", body: '{"name": "Ada",', status: 400, code: "malformed_json" },
  { name: "wrong content type", body: JSON.stringify(valid), status: 415, code: "unsupported_media_type", contentType: "text/plain" },
  { name: "form encoding", body: "name=Ada", status: 415, code: "unsupported_media_type", contentType: "application/x-www-form-urlencoded" },
  { name: "body over 64 KiB", body: { ...valid, answers: { organisation: "x".repeat(70_000) } }, status: 413, code: "payload_too_large" },
];

describe("bad registration input", () => {
  it.each(cases)("$name → $status $code", async ({ body, status, code, fields, messages, contentType }) => {
    const response = await SELF.fetch(`https://zusammen.test/api/events/${slug}/registrations`, {
      method: "POST",
      headers: { "content-type": contentType ?? "application/json", "accept-language": "de" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    expect(response.status).toBe(status);
    const error = ((await response.json()) as any).error;
    expect(error.code).toBe(code);
    expect(error.message).toEqual(expect.any(String));
    expect(error.requestId).toEqual(expect.any(String));
    const named: Record<string, string> = error.fields ?? {};
    expect(Object.keys(named).sort()).toEqual([...(fields ?? [])].sort());
    expect(Object.values(named).filter((message) => !/^[A-ZÄÖÜ]/.test(message))).toEqual([]);
    expect(Object.fromEntries(Object.keys(messages ?? {}).map((key) => [key, named[key]]))).toEqual(messages ?? {});
    expect(await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId)).toEqual([]);
  });

  it("a valid body passes (the table above is not failing for another reason)", async () => {
    const response = await SELF.fetch(`https://zusammen.test/api/events/${slug}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...valid, email: "valid@example.org", places: 3, answers: { ...valid.answers, format: "online", topics: ["a"], age: 10 } }),
    });
    expect(response.status).toBe(201);
  });
});

describe("manage links", () => {
  it("unknown, malformed and overlong tokens are 404 for every action, never 500", async () => {
    for (const token of ["x", "A".repeat(43), "%00", "../../etc/passwd", "A".repeat(5000)]) {
      const get = await SELF.fetch(`https://zusammen.test/api/registrations/${encodeURIComponent(token)}`);
      expect(get.status).toBe(404);
      for (const action of ["cancel", "confirm", "accept-offer"]) {
        const post = await SELF.fetch(`https://zusammen.test/api/registrations/${encodeURIComponent(token)}/${action}`, { method: "POST" });
        expect(post.status).toBe(404);
      }
    }
  });

  it("unknown API routes are a JSON 404", async () => {
    const response = await SELF.fetch("https://zusammen.test/api/nope");
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).error.code).toBe("not_found");
  });
});
