/**
 * Security headers on every response: every route of the OpenAPI document (with good and
 * bad input), the Worker's pages, errors, and the static pages' `_headers`; a strict content
 * security policy without inline scripts; `Cache-Control: no-store` on anything personal.
 */
/// <reference types="vite/client" />
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import headersFile from "../../frontend/public/_headers?raw";
import { createEvent } from "./fixtures";
import { fill, loadDocument, operationsOf, withRequiredQuery, type WalkedOperation } from "./openapi-helpers";

/** Paths whose answers are about one person, whatever the access rule says. */
const PERSONAL = /^\/api\/(registrations|console|auth|privacy|dev)(\/|$)/;

let operations: WalkedOperation[] = [];
const values: Record<string, string> = { token: "A".repeat(43), code: "ABCD-EFGH-JKMN-PQRS", file: "zc1.1.x.png", outboxId: "1", locale: "ar" };
beforeAll(async () => {
  operations = operationsOf(await loadDocument());
  values.slug = (await createEvent()).slug;
  for (const id of ["eventId", "registrationId", "poolId", "organisationId", "userId", "sessionId", "certificateId"]) values[id] = "1";
});

function cspDirectives(value: string | null): Map<string, string[]> {
  return new Map(
    (value ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectSecure(response: Response, where: string) {
  const h = response.headers;
  const csp = cspDirectives(h.get("content-security-policy"));
  expect(csp.size, `${where}: Content-Security-Policy`).toBeGreaterThan(0);
  const scripts = csp.get("script-src") ?? csp.get("default-src") ?? [];
  expect(scripts.includes("'unsafe-inline'") || scripts.includes("'unsafe-eval'"), `${where}: no inline or eval script`).toBe(false);
  expect(csp.get("frame-ancestors") ?? [], `${where}: frame-ancestors`).not.toContain("*");
  expect(h.get("x-content-type-options"), where).toBe("nosniff");
  expect(h.get("x-frame-options"), where).toBeTruthy();
  expect(h.get("referrer-policy"), where).toBeTruthy();
  expect(h.get("strict-transport-security"), where).toMatch(/max-age=\d+/);
  expect(h.get("x-request-id"), where).toBeTruthy();
}

describe("every response of the Worker", () => {
  it("every operation of the document, with an empty and a hostile body; anything personal is never cached", async () => {
    const answers: { where: string; personal: boolean; response: Response }[] = [];
    for (const op of operations) {
      for (const body of op.method === "GET" ? [undefined] : ["{}", '{"email":"<script>@x","locale":"xx"}']) {
        const url = fill(withRequiredQuery(op), values);
        const response = await SELF.fetch(`https://zusammen.test${url}`, {
          method: op.method,
          headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
          body,
        });
        await response.arrayBuffer();
        // Personal: anything but a public rule, and public routes that answer about one person (sign-in, privacy requests, dev mailbox).
        answers.push({ where: `${op.method} ${url} (${op.access}) → ${response.status}`, personal: op.access !== "public" || PERSONAL.test(url), response });
      }
    }
    expect(new Set(answers.map((a) => a.where.split(" (")[0])).size).toBeGreaterThan(60);
    for (const { where, response } of answers) {
      expect(response.status, where).toBeLessThan(500);
      expectSecure(response, where);
    }
    const personal = answers.filter((a) => a.personal);
    expect(personal.length).toBeGreaterThan(50);
    for (const { where, response } of personal) expect(response.headers.get("cache-control"), `${where}: no-store`).toBe("no-store");
  });

  it("errors, the dev pages and the verification page", async () => {
    for (const path of ["/api/no-such-route", "/api/registrations/short/data", "/dev/mailbox", "/dev/emails", "/verify/ABCD-EFGH-JKMN-PQRS"]) {
      const response = await SELF.fetch(`https://zusammen.test${path}`);
      expect(response.status, path).toBeLessThan(500);
      expectSecure(response, path);
      await response.arrayBuffer();
    }
  });

  it("a participant's data and the console are never cached", async () => {
    for (const path of [`/api/registrations/${"A".repeat(43)}`, `/api/registrations/${"A".repeat(43)}/data`, "/api/console/status", "/api/auth/me", "/api/console/events"]) {
      const response = await SELF.fetch(`https://zusammen.test${path}`);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      await response.arrayBuffer();
    }
  });
});

describe("the static pages", () => {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of headersFile.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
    } else if (current && !line.trim().startsWith("!")) {
      const [name, ...value] = line.trim().split(":");
      current.set(name!.toLowerCase(), value.join(":").trim());
    }
  }

  it("_headers gives every page a strict policy without inline scripts", () => {
    const all = rules.get("/*")!;
    expect(all).toBeDefined();
    for (const [pattern, headers] of rules) {
      const policy = headers.get("content-security-policy");
      if (!policy) continue;
      const csp = cspDirectives(policy);
      for (const directive of ["script-src", "style-src", "default-src"]) {
        expect(csp.get(directive) ?? [], `${pattern} ${directive}`).not.toContain("'unsafe-inline'");
      }
      expect(csp.get("frame-ancestors"), pattern).toEqual(["'none'"]);
      expect(csp.get("object-src"), pattern).toEqual(["'none'"]);
    }
    expect(all.get("x-content-type-options")).toBe("nosniff");
    expect(all.get("x-frame-options")).toBe("DENY");
    expect(all.get("referrer-policy")).toBeTruthy();
    expect(all.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("_headers keeps the personal pages out of caches", () => {
    for (const page of ["/manage", "/privacy-data", "/console/*"]) {
      expect(rules.get(page)?.get("cache-control"), page).toBe("no-store");
      expect(rules.get(page)?.get("referrer-policy"), page).toBe("no-referrer");
    }
  });

  it("no page has an inline script, an inline handler or an inline style", () => {
    const pages = import.meta.glob<string>(["../../frontend/*.html", "../../frontend/console/*.html"], { query: "?raw", import: "default", eager: true });
    expect(Object.keys(pages).length).toBeGreaterThan(8);
    for (const [file, html] of Object.entries(pages)) {
      for (const script of html.match(/<script\b[^>]*>/gi) ?? []) expect(script, file).toMatch(/\bsrc=/);
      expect(html.replace(/<script\b[^>]*src=[^>]*><\/script>/gi, ""), file).not.toMatch(/<script\b/i);
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, file).not.toMatch(/\sstyle\s*=/i);
    }
  });
});
