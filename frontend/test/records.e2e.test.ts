/**
 * The console's attendance and certificates page in a real browser against `wrangler dev`
 * with the demo seed. Two people come to the qualification series (certificate from 2 of its
 * 3 dates): Amal to dates 1 and 2, Bogdan to date 1 only, as walk-ins the organiser records
 * afterwards (the series has happened: its dates are moved into the past, since certificates
 * count only dates that have ended and nobody may check in before a date's window). The
 * organiser sees who came on which date with their places, who qualifies and why, issues
 * the certificates with one click and sees Amal's code (and none for Bogdan); at 320 px,
 * without sideways scrolling of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axe, signInToConsole, startE2E, tableRows, type E2E } from "./e2e";

let e2e: E2E;
let baseUrl = "";

/** The demo series, moved so that its last date ended a week ago (its dates keep their spacing). */
const extraSql = `
CREATE TABLE e2e_shift AS SELECT event_id, (CAST(unixepoch('subsec') * 1000 AS INTEGER) - 7 * 86400000) - max(ends_at) AS by_ms
  FROM sessions WHERE event_id = (SELECT id FROM events WHERE slug = 'qualifizierungsreihe-migrantenorganisationen');
UPDATE sessions SET starts_at = starts_at + (SELECT by_ms FROM e2e_shift), ends_at = ends_at + (SELECT by_ms FROM e2e_shift)
  WHERE event_id = (SELECT event_id FROM e2e_shift);
UPDATE events SET allow_late_registration = 1 WHERE id = (SELECT event_id FROM e2e_shift);
DROP TABLE e2e_shift;
`;

beforeAll(async () => {
  e2e = await startE2E("records", { extraSql });
  baseUrl = e2e.baseUrl;
});

afterAll(async () => {
  await e2e?.stop();
});

/** A console API call from the signed-in page, with the session's CSRF token (as the check-in page makes it). */
async function consoleApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const response = await fetch(path, { method, headers: { "content-type": "application/json", "x-csrf-token": csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  ) as Promise<T>;
}

describe("console records page", () => {
  it("shows who came on which date, who qualifies, and the certificates issued with one click", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 320, height: 800 }, timezoneId: "Europe/Berlin" });
    try {
      const page = await context.newPage();
      await signInToConsole(page, baseUrl, "organisation@example.org");
      const { events } = await consoleApi<{ events: { id: number; slug: string }[] }>(page, "GET", "/api/console/events");
      const event = events.find((e) => e.slug === "qualifizierungsreihe-migrantenorganisationen")!;
      expect(event).toBeDefined();
      const { event: door } = await consoleApi<{ event: { sessions: { id: number }[] } }>(page, "GET", `/api/console/events/${event.id}/checkin`);
      const [first, second] = door.sessions;

      // Recorded afterwards by the organiser: two walk-ins on the first date, Amal again on the second.
      const amal = await consoleApi<{ outcome: string; person: { registrationId: number } }>(page, "POST", `/api/console/events/${event.id}/checkin/walk-in`, { sessionId: first!.id, name: "Amal Haddad" });
      expect(amal.outcome).toBe("checked_in");
      await consoleApi(page, "POST", `/api/console/events/${event.id}/checkin/walk-in`, { sessionId: first!.id, name: "Bogdan Kovalenko" });
      expect((await consoleApi<{ outcome: string }>(page, "POST", `/api/console/events/${event.id}/checkin/scan`, { sessionId: second!.id, registrationId: amal.person.registrationId })).outcome).toBe("checked_in");

      await page.goto(`${baseUrl}/console/event?id=${event.id}`);
      await page.getByRole("link", { name: "Anwesenheit und Bescheinigungen" }).click();
      await page.waitForURL(`${baseUrl}/console/records?id=${event.id}`);
      await page.getByRole("heading", { level: 1, name: /^Anwesenheit und Bescheinigungen/ }).waitFor();

      // Date 1: both came; date 2: Amal only.
      const cameOn = (n: number) => page.getByRole("region", { name: new RegExp(`^Termin ${n} ·`) }).getByRole("table", { name: /^Gekommen am/ });
      await cameOn(1).waitFor();
      expect((await tableRows(cameOn(1))).map((row) => row.slice(0, 2))).toEqual([
        ["Amal Haddad", "1"],
        ["Bogdan Kovalenko", "1"],
      ]);
      expect((await tableRows(cameOn(2))).map((row) => row.slice(0, 2))).toEqual([["Amal Haddad", "1"]]);
      await expect.poll(() => page.getByRole("region", { name: /^Termin 1 ·/ }).getByText("Gekommen: 2 Anmeldungen, 2 Plätze").count()).toBe(1);
      expect(await page.getByRole("region", { name: /^Termin 2 ·/ }).getByText("Gekommen: 1 Anmeldung, 1 Platz").count()).toBe(1);

      // Who qualifies (2 of 3 dates): Amal yes, Bogdan no; both "bestätigt", no certificate yet.
      const list = page.getByRole("table", { name: "Anmeldungen: Bescheinigung möglich oder warum nicht" });
      const standing = async () => Object.fromEntries((await tableRows(list)).map((row) => [row[0], row.slice(1, 5)]));
      await list.waitFor();
      const before = await standing();
      expect(before["Amal Haddad"]![0]).toBe("bestätigt");
      expect(before["Amal Haddad"]![1]).toMatch(/^2 von 3 Terminen \(\d+ % der Stunden\)$/);
      expect(before["Amal Haddad"]![2]).toMatch(/^ja\b/);
      expect(before["Amal Haddad"]![3]).toBe("–");
      expect(before["Bogdan Kovalenko"]![0]).toBe("bestätigt");
      expect(before["Bogdan Kovalenko"]![1]).toMatch(/^1 von 3 Terminen \(\d+ % der Stunden\)$/);
      expect(before["Bogdan Kovalenko"]![2]).toMatch(/^nein\b/);

      // One click (and the confirmation) issues Amal's certificate; Bogdan gets none.
      await page.getByRole("button", { name: "An alle Berechtigten ausstellen" }).click();
      const dialog = page.getByRole("dialog", { name: "Bescheinigungen ausstellen?" });
      await expect.poll(() => dialog.innerText()).toContain("Eine Bescheinigung per E-Mail bekommen jetzt: 1 Person.");
      await dialog.getByRole("button", { name: "An alle Berechtigten ausstellen" }).click();
      await page.getByText("1 Bescheinigung ausgestellt.").first().waitFor();
      await expect.poll(async () => (await standing())["Amal Haddad"]![3]).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}\b/);
      expect((await standing())["Bogdan Kovalenko"]![3]).toBe("–");

      // 320 px: the tables scroll in their wrappers, not the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
