/**
 * Organisations, members and invitations, check-in helpers of an event. Access for every
 * route is also walked in console-security.test.ts.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signInToken } from "../src/lib/tokens";
import { consoleFetch, createEvent, createStaff, rows, type StaffSession } from "./fixtures";

async function call(staff: StaffSession | null, method: string, path: string, body?: unknown) {
  const response = await consoleFetch(staff, method, path, body);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
}

const unique = () => crypto.randomUUID().slice(0, 8);

describe("organisations", () => {
  it("an organiser sees their own with their role; an administrator sees all and creates them", async () => {
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const mine = await call(organiser, "GET", "/api/console/organisations");
    expect(mine.status).toBe(200);
    expect(mine.body.organisations).toEqual([{ id: 1, slug: "test-org", name: "Kommunales Integrationszentrum Test", role: "organiser", timeZone: "Europe/Berlin" }]);

    const admin = await createStaff({ isAdmin: true });
    const slug = `partner-${unique()}`;
    const created = await call(admin, "POST", "/api/console/organisations", { slug, name: "Partnerbüro Nord" });
    expect(created.status).toBe(201);
    expect(created.body.organisation).toMatchObject({ slug, name: "Partnerbüro Nord", role: null, timeZone: "Europe/Berlin" });
    const all = (await call(admin, "GET", "/api/console/organisations")).body.organisations.map((o: any) => o.slug);
    expect(all).toEqual(expect.arrayContaining(["test-org", "other-org", slug]));
    const [audit] = await rows(`SELECT actor FROM audit_log WHERE action = 'organisation.created' AND details LIKE ?1`, `%${slug}%`);
    expect(audit!.actor).toBe(`user:${admin.userId}`);

    expect((await call(admin, "POST", "/api/console/organisations", { slug, name: "Noch einmal" })).body.error.code).toBe("slug_taken");
    const bad = await call(admin, "POST", "/api/console/organisations", { slug: "Mit Leerzeichen", name: "" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["name", "slug"]);
    expect((await call(organiser, "POST", "/api/console/organisations", { slug: `x-${unique()}`, name: "X" })).status).toBe(403);
  });
});

describe("members and invitations", () => {
  it("an organiser invites a new person: user, membership, a 7-day sign-in link that works once, the email, the audit row", async () => {
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const email = `Neu-${unique()}@Example.org`;
    const before = Date.now();
    const invited = await call(organiser, "POST", "/api/console/organisations/1/members", { email, name: "Neue Kollegin", role: "checkin_helper" });
    expect(invited.status).toBe(201);
    expect(invited.body.member).toMatchObject({ email, name: "Neue Kollegin", role: "checkin_helper" });
    const userId = invited.body.member.userId;

    const [mail] = await rows(`SELECT template, to_address, registration_id, data FROM outbox WHERE to_address = ?1`, email);
    expect(mail).toMatchObject({ template: "invitation", to_address: email, registration_id: null });
    const data = JSON.parse(mail!.data as string);
    expect(data).toMatchObject({ organisation: "Kommunales Integrationszentrum Test", role: "checkin_helper", name: "Neue Kollegin" });
    expect(typeof data.inviter).toBe("string");
    const [token] = await rows(`SELECT expires_at FROM login_tokens WHERE user_id = ?1`, userId);
    expect(token!.expires_at as number).toBeGreaterThanOrEqual(before + 7 * 86_400_000);
    expect(token!.expires_at as number).toBeLessThan(Date.now() + 7 * 86_400_000 + 1000);
    expect(data.expiresAt).toBe(token!.expires_at);
    const [audit] = await rows(`SELECT actor, details FROM audit_log WHERE action = 'organisation.member_invited' AND details LIKE ?1`, `%"userId":${userId},%`);
    expect(audit!.actor).toBe(`user:${organiser.userId}`);

    // The link signs the invitee in, once.
    const link = await signInToken(env, data.nonce);
    const verify = (body: unknown) =>
      SELF.fetch("https://zusammen.test/api/auth/verify", {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        body: JSON.stringify(body),
      });
    const signedIn = await verify({ token: link });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const me = (await (await SELF.fetch("https://zusammen.test/api/auth/me", { headers: { cookie } })).json()) as any;
    expect(me.user.memberships).toEqual([{ organisationId: 1, organisationName: "Kommunales Integrationszentrum Test", role: "checkin_helper" }]);
    expect((await verify({ token: link })).status).toBe(400);

    const members = await call(organiser, "GET", "/api/console/organisations/1/members");
    expect(members.body.members).toContainEqual({ userId, email, name: "Neue Kollegin", role: "checkin_helper" });

    // Inviting the same address again (any case) changes the role and sends a new link; no second user.
    const again = await call(organiser, "POST", "/api/console/organisations/1/members", { email: email.toLowerCase(), role: "organiser" });
    expect(again.body.member).toMatchObject({ userId, role: "organiser", name: "Neue Kollegin" });
    expect(await rows(`SELECT id FROM users WHERE email_normalized = ?1`, email.toLowerCase())).toHaveLength(1);
    expect(await rows(`SELECT id FROM outbox WHERE template = 'invitation' AND to_address IN (?1, ?2)`, email, email.toLowerCase())).toHaveLength(2);
  });

  it("bad input; a check-in helper may not invite (403); another organisation is 404", async () => {
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const bad = await call(organiser, "POST", "/api/console/organisations/1/members", { email: "kein-at", role: "boss" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "role"]);
    const helper = await createStaff({ role: "checkin_helper", organisationId: 1 });
    expect((await call(helper, "POST", "/api/console/organisations/1/members", { email: "x@example.org", role: "organiser" })).status).toBe(403);
    expect((await call(helper, "GET", "/api/console/organisations/1/members")).status).toBe(403);
    expect((await call(organiser, "GET", "/api/console/organisations/2/members")).status).toBe(404);
    expect((await call(organiser, "GET", "/api/console/organisations/99999/members")).status).toBe(404);
  });

  it("removing a member ends their role and their check-in assignments there", async () => {
    const { eventId } = await createEvent();
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const helper = await createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [eventId] });
    const removed = await call(organiser, "DELETE", `/api/console/organisations/1/members/${helper.userId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.members.map((m: any) => m.userId)).not.toContain(helper.userId);
    expect(await rows(`SELECT 1 FROM event_assignments WHERE user_id = ?1`, helper.userId)).toEqual([]);
    expect(await rows(`SELECT actor FROM audit_log WHERE action = 'organisation.member_removed' AND details LIKE ?1`, `%"userId":${helper.userId}%`)).toHaveLength(1);
    expect((await call(helper, "GET", `/api/console/events/${eventId}`)).status).toBe(404);
    expect((await call(organiser, "DELETE", `/api/console/organisations/1/members/${helper.userId}`)).status).toBe(404);
  });
});

describe("check-in helpers of an event", () => {
  it("assigns a helper of the organisation by email and removes them; others are refused", async () => {
    const { eventId } = await createEvent();
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const helper = await createStaff({ role: "checkin_helper", organisationId: 1 });
    const [helperUser] = await rows(`SELECT email FROM users WHERE id = ?1`, helper.userId);
    expect((await call(helper, "GET", `/api/console/events/${eventId}`)).status).toBe(404);

    const assigned = await call(organiser, "POST", `/api/console/events/${eventId}/helpers`, { email: (helperUser!.email as string).toUpperCase() });
    expect(assigned.status).toBe(201);
    expect(assigned.body.helpers).toEqual([{ userId: helper.userId, email: helperUser!.email, name: "Staff" }]);
    // Now the helper sees the event exists, but not its registrations.
    expect((await call(helper, "GET", `/api/console/events/${eventId}/registrations`)).status).toBe(403);
    expect((await call(organiser, "POST", `/api/console/events/${eventId}/helpers`, { email: helperUser!.email })).status).toBe(201); // again: no-op

    const outsider = await createStaff({ role: "checkin_helper", organisationId: 2 });
    const [outsiderUser] = await rows(`SELECT email FROM users WHERE id = ?1`, outsider.userId);
    const refused = await call(organiser, "POST", `/api/console/events/${eventId}/helpers`, { email: outsiderUser!.email });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("not_a_checkin_helper");
    expect((await call(organiser, "POST", `/api/console/events/${eventId}/helpers`, { email: "nobody" })).status).toBe(422);

    const listed = await call(organiser, "GET", `/api/console/events/${eventId}/helpers`);
    expect(listed.body.helpers).toHaveLength(1);
    const unassigned = await call(organiser, "DELETE", `/api/console/events/${eventId}/helpers/${helper.userId}`);
    expect(unassigned.body.helpers).toEqual([]);
    expect((await call(organiser, "DELETE", `/api/console/events/${eventId}/helpers/${helper.userId}`)).status).toBe(404);
    expect((await call(helper, "GET", `/api/console/events/${eventId}`)).status).toBe(404);
    const actions = (await rows(`SELECT action FROM audit_log WHERE event_id = ?1 ORDER BY id`, eventId)).map((r) => r.action);
    expect(actions).toEqual(["event.helper_assigned", "event.helper_unassigned"]);
  });
});
