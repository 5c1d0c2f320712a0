/** Validation of what organisers enter for an event (the console's event form). */
import * as z from "zod/mini";
import { EVENT_FORMATS, LOCALES, POOL_KINDS, QUESTION_TYPES } from "../../../../db/schema";
import type { EventInput } from "../../console-types";
import { ValidationError } from "../../lib/errors";
import { multiLineText, parseOrThrow, singleLineText } from "../../lib/validation";

/** Titles, names, labels: one line, as for participants (lib/validation.ts); an empty one is left out or required by parseEventInput. */
const line = (max: number) => singleLineText(max, { optional: true });
/** Summaries, descriptions, accessibility notes: several lines. */
const text = (max: number) => multiLineText(max, { optional: true });
const localizedLine = (max: number) => z.partialRecord(z.enum(LOCALES), line(max));
const localized = (max: number) => z.partialRecord(z.enum(LOCALES), text(max));
const isoTime = z.string().check(z.refine((v) => !Number.isNaN(Date.parse(v)), { params: { key: "field.invalid_type" } }));
const key = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/));

/** Funding lines or tags of an event ("KOMM-AN", "ESF", a foundation): the statistics filter by them. */
export const fundingLinesSchema = z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))).check(z.maxLength(10));
/** Partners an event is held with ("Amt für Gleichstellung"), as the year's review lists them. */
export const partnersSchema = z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(20));

/** The same tag twice, or with other spacing, is one. */
export function tidyTags(values: string[]): string[] {
  return [...new Set(values.map((v) => v.replace(/\s+/g, " ").trim()).filter((v) => v !== ""))];
}

/** The event form's shape (the document's EventInput); parseEventInput adds the rules across fields. */
export const eventInputSchema = z.strictObject({
  organisationId: z.int(),
  slug: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{2,80}$/))),
  format: z.enum(EVENT_FORMATS),
  texts: z.partialRecord(
    z.enum(LOCALES),
    z.strictObject({ title: z.optional(line(200)), summary: z.optional(text(500)), description: z.optional(text(10_000)) }),
  ),
  audience: z.array(line(64)).check(z.maxLength(20)),
  languages: z.array(line(32)).check(z.maxLength(20)),
  location: z.nullable(z.strictObject({ name: line(200), address: z.optional(line(300)), accessibility: z.optional(localized(1000)) })),
  onlineUrl: z.nullable(z.url({ protocol: /^https?$/ })),
  registrationMode: z.enum(["open", "approval", "none"]),
  registrationOpensAt: z.nullable(isoTime),
  registrationClosesAt: z.nullable(isoTime),
  maxPlacesPerRegistration: z.int().check(z.minimum(1), z.maximum(50)),
  emailConfirmation: z.boolean(),
  holdMinutes: z.int().check(z.minimum(5), z.maximum(24 * 60)),
  waitlistEnabled: z.boolean(),
  waitlistMode: z.enum(["confirm", "offer"]),
  offerHours: z.int().check(z.minimum(1), z.maximum(14 * 24)),
  questions: z
    .array(
      z.strictObject({
        id: key,
        type: z.enum(QUESTION_TYPES),
        required: z.boolean(),
        label: localizedLine(300),
        options: z.optional(z.array(z.strictObject({ id: key, label: localizedLine(200) })).check(z.maxLength(50))),
      }),
    )
    .check(z.maxLength(50)),
  reminderRules: z
    .array(
      z.union([
        z.strictObject({ kind: z.literal("before"), minutes: z.int().check(z.minimum(0), z.maximum(60 * 24 * 30)) }),
        z.strictObject({ kind: z.literal("morning"), hour: z.int().check(z.minimum(0), z.maximum(23)) }),
      ]),
    )
    .check(z.maxLength(5)),
  sessions: z
    .array(
      z.strictObject({
        id: z.optional(z.int()),
        startsAt: isoTime,
        endsAt: isoTime,
        title: z.optional(z.nullable(localizedLine(200))),
        cancelled: z.optional(z.boolean()),
      }),
    )
    .check(z.maxLength(200)),
  pools: z
    .array(
      z.strictObject({
        id: z.optional(z.int()),
        kind: z.enum(POOL_KINDS),
        key,
        slot: z.optional(z.nullable(line(64))),
        name: z.optional(z.nullable(localizedLine(200))),
        capacity: z.int().check(z.minimum(0), z.maximum(100_000)),
        // A workshop's own time within the day, named in emails and on the manage page.
        startsAt: z.optional(z.nullable(isoTime)),
        endsAt: z.optional(z.nullable(isoTime)),
      }),
    )
    .check(z.maxLength(50)),
  countChildren: z.optional(z.boolean()),
  allowLateRegistration: z.optional(z.boolean()),
  checkinOpensMinutes: z.optional(z.int().check(z.minimum(0), z.maximum(24 * 60))),
  fundingLines: z.optional(fundingLinesSchema),
  partners: z.optional(partnersSchema),
  contact: z.optional(
    z.nullable(
      z.strictObject({
        name: z.optional(text(200)),
        email: z.optional(z.string().check(z.trim(), z.maxLength(254), z.email())),
        phone: z.optional(text(60)),
      }),
    ),
  ),
});

/** Parses an event form; throws a ValidationError naming each bad field. */
export function parseEventInput(body: unknown): EventInput {
  const input = parseOrThrow(eventInputSchema, body) as EventInput;
  const fields: ConstructorParameters<typeof ValidationError>[0] = {};
  if (!input.texts.de?.title) fields["texts.de.title"] = { key: "field.required" };
  input.sessions.forEach((s, i) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) fields[`sessions.${i}.endsAt`] = { key: "field.invalid_type" };
  });
  const keys = new Set<string>();
  input.pools.forEach((p, i) => {
    if (keys.has(p.key)) fields[`pools.${i}.key`] = { key: "field.invalid_type" };
    keys.add(p.key);
    if (p.startsAt && p.endsAt && Date.parse(p.endsAt) <= Date.parse(p.startsAt)) fields[`pools.${i}.endsAt`] = { key: "field.invalid_type" };
  });
  if (input.registrationMode !== "none" && !input.pools.some((p) => p.kind === "event"))
    fields.pools = { key: "field.required" };
  input.questions.forEach((q, i) => {
    if (!q.label.de) fields[`questions.${i}.label.de`] = { key: "field.required" };
    if ((q.type === "single_choice" || q.type === "multiple_choice") && !q.options?.length)
      fields[`questions.${i}.options`] = { key: "field.required" };
  });
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return input;
}

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "event";
}

