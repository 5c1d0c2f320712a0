/**
 * Every key of the German catalogues (errors, web, email, certificate, reach) is used somewhere in the code
 * that shows text: the frontend, the emails and the Worker. (Completeness and placeholders
 * per locale are checked inside workerd: workers/test/i18n.test.ts.)
 *
 * A key counts as used when it appears as a string literal. Keys built at run time
 * (`format.${event.format}`) are found as template literals in the sources; each such
 * pattern must be declared below with the values it can take, and then every one of those
 * keys must exist and only those keys count as used by the pattern. A new dynamic key
 * pattern in the code without a declaration here fails the test.
 */
import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, EVENT_FORMATS, ROLES } from "../../db/schema";
import { CHANGED_FIELDS } from "../../emails/types";
import deCertificate from "../../workers/src/i18n/de/certificate";
import deEmail from "../../workers/src/i18n/de/email";
import deErrors from "../../workers/src/i18n/de/errors";
import deReach from "../../workers/src/i18n/de/reach";
import deWeb from "../../workers/src/i18n/de/web";
import { filesUnder, read } from "./node";

const CATALOGUE_FILE = /^workers\/src\/i18n\/[a-z]{2}\//;
const sources = [
  ...filesUnder("frontend/src", /\.tsx?$/),
  ...filesUnder("emails", /\.tsx?$/),
  ...filesUnder("workers/src", /\.ts$/).filter((path) => !CATALOGUE_FILE.test(path)),
].map((path) => ({ path, text: read(path) }));
const allSource = sources.map((source) => source.text).join("\n");
/** Dynamic keys are looked for only where the shared catalogues are imported (the check-in page has its own strings). */
const catalogueSource = sources
  .filter((source) => /from\s+["'][^"']*\/i18n(?:\/[a-z]{2}\/\w+)?["']/.test(source.text))
  .map((source) => source.text)
  .join("\n");

const PARTICIPANT_STATUSES = ["confirmed", "waitlisted", "offered", "check_email", "pending_approval", "rejected", "cancelled", "expired"];

/**
 * The dynamic key patterns ("*" is the run-time part) and the values each can take, with
 * where those values come from. Values listed by hand are checked against their source file.
 */
const DYNAMIC: Record<string, { members: readonly string[]; from?: string | string[] }> = {
  "format.*": { members: EVENT_FORMATS },
  // Audience codes are a vocabulary (the console offers them); every code the demo uses needs a name.
  "audience.*": { members: Object.keys(deWeb).filter((key) => key.startsWith("audience.")).map((key) => key.slice("audience.".length)) },
  "outcome.*_title": { members: ["confirmed", "waitlisted", "check_email", "pending_approval", "other"], from: "frontend/src/pages/event.ts" },
  "outcome.*_text": { members: ["confirmed", "waitlisted", "check_email", "pending_approval", "other"], from: "frontend/src/pages/event.ts" },
  "privacy.*_heading": { members: ["controller", "data", "purpose", "retention", "rights"], from: "frontend/src/pages/privacy.ts" },
  "privacy.*_text": { members: ["controller", "data", "purpose", "retention", "rights"], from: "frontend/src/pages/privacy.ts" },
  "accessibility.*_heading": { members: ["status", "features", "limits"], from: "frontend/src/pages/accessibility.ts" },
  "accessibility.*_text": { members: ["status", "features", "limits"], from: "frontend/src/pages/accessibility.ts" },
  "manage.status_*": { members: PARTICIPANT_STATUSES, from: "workers/src/api-types.ts" },
  // The actions, and after a workshop switch: switched, or waiting with the old place kept.
  "manage.done_*": { members: ["confirm", "accept-offer", "cancel", "workshop_switched", "workshop_waiting"], from: ["workers/src/api-types.ts", "frontend/src/pages/manage.ts"] },
  "email.updated_by_organiser.field.*": { members: CHANGED_FIELDS },
  "email.manage_links.status.*": { members: ["confirmed", "waitlisted", "offered", "check_email", "pending_approval"], from: "emails/types.ts" },
  "email.common.*": { members: ["places", "places_requested"], from: "emails/components/parts.tsx" },
  "email.*.subject": { members: EMAIL_TEMPLATES },
  "email.event_changed.change.*": { members: ["date", "time", "place", "online"], from: "emails/types.ts" },
  "email.invitation.role.*": { members: ROLES },
};

/** Plural bases: `text.plural("email.common.when", n)` uses "<base>.one", "<base>.other", … */
const pluralBases = [...catalogueSource.matchAll(/plural\(\s*["'`]([\w.]+)["'`]/g)].map((match) => match[1]!);

function patternsInSource(): string[] {
  const found = new Set<string>();
  for (const match of catalogueSource.matchAll(/`((?:[a-z_]+\.)+[a-z_]*)\$\{[^}`]*\}([\w.-]*)`/g)) {
    found.add(`${match[1]}*${match[2]}`);
  }
  return [...found];
}

const catalogues = { errors: deErrors, web: deWeb, email: deEmail, certificate: deCertificate, reach: deReach } as const;
const allKeys = new Set(Object.values(catalogues).flatMap((catalogue) => Object.keys(catalogue)));
const isCatalogueKeyPattern = (pattern: string) => {
  const [prefix = "", suffix = ""] = pattern.split("*");
  return [...allKeys].some((key) => key.startsWith(prefix) && key.endsWith(suffix) && key.length > prefix.length + suffix.length);
};

function usedByPattern(key: string): boolean {
  for (const [pattern, { members }] of Object.entries(DYNAMIC)) {
    const [prefix = "", suffix = ""] = pattern.split("*");
    if (members.some((member) => `${prefix}${member}${suffix}` === key)) return true;
  }
  return pluralBases.some((base) => key.startsWith(`${base}.`) && /^(zero|one|two|few|many|other)$/.test(key.slice(base.length + 1)));
}

function isLiteral(key: string): boolean {
  return allSource.includes(`"${key}"`) || allSource.includes(`'${key}'`) || allSource.includes(`\`${key}\``);
}

describe("catalogue keys are used", () => {
  it("every dynamic key pattern in the code is declared", () => {
    const undeclared = patternsInSource().filter((pattern) => isCatalogueKeyPattern(pattern) && !(pattern in DYNAMIC));
    expect(undeclared, undeclared.join(", ")).toEqual([]);
  });

  it("every declared pattern is still in the code", () => {
    const inSource = new Set(patternsInSource());
    expect(Object.keys(DYNAMIC).filter((pattern) => !inSource.has(pattern))).toEqual([]);
  });

  it("every value of a dynamic pattern has its key, and hand-listed values exist in their source", () => {
    const problems: string[] = [];
    for (const [pattern, { members, from }] of Object.entries(DYNAMIC)) {
      const [prefix = "", suffix = ""] = pattern.split("*");
      for (const member of members) {
        if (!allKeys.has(`${prefix}${member}${suffix}`)) problems.push(`missing ${prefix}${member}${suffix}`);
        if (from && member !== "other" && ![from].flat().some((file) => read(file).includes(`"${member}"`))) problems.push(`${member} not in ${from}`);
      }
    }
    for (const base of pluralBases) if (!allKeys.has(`${base}.other`)) problems.push(`missing ${base}.other`);
    expect(problems).toEqual([]);
  });

  it("every audience code of the demo programme has a name", () => {
    const seed = read("db/seed/demo.mjs");
    const codes = new Set([...seed.matchAll(/audience:\s*\[([^\]]*)\]/g)].flatMap((match) => [...match[1]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!)));
    expect(codes.size).toBeGreaterThan(0);
    expect([...codes].filter((code) => !(`audience.${code}` in deWeb))).toEqual([]);
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])("no unused key in the %s catalogue", (area) => {
    const unused = Object.keys(catalogues[area]).filter((key) => !isLiteral(key) && !usedByPattern(key));
    expect(unused, unused.join(", ")).toEqual([]);
  });
});
