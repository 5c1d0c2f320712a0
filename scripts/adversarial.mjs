#!/usr/bin/env node
/**
 * An adversarial run against the running product (issue 17): the local server of `npm start`
 * (scripts/local-server.mjs, its own process) with a stand-in for Resend's API that fails
 * half of its calls during an outage, and two organisations with all roles. It tries:
 *
 * 1. bursts: N registrations at once (50 in flight) at each of B events with few places;
 *    a tenth of them sent twice with one Idempotency-Key (a double click); during the middle
 *    burst the server is killed hard (SIGKILL of its process group) and started again on the
 *    same state. Held: no event has more confirmed places than it has, every acknowledged
 *    registration is stored once, no 5xx.
 * 2. tampered links: real manage and data-access links, altered (a character, the length,
 *    the id, the address they are signed for, the old unbound format), at every participant
 *    route; anything but 404 counts.
 * 3. CSRF variants at every console write of the API document (no token, a wrong one,
 *    another session's, a cross-site or foreign-origin request, a token without a session);
 *    anything but 401/403 counts, and the event must not change.
 * 4. another organisation: its organiser at every console read of organisation 1 (404 or 403,
 *    never a participant's address in the answer); and the issue's reproduction: an organiser
 *    who asks for their own data link, then moves their registration onto a participant of
 *    the other organisation, gets 404 from the link and changes nothing.
 * 5. mail: every email is counted at the stub by idempotency key (as Resend, a repeated key
 *    is the same email); after the outage the run waits until the outbox is empty. Lost: an
 *    outbox row given up or never sent, or an acknowledged registration without its email;
 *    duplicated: the same email (recipient and text) accepted under two keys.
 *
 * Usage: node scripts/adversarial.mjs [--bursts 10] [--burst-size 200] [--capacity 40]
 *          [--fail-rate 0.5] [--outage-seconds 0 (until the bursts end)] [--drain-minutes 15] [--json]
 * Exit code 1 if anything above did not hold. Prints the figures: requests tried, bursts held,
 * the provider's failure rate survived, emails lost and duplicated.
 */
import { fork } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const BURSTS = arg("bursts", 10);
const BURST_SIZE = arg("burst-size", 200);
const CAPACITY = arg("capacity", 40);
const FAIL_RATE = arg("fail-rate", 0.5);
const OUTAGE_SECONDS = arg("outage-seconds", 0);
const DRAIN_MINUTES = arg("drain-minutes", 15);
const IN_FLIGHT = 50;
const json = process.argv.includes("--json");
const say = (...parts) => json || console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
const run = Date.now().toString(36);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/* ---------- the stand-in for Resend ---------- */

/**
 * Accepts /emails and /emails/batch like Resend: a repeated Idempotency-Key is the same email
 * (the same id back, not a new delivery). While `failing`, a call fails with the fail rate:
 * a 500, a 429 with retry-after, or (one in five failures) accepted but the answer lost (the
 * connection is cut), the case in which only the idempotency key prevents a double email.
 */
function startProvider() {
  const byKey = new Map(); // key → { ids, emails: [{ to, subject, textHash }] }
  const stats = { calls: 0, callsDuringOutage: 0, failed: 0, answersLost: 0, keyConflicts: 0 };
  const state = { failing: true };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      stats.calls += 1;
      const payload = JSON.parse(body || "null");
      const list = Array.isArray(payload) ? payload : [payload];
      const key = req.headers["idempotency-key"] ?? `no-key-${stats.calls}`;
      const bodyHash = createHash("sha256").update(body).digest("hex");
      const answer = (entry) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(Array.isArray(payload) ? { data: entry.ids.map((id) => ({ id })) } : { id: entry.ids[0] }));
      };
      const known = byKey.get(key);
      if (known) {
        if (known.bodyHash !== bodyHash) stats.keyConflicts += 1;
        return answer(known);
      }
      const roll = Math.random();
      if (state.failing) stats.callsDuringOutage += 1;
      if (state.failing && roll < FAIL_RATE) {
        stats.failed += 1;
        if (roll < FAIL_RATE * 0.2) {
          // Accepted, then the connection drops before the answer.
          stats.answersLost += 1;
          accept();
          return req.socket.destroy();
        }
        if (roll < FAIL_RATE * 0.6) {
          res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
          return res.end(JSON.stringify({ statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }));
        }
        res.writeHead(500, { "content-type": "application/json" });
        return res.end(JSON.stringify({ statusCode: 500, name: "internal_server_error", message: "Outage" }));
      }
      answer(accept());
      function accept() {
        const entry = {
          bodyHash,
          ids: list.map((_, i) => `stub-${stats.calls}-${i}`),
          emails: list.map((m) => ({ to: String(m.to).toLowerCase(), subject: m.subject, text: m.text, textHash: createHash("sha256").update(`${m.to}\n${m.text}`).digest("hex") })),
        };
        byKey.set(key, entry);
        return entry;
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        state,
        stats,
        emails: () => [...byKey.values()].flatMap((entry) => entry.emails),
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}

/* ---------- the server, as its own process group ---------- */

const persistTo = mkdtempSync(join(tmpdir(), "zusammen-adversarial-"));
const TOKEN_SECRET = randomBytes(36).toString("base64");

function startServer(provider, { seed }) {
  const vars = {
    RESEND_API_KEY: "re_adversarial",
    RESEND_BASE_URL: provider.url,
    TOKEN_SECRET,
    MIN_FORM_FILL_MS: "0",
    // Everything comes from 127.0.0.1 here: the per-address limits would stop the bursts;
    // the per-email limits keep their defaults.
    RATE_LIMITS: "registration.ip=1000000/60,sign_in.ip=1000000/900,privacy.ip=1000000/3600",
  };
  const args = ["--persist-to", persistTo, ...(seed ? [] : ["--no-seed"]), ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}=${v}`])];
  const child = fork(join(ROOT, "scripts/local-server.mjs"), args, { detached: true, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the local server did not start within 180 s")), 180_000);
    child.on("message", (message) => {
      if (typeof message?.ready === "string") {
        clearTimeout(timer);
        resolve({ child, url: message.ready });
      }
    });
    child.on("exit", () => reject(new Error("the local server exited before it was ready")));
  });
}

async function killHard(server) {
  const exited = new Promise((resolve) => (server.child.exitCode !== null ? resolve() : server.child.on("exit", resolve)));
  process.kill(-server.child.pid, "SIGKILL");
  await exited;
  // workerd belongs to the group: wait until none of it runs.
  for (let i = 0; i < 100; i++) {
    const alive = readdirSync("/proc").some((name) => {
      if (!/^\d+$/.test(name)) return false;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const [state, , , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(group) === server.child.pid && state !== "Z";
      } catch {
        return false;
      }
    });
    if (!alive) return;
    await sleep(100);
  }
}

/* ---------- HTTP, counted ---------- */

const figures = { requests: 0, byStatus: {}, noAnswer: 0, noAnswerCauses: {} };
let base = "";

/**
 * One request on its own connection. (Miniflare's entry resets a kept-alive connection after
 * the Worker answered without reading the request body, e.g. a refused CSRF check: fetch's
 * pooled connections would count those as requests without an answer.)
 */
function http(method, path, { body, headers = {}, session } = {}) {
  figures.requests += 1;
  const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const allHeaders = {
    ...(payload !== undefined ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
    ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf, "sec-fetch-site": "same-origin" } : {}),
    ...headers,
  };
  return new Promise((resolve) => {
    const request = httpRequest(`${base}${path}`, { method, headers: allHeaders, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => {
        figures.byStatus[response.statusCode] = (figures.byStatus[response.statusCode] ?? 0) + 1;
        resolve({ status: response.statusCode, text, json: () => JSON.parse(text), headers: response.headers });
      });
      response.on("error", noAnswer);
    });
    request.setTimeout(60_000, () => request.destroy(new Error("timeout")));
    request.on("error", noAnswer);
    function noAnswer(error) {
      figures.noAnswer += 1;
      const cause = error?.code ?? error?.message ?? "";
      figures.noAnswerCauses[cause] = (figures.noAnswerCauses[cause] ?? 0) + 1;
      resolve({ status: 0, text: String(error), json: () => ({}), headers: {} });
    }
    request.end(payload);
  });
}

async function pool(items, width, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i], i);
      }
    }),
  );
}

/** Waits until the stub has accepted an email to `to` whose text matches; returns its text. */
async function emailTo(provider, to, pattern, seen = new Set(), timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = provider.emails().find((m) => m.to === to.toLowerCase() && pattern.test(m.text) && !seen.has(m.textHash));
    if (found) return found.text;
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${pattern} within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

async function signIn(provider, email) {
  const seen = new Set(provider.emails().filter((m) => m.to === email).map((m) => m.textHash));
  const asked = await http("POST", "/api/auth/login", { body: { email }, headers: { origin: base } });
  if (asked.status !== 202) throw new Error(`sign-in for ${email}: ${asked.status} ${asked.text}`);
  const text = await emailTo(provider, email, /\/console\/sign-in#/, seen);
  const token = /\/console\/sign-in#([A-Za-z0-9_-]{43})/.exec(text)[1];
  const verified = await http("POST", "/api/auth/verify", { body: { token }, headers: { origin: base } });
  if (verified.status !== 200) throw new Error(`verify for ${email}: ${verified.status}`);
  const cookie = String(verified.headers["set-cookie"]).split(";")[0];
  const me = await http("GET", "/api/auth/me", { headers: { cookie } });
  return { cookie, csrf: me.json().csrfToken, email };
}

function eventBody(organisationId, title, capacity) {
  const start = Date.now() + 30 * 86_400_000;
  return {
    organisationId,
    format: "workshop",
    texts: { de: { title } },
    audience: [],
    languages: ["de"],
    location: { name: "Zentralbibliothek", address: "Konrad-Adenauer-Platz 1" },
    onlineUrl: null,
    registrationMode: "open",
    registrationOpensAt: null,
    registrationClosesAt: null,
    maxPlacesPerRegistration: 1,
    emailConfirmation: false,
    holdMinutes: 30,
    waitlistEnabled: true,
    waitlistMode: "confirm",
    offerHours: 48,
    questions: [],
    reminderRules: [],
    sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString() }],
    pools: [{ kind: "event", key: "main", capacity }],
  };
}

async function createPublishedEvent(session, organisationId, title, capacity) {
  const created = await http("POST", "/api/console/events", { session, body: eventBody(organisationId, title, capacity) });
  if (created.status !== 201) throw new Error(`creating "${title}": ${created.status} ${created.text}`);
  const { event } = created.json();
  const published = await http("POST", `/api/console/events/${event.id}/publish`, { session, body: {} });
  if (published.status !== 200) throw new Error(`publishing "${title}": ${published.status} ${published.text}`);
  return { id: event.id, slug: event.slug };
}

const problems = [];
const fail = (what) => {
  problems.push(what);
  say(`  ✗ ${what}`);
};

/* ---------- the run ---------- */

const provider = await startProvider();
let server;
const t0 = Date.now();
try {
  say(`Local server on ${persistTo}, Resend stub failing ${Math.round(FAIL_RATE * 100)} % of calls…`);
  server = await startServer(provider, { seed: true });
  base = server.url;

  // Two organisations, all roles: the demo's administrator and organiser; a second organisation and its organiser.
  const admin = await signIn(provider, "admin@example.org");
  const organiserA = await signIn(provider, "organisation@example.org");
  const orgA = (await http("GET", "/api/auth/me", { headers: { cookie: organiserA.cookie } })).json().user.memberships[0].organisationId;
  const createdOrg = await http("POST", "/api/console/organisations", { session: admin, body: { slug: `zweites-amt-${run}`, name: "Zweites Amt" } });
  if (createdOrg.status !== 201) throw new Error(`organisation: ${createdOrg.status} ${createdOrg.text}`);
  const orgB = createdOrg.json().organisation.id;
  const organiserBEmail = `organiserin-b-${run}@example.org`;
  const invited = await http("POST", `/api/console/organisations/${orgB}/members`, { session: admin, body: { email: organiserBEmail, role: "organiser", name: "Bea B" } });
  if (invited.status !== 201) throw new Error(`invitation: ${invited.status} ${invited.text}`);
  const organiserB = await signIn(provider, organiserBEmail);
  say(`Signed in: administrator, organiser of organisation ${orgA}, organiser of organisation ${orgB}.`);

  /* 1. Bursts, with a kill in the middle one. */
  const bursts = [];
  for (let b = 0; b < BURSTS; b++) bursts.push(await createPublishedEvent(organiserA, orgA, `Burst ${b + 1} ${run}`, CAPACITY));
  const acknowledged = new Map(); // email → { burst, status }
  const unanswered = new Set(); // emails whose request got no answer (the kill)
  let burstsHeld = 0;
  const killAt = Math.floor(BURSTS / 2);
  for (const [b, event] of bursts.entries()) {
    const people = Array.from({ length: BURST_SIZE }, (_, i) => `burst-${run}-${b}-${i}@example.org`);
    const killDuring = b === killAt;
    let killed = null;
    let answered = 0;
    say(`Burst ${b + 1}/${BURSTS}: ${BURST_SIZE} registrations at ${CAPACITY} places${killDuring ? ", the server killed halfway" : ""}…`);
    await pool(people, IN_FLIGHT, async (email, i) => {
      const key = `burst-${run}-${b}-${i}`;
      const body = { name: `Burst ${b} ${i}`, email, locale: ["de", "ar", "uk", "tr", "ru", "en"][i % 6], consent: true };
      const send = () => http("POST", `/api/events/${event.slug}/registrations`, { body, headers: { "idempotency-key": key } });
      const answers = i % 10 === 0 ? await Promise.all([send(), send()]) : [await send()];
      if (killDuring && ++answered === Math.floor(BURST_SIZE / 2)) killed = killHard(server);
      for (const answer of answers) {
        if (answer.status >= 500) fail(`burst ${b + 1}: ${email} answered ${answer.status}`);
        if (answer.status === 201) acknowledged.set(email, { burst: b, status: answer.json().registration.status });
        else if (answer.status === 0) unanswered.add(email);
        else if (answer.status !== 201) fail(`burst ${b + 1}: ${email} answered ${answer.status} ${answer.text.slice(0, 120)}`);
      }
      if (answers.length === 2 && answers.every((a) => a.status === 201) && answers[0].text !== answers[1].text) fail(`burst ${b + 1}: a double click got two different answers`);
    });
    if (killed) {
      await killed;
      say(`  killed; ${unanswered.size} requests without an answer; starting again on the same state…`);
      server = await startServer(provider, { seed: false });
      base = server.url;
    }
    // What the organiser sees.
    const list = await http("GET", `/api/console/events/${event.id}/registrations`, { session: organiserA });
    const registrations = list.json().registrations ?? [];
    const confirmed = registrations.filter((r) => r.status === "confirmed").reduce((sum, r) => sum + r.places, 0);
    const emails = registrations.map((r) => r.email.toLowerCase());
    const acked = people.filter((p) => acknowledged.has(p));
    const missing = acked.filter((p) => !emails.includes(p));
    const twice = emails.filter((e, i) => emails.indexOf(e) !== i);
    const strangers = emails.filter((e) => !people.includes(e));
    const held = confirmed <= CAPACITY && missing.length === 0 && twice.length === 0 && strangers.length === 0 && confirmed === Math.min(CAPACITY, registrations.length);
    if (held) burstsHeld++;
    else fail(`burst ${b + 1}: ${confirmed} confirmed of ${CAPACITY}, ${missing.length} acknowledged but not stored, ${twice.length} stored twice`);
    say(`  ${acked.length} acknowledged, ${registrations.length} stored, ${confirmed}/${CAPACITY} places confirmed: ${held ? "held" : "NOT held"}`);
  }
  if (!OUTAGE_SECONDS) {
    provider.state.failing = false;
    say(`The outage ends (${provider.stats.failed} of ${provider.stats.calls} provider calls failed).`);
  }

  /* 2. Tampered links. */
  const someone = [...acknowledged.keys()][0];
  const manageText = await emailTo(provider, someone, /\/manage#/);
  const manage = /\/manage#([A-Za-z0-9_-]{43})/.exec(manageText)[1];
  const seenData = new Set(provider.emails().filter((m) => m.to === someone).map((m) => m.textHash));
  await http("POST", "/api/privacy/requests", { body: { email: someone, locale: "de" } });
  const dataText = await emailTo(provider, someone, /\/privacy-data#p2\./, seenData);
  const data = /\/privacy-data#(p2\.[A-Za-z0-9._-]+)/.exec(dataText)[1];
  const [, expiry, id, signature] = data.split(".");
  // HMAC-SHA256(TOKEN_SECRET, message) as base64url, as lib/tokens.ts keyedHash: this run knows the secret.
  const sign = (message) => createHmac("sha256", TOKEN_SECRET).update(message).digest("base64url");
  const flip = (text, at) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
  const tampered = [
    ...[0, 10, 21, 42].map((at) => flip(manage, at)),
    manage.slice(0, 42),
    `${manage}A`,
    manage.toUpperCase(),
    ...[3, 20, data.length - 1].map((at) => flip(data, at)),
    `p2.${expiry}.${(parseInt(id, 36) + 1).toString(36)}.${signature}`,
    `p2.${(parseInt(expiry, 36) + 3_600_000).toString(36)}.${id}.${signature}`,
    `p1.${expiry}.${id}.${signature}`,
    // Signed with the real secret, for the right registration but another address: the binding must refuse it.
    `p2.${expiry}.${id}.${sign(`privacy:${parseInt(id, 36)}:${parseInt(expiry, 36)}:someone.else@example.org`)}`,
    "p2....",
    "../../console/status",
  ];
  const participantRoutes = [
    ["GET", ""],
    ["GET", "/data"],
    ["GET", "/qr.svg"],
    ["GET", "/certificate"],
    ["GET", "/certificate.pdf"],
    ["POST", "/cancel"],
    ["POST", "/confirm"],
    ["POST", "/accept-offer"],
    ["POST", "/workshops", { slot: "", key: "main" }],
    ["POST", "/erase", { confirm: true }],
  ];
  let tamperedTried = 0;
  for (const token of tampered) {
    for (const [method, suffix, body] of participantRoutes) {
      tamperedTried++;
      const answer = await http(method, `/api/registrations/${encodeURIComponent(token)}${suffix}`, { body: method === "POST" ? (body ?? {}) : undefined });
      if (answer.status !== 404) fail(`tampered link ${token.slice(0, 12)}… at ${method} ${suffix || "/"} answered ${answer.status}`);
    }
  }
  const stillThere = await http("GET", `/api/registrations/${manage}`);
  if (stillThere.status !== 200) fail(`the real manage link stopped working after the tampered ones (${stillThere.status})`);
  say(`Tampered links: ${tamperedTried} requests, ${problems.filter((p) => p.startsWith("tampered")).length} answered anything but 404.`);

  /* 3. CSRF variants at every console write. */
  const doc = (await http("GET", "/api/openapi.json")).json();
  const writes = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method, op]) => method !== "get" && !["public", "participant"].includes(op["x-access"]))
      .map(([method]) => ({ method: method.toUpperCase(), path })),
  );
  const target = bursts[0];
  const firstRegistration = (await http("GET", `/api/console/events/${target.id}/registrations`, { session: organiserA })).json().registrations[0];
  const ids = { eventId: target.id, registrationId: firstRegistration.id, poolId: firstRegistration.poolId, organisationId: orgA, userId: 1, sessionId: 1, certificateId: 1, outboxId: "1" };
  const before = (await http("GET", `/api/console/events/${target.id}`, { session: organiserA })).text;
  const other = await signIn(provider, "admin@example.org");
  const variants = [
    ["no CSRF token", { cookie: organiserA.cookie, "sec-fetch-site": "same-origin" }],
    ["a wrong CSRF token", { cookie: organiserA.cookie, "x-csrf-token": "A".repeat(43), "sec-fetch-site": "same-origin" }],
    ["another session's CSRF token", { cookie: organiserA.cookie, "x-csrf-token": other.csrf, "sec-fetch-site": "same-origin" }],
    ["cross-site", { cookie: organiserA.cookie, "x-csrf-token": organiserA.csrf, "sec-fetch-site": "cross-site" }],
    ["a foreign origin", { cookie: organiserA.cookie, "x-csrf-token": organiserA.csrf, origin: "https://evil.example" }],
    ["no origin at all", { cookie: organiserA.cookie, "x-csrf-token": organiserA.csrf }],
    ["a CSRF token without the session", { "x-csrf-token": organiserA.csrf, "sec-fetch-site": "same-origin" }],
  ];
  let csrfTried = 0;
  for (const { method, path } of writes) {
    const url = path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(ids[name] ?? 1)));
    for (const [why, headers] of variants) {
      csrfTried++;
      const answer = await http(method, url, { body: {}, headers });
      if (![401, 403].includes(answer.status)) fail(`CSRF (${why}) at ${method} ${path} answered ${answer.status}`);
    }
  }
  const after = (await http("GET", `/api/console/events/${target.id}`, { session: organiserA })).text;
  say(`  (requests without an answer so far: ${JSON.stringify(figures.noAnswerCauses)})`);
  if (JSON.stringify(JSON.parse(before).event.pools) !== JSON.stringify(JSON.parse(after).event.pools) || JSON.parse(before).event.status !== JSON.parse(after).event.status) fail("the event changed during the CSRF attempts");
  say(`CSRF variants: ${csrfTried} requests at ${writes.length} console writes.`);

  /* 4. Another organisation. */
  const reads = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method, op]) => method === "get" && /^(event:|registration:|pool:|organisation:)/.test(op["x-access"]) && /\{/.test(path))
      .map(([, op]) => ({ path, access: op["x-access"] })),
  );
  const burstEmails = [...acknowledged.keys()];
  let crossTried = 0;
  for (const { path } of reads) {
    crossTried++;
    const url = path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(ids[name] ?? 1)));
    const query = path.endsWith("/checkin/search") ? "?sessionId=1&q=burst" : "";
    const answer = await http("GET", url + query, { session: organiserB });
    if (![403, 404].includes(answer.status)) fail(`organisation ${orgB}'s organiser at GET ${path} answered ${answer.status}`);
    if (burstEmails.some((e) => answer.text.includes(e))) fail(`GET ${path} showed organisation ${orgB}'s organiser a participant of organisation ${orgA}`);
  }
  // The reproduction of the issue, across the two organisations.
  const ownEvent = await createPublishedEvent(organiserB, orgB, `Eigene Veranstaltung ${run}`, 10);
  const victim = burstEmails[1];
  const victimBefore = (await http("GET", `/api/console/events/${bursts[acknowledged.get(victim).burst].id}/registrations`, { session: admin })).json().registrations.find((r) => r.email.toLowerCase() === victim);
  await http("POST", `/api/events/${ownEvent.slug}/registrations`, { body: { name: "Bea B", email: organiserBEmail, locale: "de", consent: true } });
  const seenB = new Set(provider.emails().filter((m) => m.to === organiserBEmail).map((m) => m.textHash));
  await http("POST", "/api/privacy/requests", { body: { email: organiserBEmail, locale: "de" } });
  const ownLink = /\/privacy-data#(p2\.[A-Za-z0-9._-]+)/.exec(await emailTo(provider, organiserBEmail, /\/privacy-data#p2\./, seenB))[1];
  const own = (await http("GET", `/api/console/events/${ownEvent.id}/registrations`, { session: organiserB })).json().registrations[0];
  const moved = await http("PATCH", `/api/console/registrations/${own.id}`, { session: organiserB, body: { email: victim } });
  if (moved.status !== 200) fail(`moving the organiser's own registration answered ${moved.status}`);
  const read = await http("GET", `/api/registrations/${ownLink}/data`);
  const erase = await http("POST", `/api/registrations/${ownLink}/erase`, { body: { confirm: true } });
  const victimAfter = (await http("GET", `/api/console/events/${bursts[acknowledged.get(victim).burst].id}/registrations`, { session: admin })).json().registrations.find((r) => r.email.toLowerCase() === victim);
  if (read.status !== 404 || erase.status !== 404) fail(`the reproduction: the data link answered ${read.status} and ${erase.status} after the address change`);
  if (JSON.stringify(victimBefore) !== JSON.stringify(victimAfter)) fail("the reproduction: the other organisation's participant changed");
  say(`Another organisation: ${crossTried} console reads of organisation ${orgA}; the issue's reproduction: ${read.status} and ${erase.status}.`);

  /* 5. Mail: the outage ends, the outbox drains. */
  if (OUTAGE_SECONDS) {
    const left = OUTAGE_SECONDS * 1000 - (Date.now() - t0);
    if (left > 0) await sleep(left);
    provider.state.failing = false;
  }
  const failureRate = provider.stats.failed / Math.max(1, provider.stats.calls);
  const outageFailureRate = provider.stats.failed / Math.max(1, provider.stats.callsDuringOutage);
  say(`Waiting for the outbox to drain (at most ${DRAIN_MINUTES} minutes)…`);
  let status;
  for (const deadline = Date.now() + DRAIN_MINUTES * 60_000; ; await sleep(5000)) {
    status = (await http("GET", "/api/console/status", { session: admin })).json().status;
    const waiting = (status.outbox.byStatus.queued ?? 0) + (status.outbox.byStatus.sending ?? 0);
    if (waiting === 0 || Date.now() > deadline) break;
  }
  const byStatus = status.outbox.byStatus;
  const emails = provider.emails();
  const byText = new Map();
  for (const m of emails) byText.set(m.textHash, (byText.get(m.textHash) ?? 0) + 1);
  const duplicated = [...byText.values()].filter((n) => n > 1).length + provider.stats.keyConflicts;
  // Every acknowledged registration got exactly its one email with its manage link (confirmed
  // or waitlisted); the victim also gets the organiser's "your details changed" for the moved registration.
  const perPerson = new Map();
  for (const m of emails) if (acknowledged.has(m.to) && /\/manage#/.test(m.text)) perPerson.set(m.to, (perPerson.get(m.to) ?? 0) + 1);
  const withoutEmail = [...acknowledged.keys()].filter((e) => !perPerson.has(e));
  const twice = [...perPerson].filter(([e, n]) => n > 1 && e !== victim).length;
  const lost = (byStatus.failed ?? 0) + (byStatus.queued ?? 0) + (byStatus.sending ?? 0) + withoutEmail.length;
  if (lost > 0) fail(`${lost} emails lost (${byStatus.failed ?? 0} given up, ${(byStatus.queued ?? 0) + (byStatus.sending ?? 0)} still waiting, ${withoutEmail.length} acknowledged registrations without an email)`);
  if (twice > 0) fail(`${twice} acknowledged registrations got their email more than once`);
  if (duplicated > 0) fail(`${duplicated} emails accepted twice under different keys`);
  if ((byStatus.sent ?? 0) !== emails.length) fail(`the outbox says ${byStatus.sent ?? 0} sent, the provider accepted ${emails.length}`);
  if (figures.byStatus[500] || figures.byStatus[502] || figures.byStatus[503]) fail("5xx answers");

  const result = {
    requestsTried: figures.requests,
    answersByStatus: figures.byStatus,
    requestsWithoutAnswer: figures.noAnswer,
    bursts: BURSTS,
    burstSize: BURST_SIZE,
    burstsHeld,
    killedDuringBurst: killAt + 1,
    acknowledgedRegistrations: acknowledged.size,
    tamperedLinkRequests: tamperedTried,
    csrfRequests: csrfTried,
    crossOrganisationReads: crossTried,
    providerCalls: provider.stats.calls,
    providerCallsDuringOutage: provider.stats.callsDuringOutage,
    providerFailureRateDuringOutage: Number(outageFailureRate.toFixed(3)),
    providerFailureRate: Number(failureRate.toFixed(3)),
    providerAnswersLost: provider.stats.answersLost,
    emailsSent: byStatus.sent ?? 0,
    emailsLost: lost,
    emailsDuplicated: duplicated + twice,
    minutes: Number(((Date.now() - t0) / 60_000).toFixed(1)),
    problems,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log("\nFigures");
    console.log(`  requests tried:            ${result.requestsTried} (${result.requestsWithoutAnswer} without an answer, in the kill), by status ${JSON.stringify(result.answersByStatus)}`);
    console.log(`  bursts held:               ${burstsHeld} of ${BURSTS} (${BURST_SIZE} registrations each at ${CAPACITY} places, a tenth sent twice; killed during burst ${killAt + 1})`);
    console.log(`  tampered links:            ${tamperedTried} requests; CSRF variants: ${csrfTried}; another organisation's reads: ${crossTried}`);
    console.log(`  provider failure survived: ${(outageFailureRate * 100).toFixed(1)} % of ${provider.stats.callsDuringOutage} calls during the outage, ${(failureRate * 100).toFixed(1)} % of all ${provider.stats.calls} (${provider.stats.answersLost} accepted with the answer lost)`);
    console.log(`  emails:                    ${result.emailsSent} sent, ${lost} lost, ${duplicated + twice} duplicated`);
    console.log(`  ${problems.length === 0 ? "everything held" : `${problems.length} problems`} (${result.minutes} minutes)`);
  }
  if (problems.length > 0) process.exitCode = 1;
} finally {
  if (server) await killHard(server).catch(() => {});
  await provider.close();
  rmSync(persistTo, { recursive: true, force: true });
}
