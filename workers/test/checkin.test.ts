/**
 * Check-in at the door: every outcome of a scan, double scans, undo, households, walk-ins,
 * search by name, who may check in where, attendance per date, the signature list and the
 * participant's QR code.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkInCode } from "../src/lib/tokens";
import { consoleFetch, createEvent, createStaff, participant, register, rows, tokenOf, waitForMail, type EventOptions } from "./fixtures";

const HOUR = 3_600_000;

async function registrationId(email: string): Promise<number> {
  const [row] = await rows(`SELECT id FROM registrations WHERE email = ?1 ORDER BY id DESC LIMIT 1`, email);
  return Number(row!.id);
}

async function firstSession(eventId: number): Promise<number> {
  const [row] = await rows(`SELECT id FROM sessions WHERE event_id = ?1 ORDER BY starts_at LIMIT 1`, eventId);
  return Number(row!.id);
}

/** An event whose first date begins in half an hour: its check-in (from an hour before) is open, and so is registration. */
async function setup(options: EventOptions = {}) {
  const event = await createEvent({ capacity: 10, startsAt: Date.now() + 30 * 60_000, ...options });
  return { ...event, sessionId: await firstSession(event.eventId) };
}

type Staff = Awaited<ReturnType<typeof createStaff>>;
async function scan(staff: Staff, eventId: number, body: Record<string, unknown>) {
  const response = await consoleFetch(staff, "POST", `/api/console/events/${eventId}/checkin/scan`, body);
  return { status: response.status, body: (await response.json()) as any };
}

describe("scanning a QR code", () => {
  it("checks a confirmed participant in once: a second scan says when, undo takes it back", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup();
    await register(slug, participant(1, { name: "Ğül Öztürk", email: "gul@example.org" }));
    const code = await checkInCode(env, await registrationId("gul@example.org"));

    const first = await scan(organiser, eventId, { code, sessionId });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: "checked_in", person: { name: "Ğül Öztürk", places: 1, checkedInPlaces: 1, status: "confirmed" } });
    expect(first.body.person.checkedInTime).toMatch(/^\d\d:\d\d$/);

    const second = await scan(organiser, eventId, { code, sessionId });
    expect(second.body).toMatchObject({ outcome: "already_checked_in", person: { checkedInTime: first.body.person.checkedInTime } });
    expect(await rows(`SELECT COUNT(*) AS n FROM attendance WHERE session_id = ?1`, sessionId)).toEqual([{ n: 1 }]);
    expect(await rows(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'attendance.checked_in' AND event_id = ?1`, eventId)).toEqual([{ n: 1 }]);

    const id = first.body.person.registrationId;
    const undo = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/undo`, { registrationId: id, sessionId });
    expect(await undo.json()).toEqual({ outcome: "undone" });
    expect((await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/undo`, { registrationId: id, sessionId })).status).toBe(404);
    expect((await scan(organiser, eventId, { code, sessionId })).body.outcome).toBe("checked_in");
  });

  it("names every other status: cancelled, waitlisted, not confirmed", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup({ capacity: 1 });
    await register(slug, participant(1, { email: "first@example.org" }));
    await register(slug, participant(2, { email: "waiting@example.org" }));
    const first = await registrationId("first@example.org");
    const cancelled = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(first)}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    // The waiting one was promoted into the freed place; put a third on the waitlist.
    await register(slug, participant(3, { email: "third@example.org" }));

    expect((await scan(organiser, eventId, { code: await checkInCode(env, first), sessionId })).body).toMatchObject({
      outcome: "cancelled",
      person: { status: "cancelled" },
    });
    expect((await scan(organiser, eventId, { code: await checkInCode(env, await registrationId("third@example.org")), sessionId })).body.outcome).toBe(
      "waitlisted",
    );
    expect((await scan(organiser, eventId, { code: await checkInCode(env, await registrationId("waiting@example.org")), sessionId })).body.outcome).toBe(
      "checked_in",
    );

    const optIn = await setup({ emailConfirmation: true });
    await register(optIn.slug, participant(4, { email: "unconfirmed@example.org" }));
    const held = await scan(organiser, optIn.eventId, { code: await checkInCode(env, await registrationId("unconfirmed@example.org")), sessionId: optIn.sessionId });
    expect(held.body.outcome).toBe("not_confirmed");
    expect(await rows(`SELECT COUNT(*) AS n FROM attendance WHERE session_id IN (?1, ?2)`, sessionId, optIn.sessionId)).toEqual([{ n: 1 }]);
  });

  it("refuses another event's code, a date of another event or a cancelled date, and forged codes", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const here = await setup();
    const there = await setup();
    await register(there.slug, participant(1, { email: "elsewhere@example.org", name: "Somebody Else" }));
    await register(here.slug, participant(2, { email: "here@example.org" }));
    const elsewhere = await registrationId("elsewhere@example.org");
    const hereId = await registrationId("here@example.org");

    const wrongEvent = await scan(organiser, here.eventId, { code: await checkInCode(env, elsewhere), sessionId: here.sessionId });
    expect(wrongEvent.body).toEqual({ outcome: "wrong_event" }); // nothing about the other event's participant
    expect((await scan(organiser, here.eventId, { registrationId: elsewhere, sessionId: here.sessionId })).body).toEqual({ outcome: "wrong_event" });

    const code = await checkInCode(env, hereId);
    expect((await scan(organiser, here.eventId, { code, sessionId: there.sessionId })).body).toEqual({ outcome: "wrong_session" });
    await env.DB.prepare(`UPDATE sessions SET cancelled_at = ?2 WHERE id = ?1`).bind(here.sessionId, Date.now()).run();
    expect((await scan(organiser, here.eventId, { code, sessionId: here.sessionId })).body).toEqual({ outcome: "wrong_session" });
    await env.DB.prepare(`UPDATE sessions SET cancelled_at = NULL WHERE id = ?1`).bind(here.sessionId).run();

    const signature = code.split(".")[2]!;
    const forged = [
      `zc1.${hereId + 1}.${signature}`, // someone else's id with this signature
      `zc1.${hereId}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
      `zc1.${hereId}`,
      "https://example.org/not-ours",
      await tokenOf(hereId), // the manage token is not a check-in code
    ];
    for (const value of forged) expect((await scan(organiser, here.eventId, { code: value, sessionId: here.sessionId })).body, value).toEqual({ outcome: "invalid" });
    expect(await rows(`SELECT COUNT(*) AS n FROM attendance WHERE registration_id = ?1`, hereId)).toEqual([{ n: 0 }]);
  });

  it("bad requests name the field; unknown events are not found", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { eventId } = await setup();
    const bad = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/scan`, { code: 42 });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as any).error.fields).sort()).toEqual(["code", "sessionId"]);
    expect((await consoleFetch(organiser, "POST", `/api/console/events/999999/checkin/scan`, { code: "x", sessionId: 1 })).status).toBe(404);
  });
});

describe("who may check in", () => {
  it("a helper checks in only at the events assigned to them, and sees nothing else", async () => {
    const assigned = await setup();
    const other = await setup();
    await register(assigned.slug, participant(1, { email: "a@example.org" }));
    await register(other.slug, participant(2, { email: "b@example.org" }));
    const helper = await createStaff({ role: "checkin_helper", assignedEventIds: [assigned.eventId] });

    const ok = await scan(helper, assigned.eventId, { code: await checkInCode(env, await registrationId("a@example.org")), sessionId: assigned.sessionId });
    expect(ok.body.outcome).toBe("checked_in");

    const refused = await scan(helper, other.eventId, { code: await checkInCode(env, await registrationId("b@example.org")), sessionId: other.sessionId });
    expect(refused.status).toBe(404);
    expect((await consoleFetch(helper, "GET", `/api/console/events/${other.eventId}/checkin/search?sessionId=${other.sessionId}&q=Teil`)).status).toBe(404);
    expect((await consoleFetch(helper, "GET", `/api/console/events/${other.eventId}/sessions/${other.sessionId}/signature-list.pdf`)).status).toBe(404);
    // The organisers' report is not the helper's.
    expect((await consoleFetch(helper, "GET", `/api/console/events/${assigned.eventId}/attendance`)).status).toBe(403);
    expect(await rows(`SELECT COUNT(*) AS n FROM attendance a JOIN registrations r ON r.id = a.registration_id WHERE r.event_id = ?1`, other.eventId)).toEqual([
      { n: 0 },
    ]);

    const list = (await (await consoleFetch(helper, "GET", `/api/console/checkin/events`)).json()) as any;
    expect(list.events.map((e: any) => e.id)).toEqual([assigned.eventId]);
    expect(list.events[0].sessions[0]).toMatchObject({ id: assigned.sessionId, expected: { registrations: 1, places: 1 }, checkedIn: { registrations: 1, places: 1 } });
  });

  it("an organiser of another organisation cannot, and nobody without a session or CSRF token can", async () => {
    const { slug, eventId, sessionId } = await setup();
    await register(slug, participant(1, { email: "x@example.org" }));
    const code = await checkInCode(env, await registrationId("x@example.org"));
    const stranger = await createStaff({ role: "organiser", organisationId: 2 });
    expect((await scan(stranger, eventId, { code, sessionId })).status).toBe(404);
    expect((await consoleFetch(null, "POST", `/api/console/events/${eventId}/checkin/scan`, { code, sessionId })).status).toBe(401);
    const organiser = await createStaff({ role: "organiser" });
    const noCsrf = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/scan`, { code, sessionId }, { "x-csrf-token": "wrong" });
    expect(noCsrf.status).toBe(403);
    expect(await rows(`SELECT COUNT(*) AS n FROM attendance WHERE session_id = ?1`, sessionId)).toEqual([{ n: 0 }]);
  });
});

describe("households, search and walk-ins", () => {
  it("checks in some of a household's places, then the rest", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup({ maxPlaces: 4 });
    await register(slug, participant(1, { email: "family@example.org", places: 3 }));
    const id = await registrationId("family@example.org");
    const code = await checkInCode(env, id);

    const tooMany = await scan(organiser, eventId, { code, sessionId, places: 4 });
    expect(tooMany.status).toBe(422);
    expect(Object.keys(tooMany.body.error.fields)).toEqual(["places"]);

    const some = await scan(organiser, eventId, { code, sessionId, places: 2 });
    expect(some.body).toMatchObject({ outcome: "checked_in", person: { places: 3, checkedInPlaces: 2 } });
    const rest = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/places`, { registrationId: id, sessionId, places: 3 });
    expect(((await rest.json()) as any).person).toMatchObject({ places: 3, checkedInPlaces: 3 });
    expect(await rows(`SELECT places FROM attendance WHERE registration_id = ?1`, id)).toEqual([{ places: 3 }]);
  });

  it("finds people by name across accents, scripts and spellings, with their state for the chosen date", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup();
    await register(slug, participant(1, { name: "Ğül Öztürk", email: "g@example.org" }));
    await register(slug, participant(2, { name: "Олена Коваленко", email: "o@example.org" }));
    await register(slug, participant(3, { name: "Gülay Yılmaz", email: "y@example.org" }));
    await scan(organiser, eventId, { registrationId: await registrationId("g@example.org"), sessionId });

    const search = async (q: string) =>
      ((await (await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/checkin/search?sessionId=${sessionId}&q=${encodeURIComponent(q)}`)).json()) as any)
        .people;
    expect((await search("gul oz")).map((p: any) => [p.name, p.checkedInPlaces])).toEqual([["Ğül Öztürk", 1]]);
    expect((await search("GÜL")).map((p: any) => p.name).sort()).toEqual(["Gülay Yılmaz", "Ğül Öztürk"]);
    expect((await search("олена")).map((p: any) => p.name)).toEqual(["Олена Коваленко"]);
    expect((await search("olena kovalenko")).map((p: any) => p.name)).toEqual(["Олена Коваленко"]);
    expect((await search("Oeztuerk")).map((p: any) => p.name)).toEqual(["Ğül Öztürk"]);
    expect(await search("   ")).toEqual([]);
  });

  it("adds a walk-in only where places are free, through the normal capacity rule", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup({ capacity: 3, maxPlaces: 2 });
    await register(slug, participant(1, { email: "booked@example.org" }));

    const walkIn = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Spontan Gast", places: 2 });
    expect(walkIn.status).toBe(201);
    expect(((await walkIn.json()) as any)).toMatchObject({ outcome: "checked_in", person: { name: "Spontan Gast", places: 2, checkedInPlaces: 2 } });
    expect(await rows(`SELECT status, places, email FROM registrations WHERE event_id = ?1 AND name = 'Spontan Gast'`, eventId)).toEqual([
      { status: "confirmed", places: 2, email: "" },
    ]);

    const full = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Zu Spät", email: "late@example.org" });
    expect(full.status).toBe(409);
    expect(((await full.json()) as any).error.code).toBe("event_full");
    expect(await rows(`SELECT COUNT(*) AS n FROM registrations WHERE event_id = ?1 AND name = 'Zu Spät'`, eventId)).toEqual([{ n: 0 }]);

    const known = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Again", email: "booked@example.org" });
    expect(((await known.json()) as any).outcome).toBe("already_registered");

    const bad = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "", places: 3 });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as any).error.fields).sort()).toEqual(["name"]);
    const tooMany = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Big family", places: 5 });
    expect(tooMany.status).toBe(422);
  });

  it("a walk-in with an address gets the confirmation email; one never overtakes the waitlist", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId, poolId } = await setup({ capacity: 1 });
    const walkIn = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Mit Adresse", email: "walkin@example.org", locale: "tr" });
    expect(walkIn.status).toBe(201);
    const [mail] = await waitForMail("walkin@example.org");
    expect(mail!.text).toMatch(/\/manage#/);

    // Someone waits who would fit a place freed a moment ago: the walk-in may not take it.
    await register(slug, participant(2, { email: "waiting@example.org" }));
    await env.DB.prepare(`UPDATE capacity_pools SET capacity = 2 WHERE id = ?1`).bind(poolId).run();
    const overtaking = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Drängler" });
    expect(overtaking.status).toBe(409);
  });
});

describe("attendance per date and the signature list", () => {
  it("shows who came and who did not, per date", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup({ startsAt: Date.now() - HOUR });
    const later = Number((await rows(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?3) RETURNING id`, eventId, Date.now() + 7 * 24 * HOUR, Date.now() + 7 * 24 * HOUR + 2 * HOUR))[0]!.id);
    await env.DB.prepare(`UPDATE events SET registration_closes_at = ?2 WHERE id = ?1`).bind(eventId, Date.now() + HOUR).run();
    await register(slug, participant(1, { name: "Came", email: "came@example.org" }));
    await register(slug, participant(2, { name: "Stayed Away", email: "away@example.org" }));
    await scan(organiser, eventId, { code: await checkInCode(env, await registrationId("came@example.org")), sessionId });

    const report = (await (await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/attendance`)).json()) as any;
    const [first, second] = report.sessions;
    expect(first).toMatchObject({ id: sessionId, begun: true, expected: 2 });
    expect(first.attended.map((p: any) => p.name)).toEqual(["Came"]);
    expect(first.noShows.map((p: any) => p.name)).toEqual(["Stayed Away"]);
    expect(second).toMatchObject({ id: later, begun: false, attended: [], noShows: [] });
  });

  it("makes a PDF signature list of the expected participants", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup();
    await register(slug, participant(1, { name: "Олена Коваленко", email: "olena@example.org" }));
    const response = await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/sessions/${sessionId}/signature-list.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="teilnahmeliste-.*\.pdf"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect((await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/sessions/999999/signature-list.pdf`)).status).toBe(404);
    // With columns for arrival and leaving (read back with pdftotext in frontend/test/statistics.e2e.test.ts).
    const withTimes = await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/sessions/${sessionId}/signature-list.pdf?times=1`);
    expect(withTimes.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await withTimes.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    expect((await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/sessions/${sessionId}/signature-list.pdf?times=yes`)).status).toBe(422);
    // Every coming date in one PDF.
    const series = await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/signature-list.pdf?times=1`);
    expect(series.status).toBe(200);
    expect(series.headers.get("content-disposition")).toMatch(/attachment; filename="teilnahmelisten-.*\.pdf"/);
    expect(new TextDecoder().decode(new Uint8Array(await series.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });
});

describe("the participant's QR code", () => {
  it("is on the manage page (SVG) and in the confirmation email (PNG), only while confirmed", async () => {
    const { slug } = await setup({ capacity: 1 });
    await register(slug, participant(1, { email: "qr@example.org" }));
    await register(slug, participant(2, { email: "qr-waiting@example.org" }));
    const id = await registrationId("qr@example.org");

    const svg = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(id)}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    const waiting = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(await registrationId("qr-waiting@example.org"))}/qr.svg`);
    expect(waiting.status).toBe(404);

    // The confirmation carries the code as an inline image (cid:), shown by mail clients without loading anything.
    const [mail] = await waitForMail("qr@example.org");
    expect(mail!.html).toMatch(/<img[^>]+src="cid:checkin-qr"/);
    const inline = (mail!.attachments as { contentId?: string; contentType: string; content: string }[]).find((a) => a.contentId === "checkin-qr");
    expect(inline?.contentType).toBe("image/png");
    expect(mail!.html).not.toContain(`checkin-qr/${await tokenOf(id)}`);
    // The same image is also served for the bulk emails (reminders), which any origin may load (webmail).
    const src = `${env.PUBLIC_URL}/api/checkin-qr/${await checkInCode(env, id)}.png`;
    const png = await SELF.fetch(`https://zusammen.test${new URL(src).pathname}`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(png.headers.get("access-control-allow-origin")).toBe("*");
    expect(atob(inline!.content).slice(1, 4)).toBe("PNG");
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await SELF.fetch(`https://zusammen.test/api/checkin-qr/zc1.${id}.AAAAAAAAAAAAAAAAAAAAAA.png`)).status).toBe(404);
  });
});
