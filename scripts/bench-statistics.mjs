#!/usr/bin/env node
/**
 * `npm run bench:statistics`: what GET /api/console/statistics costs for a busy year.
 *
 * A local server (scripts/local-server.mjs) with the demo seed plus, for the demo organiser's
 * organisation, a year of BENCH_EVENTS events (default 2,000) with 1 to 3 dates each and
 * BENCH_REGISTRATIONS registrations (default 100,000) spread over them: confirmed (three in
 * four of them checked in on each date), waitlisted, cancelled (some from the waitlist),
 * 30,000 distinct participant keys, interpreter, childcare and accessibility needs; a tenth of
 * them anonymised as retention leaves them. Then the organiser asks for the year's report
 * (one warm-up, then BENCH_RUNS runs): the time to the whole answer, the D1 statements and
 * rows read (the route's Server-Timing header, from D1's meta.rows_read) and the size.
 *
 * Everything runs on this machine (loopback only) and stops by itself.
 */
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startLocalServer } from "./local-server.mjs";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PEOPLE = 30_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ORGANISER = "organisation@example.org";
const FORMATS = ["workshop", "series", "conference", "fair", "reading", "online", "meeting"];
const LOCALES = ["de", "ar", "tr", "uk", "ru", "en"];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `n(i)` from 0 to count − 1, for INSERT … SELECT (SQLite makes the rows itself: a few hundred bytes of SQL, not megabytes). */
const counter = (count) => `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1})`;
const pick = (expression, values) => `CASE ${expression} ${values.map((v, i) => `WHEN ${i} THEN '${v}'`).join(" ")} END`;

/** The year before `now`: events, dates, pools, registrations with their facts, check-ins. Ids from 100,000 up, clear of the demo's. */
function yearSql(now) {
  const organisation = `(SELECT m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email_normalized = '${ORGANISER}' AND m.role = 'organiser' ORDER BY m.organisation_id LIMIT 1)`;
  const start = now - 360 * DAY;
  const step = Math.floor((350 * DAY) / EVENTS);
  const first = `(${start} + i * ${step} + ${10 * HOUR})`;
  return [
    `INSERT INTO events (id, organisation_id, slug, format, status, texts, funding_lines, partners)
     ${counter(EVENTS)} SELECT 100000 + i, ${organisation}, 'bench-' || i, ${pick(`i % ${FORMATS.length}`, FORMATS)},
       CASE WHEN i % 97 = 0 THEN 'cancelled' ELSE 'published' END, '{"de":{"title":"Benchmark ' || i || '"}}',
       CASE i % 4 WHEN 0 THEN '["KOMM-AN NRW"]' WHEN 1 THEN '["ESF Plus"]' ELSE '[]' END, '["Partner ' || (i % 11) || '"]' FROM n;`,
    `INSERT INTO capacity_pools (id, event_id, kind, key, capacity) ${counter(EVENTS)} SELECT 100000 + i, 100000 + i, 'event', 'main', 40 FROM n;`,
    // 1 to 3 dates a week apart; every 13th event's third date cancelled the day before.
    `INSERT INTO sessions (id, event_id, starts_at, ends_at, cancelled_at)
     ${counter(EVENTS)}, d(d) AS (SELECT 0 UNION ALL SELECT 1 UNION ALL SELECT 2)
     SELECT 100000 + i * 3 + d, 100000 + i, ${first} + d * ${7 * DAY}, ${first} + d * ${7 * DAY} + ${2 * HOUR},
       CASE WHEN d = 2 AND i % 13 = 0 THEN ${first} + d * ${7 * DAY} - ${DAY} END
     FROM n, d WHERE d <= i % 3;`,
    // Of 25: 20 confirmed, 2 waitlisted, 1 cancelled from the waitlist, 2 cancelled; every 10th anonymised.
    `INSERT INTO registrations (id, event_id, pool_id, status, places, children, name, email, email_normalized, locale, token_nonce, manage_token_hash, queue_order,
       cancelled_from, stat_participant_key, stat_interpreter, stat_childcare_children, stat_accessibility, stat_facts_at, anonymised_at, stat_certified_at)
     ${counter(REGISTRATIONS)}, r AS (SELECT i, 100000 + i % ${EVENTS} AS event, i % 25 AS kind, (i * 7919 + i / ${PEOPLE}) % ${PEOPLE} AS person, i % 10 = 0 AS anonymised FROM n)
     SELECT 100000 + i, event, event, CASE WHEN kind < 20 THEN 'confirmed' WHEN kind < 22 THEN 'waitlisted' ELSE 'cancelled' END,
       CASE WHEN i % 7 = 0 THEN 2 ELSE 1 END, CASE WHEN i % 29 = 0 THEN 1 ELSE 0 END,
       CASE WHEN anonymised THEN '' ELSE 'Person ' || person END, CASE WHEN anonymised THEN '' ELSE 'p' || person || '@example.org' END,
       CASE WHEN anonymised THEN 'anon-' || i ELSE 'p' || person || '@example.org' END, ${pick("i % 6", LOCALES)}, 'n' || i, 'h' || i, i,
       CASE WHEN kind = 22 THEN 'waitlisted' WHEN kind > 22 THEN 'confirmed' END, 'k' || person,
       CASE WHEN i % 20 = 0 THEN ${pick("i % 5", LOCALES.slice(1))} END, CASE WHEN i % 29 = 0 THEN 1 ELSE 0 END, i % 41 = 0, ${now},
       CASE WHEN anonymised THEN ${now} END, CASE WHEN i % 9 = 0 AND kind < 20 THEN ${now} END
     FROM r;`,
    // Three in four confirmed registrations checked in on each date.
    `INSERT INTO attendance (registration_id, session_id, places, checked_in_at)
     SELECT r.id, s.id, r.places, ${now - DAY} FROM registrations r JOIN sessions s ON s.event_id = r.event_id
     WHERE r.id >= 100000 AND r.status = 'confirmed' AND ((r.id - 100000) + (s.id - 100000 - (r.event_id - 100000) * 3)) % 4 <> 0;`,
  ].join("\n");
}

/** Signs the organiser in through the dev mailbox; the session's headers. */
async function signIn(baseUrl, email) {
  const headers = { origin: baseUrl, "content-type": "application/json" };
  await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers, body: JSON.stringify({ email }) });
  for (let i = 0; i < 200; i++) {
    const { messages } = await (await fetch(`${baseUrl}/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
    const token = messages.map((m) => /\/console\/sign-in#([A-Za-z0-9_-]{43})/.exec(m.text)?.[1]).find(Boolean);
    if (token) {
      const verified = await fetch(`${baseUrl}/api/auth/verify`, { method: "POST", headers, body: JSON.stringify({ token }) });
      return { cookie: verified.headers.get("set-cookie").split(";")[0] };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no sign-in email arrived");
}

const now = Date.now();
const sql = yearSql(now);
console.log(`Seeding ${EVENTS} events and ${REGISTRATIONS} registrations with their dates and check-ins…`);
const persistTo = `.wrangler/bench-statistics-${Date.now()}`;
const seedStart = performance.now();
const server = await startLocalServer({ persistTo, extraSql: sql, crons: false }).catch((error) => {
  rmSync(persistTo, { recursive: true, force: true });
  throw error;
});
let failed = false;
try {
  console.log(`  seeded and started in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const headers = await signIn(server.url, ORGANISER);
  const query = `?from=${new Date(now - 365 * DAY).toISOString().slice(0, 10)}&to=${new Date(now).toISOString().slice(0, 10)}`;
  const ask = async () => {
    const t0 = performance.now();
    const response = await fetch(`${server.url}/api/console/statistics${query}`, { headers, signal: AbortSignal.timeout(60_000) });
    const body = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200) throw new Error(`GET /api/console/statistics: ${response.status} ${body.slice(0, 300)}`);
    return { ms, bytes: body.length, timing: response.headers.get("server-timing") ?? "", report: JSON.parse(body).statistics };
  };
  const warm = await ask();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await ask());
  const last = runs.at(-1);
  const cost = /queries=(\d+) rows_read=(\d+)/.exec(last.timing);
  const t = last.report.totals;
  console.log(`GET /api/console/statistics${query} (organiser, one organisation):`);
  console.log(`  first request ${warm.ms.toFixed(0)} ms; median of ${RUNS} ${median(runs.map((r) => r.ms)).toFixed(0)} ms (min ${Math.min(...runs.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.ms)).toFixed(0)})`);
  console.log(`  D1: ${cost?.[1] ?? "?"} statements, ${cost?.[2] ? Number(cost[2]).toLocaleString("en") : "?"} rows read; answer ${(last.bytes / 1024).toFixed(0)} KiB`);
  console.log(`  report: ${t.events} events, ${t.datesHeld} dates held, ${t.registrations} registrations, ${t.participants.distinct} distinct participants, ${t.attendance.attendedPlaces} places attended`);
  if (t.events < EVENTS * 0.9) throw new Error(`the report holds ${t.events} events of ${EVENTS} seeded`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
