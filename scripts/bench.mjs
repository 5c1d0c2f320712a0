#!/usr/bin/env node
/**
 * Sign-up benchmark: starts the product locally (scripts/local-server.mjs: the Workers in
 * workerd through Miniflare, local D1, the mail queue and its consumer, rate limits at their
 * defaults), then, for an empty pool and for a pool that holds 5,000 registrations already,
 * fires a burst of registrations (each from its own client address, as people are), a burst
 * of one D1 batch with one write (`/api/dev/bench/batch-write`, the floor of any write) and a
 * burst of `GET /api/health` (no D1 at all), one after the other at the same concurrency.
 *
 * Per burst: requests/s, p50/p95/p99, answers by status (5xx and requests without an answer
 * apart), and, from each answer's `Server-Timing` (dev mode), D1 round trips per request and
 * D1 busy time per request (the sum of every statement's `meta.duration`). The busy time sets
 * the ceiling of one database: D1 runs one statement at a time, so 1,000 ms ÷ busy time =
 * registrations a second. Local D1 reports `meta.duration` in whole milliseconds; the mean
 * over a burst is still an unbiased estimate (each statement starts at a random point of a
 * millisecond), but single values are 0 or 1. The capacity must hold exactly: 500 confirmed,
 * waitlist positions 1..N-500 without gaps, in both pools. It also prints the CPU time
 * workerd spent per request (an upper bound of the Worker's CPU time: local D1 and the mail
 * queue's consumer run in the same process), and the CPU time of rendering one email
 * (the consumer's work per registration; not part of the registration's answer).
 *
 * Usage: node scripts/bench.mjs [--requests N] [--concurrency C] [--port P] [--json]
 *   [--no-mail] [--skip-pages] [--verbose]
 * (also BENCH_REQUESTS, BENCH_CONCURRENCY, BENCH_PORT; port 0, the default, lets the system
 * choose). `--no-mail` runs without the queue consumer, to see the registrations without the
 * emails' rendering competing for the same cores. Exit code 1 if the capacity was not held
 * or any request failed.
 *
 * It also reports the weight of the participant pages in frontend/dist (JavaScript and CSS
 * gzipped, HTML) and, in Chromium on a slow phone profile (400 ms round trip, 400 kbit/s,
 * CPU slowed down 4×, cold cache), how long /event?slug=bench-empty takes until its
 * registration form can be used (`--skip-pages` or BENCH_SKIP_PAGES=1 leaves both out;
 * CHROMIUM_PATH if Chromium is not at /usr/bin/chromium).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { runtimeCpuMs, startLocalServer } from "./local-server.mjs";
import { emailRenderCpu } from "./node-bundle.mjs";

/** Places left in each pool when its burst begins. */
const CAPACITY = 500;
/** Registrations the full pool holds before its burst. */
const EXISTING = 5000;
const WARMUP = 20;

function option(name, envName, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[envName];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer (got ${raw})`);
    process.exit(2);
  }
  return value;
}

const requests = option("requests", "BENCH_REQUESTS", 1500);
const concurrency = option("concurrency", "BENCH_CONCURRENCY", 50);
const port = option("port", "BENCH_PORT", 0);
const json = process.argv.includes("--json") || process.env.BENCH_JSON === "1";
const verbose = process.argv.includes("--verbose"); // show workerd's own output
const skipPages = process.argv.includes("--skip-pages") || process.env.BENCH_SKIP_PAGES === "1";
const mail = !process.argv.includes("--no-mail");

const POOLS = [
  { name: "empty pool", slug: "bench-empty", existing: 0 },
  { name: `pool of ${EXISTING.toLocaleString("en")}`, slug: "bench-full", existing: EXISTING },
];

function eventSql({ slug, existing, capacity = existing + CAPACITY }, organisation, startsAt) {
  return `
INSERT INTO events (organisation_id, slug, format, status, texts, registration_mode, registration_opens_at,
  registration_closes_at, max_places_per_registration, email_confirmation, waitlist_enabled, waitlist_mode, questions)
VALUES (${organisation}, '${slug}', 'workshop', 'published', '{"de":{"title":"Bench"}}', 'open', NULL, NULL, 1, 0, 1, 'confirm', '[]');
INSERT INTO sessions (event_id, starts_at, ends_at)
  SELECT id, ${startsAt}, ${startsAt + 3 * 3600_000} FROM events WHERE slug = '${slug}';
INSERT INTO capacity_pools (event_id, kind, key, capacity)
  SELECT id, 'event', 'main', ${capacity} FROM events WHERE slug = '${slug}';
${
  existing > 0
    ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${existing})
INSERT INTO registrations (event_id, pool_id, status, places, name, email, email_normalized, locale, token_nonce,
  manage_token_hash, queue_order, consent_version, consent_at, created_at, updated_at)
SELECT e.id, p.id, 'confirmed', 1, 'Bench ' || i, 'seed-' || i || '@example.org', 'seed-' || i || '@example.org', 'de',
  'nonce-' || i, lower(hex(randomblob(16))), i, '2026-11', 0, 0, 0
FROM n, events e JOIN capacity_pools p ON p.event_id = e.id WHERE e.slug = '${slug}';`
    : ""
}`;
}

function benchSql() {
  const startsAt = Date.now() + 30 * 24 * 3600_000;
  return [
    `INSERT OR IGNORE INTO organisations (id, slug, name) VALUES (900, 'bench-org', 'Bench');`,
    ...POOLS.map((pool) => eventSql(pool, 900, startsAt)),
    eventSql({ slug: "bench-warm", existing: 0, capacity: 100_000 }, 900, startsAt),
  ].join("\n");
}

/** A client address of its own for request `n` (10.x.y.z), as a crowd of people has. */
const address = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

function register(url, slug, label, n) {
  return fetch(`${url}/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": address(n) },
    body: JSON.stringify({ name: `Bench ${label}`, email: `bench-${label}@example.org`, locale: "de", consent: true }),
  });
}

const reference = (url) => fetch(`${url}/api/dev/bench/batch-write`, { method: "POST" });
const health = (url) => fetch(`${url}/api/health`);

/** Round trips and busy ms of an answer's Server-Timing `d1` entry (null without one). */
function d1Timing(response) {
  const entry = /(?:^|,\s*)d1;dur=([\d.]+);desc="(\d+) round trips, (\d+) statements/.exec(response.headers.get("server-timing") ?? "");
  return entry ? { busyMs: Number(entry[1]), roundTrips: Number(entry[2]), statements: Number(entry[3]) } : null;
}

/** Runs `count` requests with `inFlight` workers; returns per-request latency, status, body, D1 use. */
async function burst(count, inFlight, send, { keepBody = false } = {}) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const t0 = performance.now();
      let status = 0;
      let body = null;
      let d1 = null;
      try {
        const response = await send(i);
        status = response.status;
        d1 = d1Timing(response);
        if (status >= 300) body = { error: (await response.text()).slice(0, 300) };
        else if (keepBody) body = await response.json();
        else await response.arrayBuffer();
      } catch (error) {
        body = { error: String(error) };
      }
      results[i] = { ms: performance.now() - t0, status, body, d1 };
    }
  };
  const start = performance.now();
  const cpuBefore = runtimeCpuMs();
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  return { results, seconds: (performance.now() - start) / 1000, cpuMs: runtimeCpuMs() - cpuBefore };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function summarize({ results, seconds, cpuMs }, okStatus) {
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const errorSamples = [...new Set(results.filter((r) => r.status !== okStatus).map((r) => `${r.status} ${r.body?.error ?? ""}`))].slice(0, 3);
  const timed = results.filter((r) => r.d1);
  const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
  const roundTrips = {};
  for (const r of timed) roundTrips[r.d1.roundTrips] = (roundTrips[r.d1.roundTrips] ?? 0) + 1;
  return {
    requests: results.length,
    errors: results.filter((r) => r.status !== okStatus).length,
    // 5xx, or no answer at all (status 0): what "Your worker restarted mid-request" was.
    serverErrors: results.filter((r) => r.status >= 500 || r.status === 0).length,
    cpuMsPerRequest: cpuMs / results.length,
    httpStatuses: statuses,
    seconds,
    perSecond: results.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    d1RoundTrips: mean(timed.map((r) => r.d1.roundTrips)),
    d1RoundTripsMax: timed.length ? Math.max(...timed.map((r) => r.d1.roundTrips)) : NaN,
    d1RoundTripCounts: roundTrips,
    d1Statements: mean(timed.map((r) => r.d1.statements)),
    d1BusyMs: mean(timed.map((r) => r.d1.busyMs)),
    errorSamples,
  };
}

async function warmUp(url) {
  for (let i = 0; i < WARMUP; i++) {
    for (const [name, response] of [
      ["registration", await register(url, "bench-warm", `warm-${i}`, 1_000_000 + i)],
      ["reference", await reference(url)],
      ["health", await health(url)],
    ]) {
      await response.arrayBuffer();
      if (response.status >= 300) throw new Error(`warm-up failed: ${name} ${response.status}`);
    }
  }
}

/**
 * No overselling: the read-back confirmed count is exactly the capacity left (or every
 * request, if fewer), no response claimed more, and waitlist positions are distinct. With no
 * failed requests the outcome must also be exact: 500 confirmed responses and positions
 * 1..N-500 without gaps. (A failed request may still have committed, so then gaps are tolerated.)
 */
function checkCapacity(registrations, placesLeft) {
  const byStatus = {};
  const positions = [];
  let failed = 0;
  for (const r of registrations.results) {
    if (r.status !== 201 || !r.body?.registration) {
      failed++;
      continue;
    }
    const { status, waitlistPosition } = r.body.registration;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (status === "waitlisted") positions.push(waitlistPosition);
  }
  const total = registrations.results.length;
  const confirmedReadBack = placesLeft === null ? null : CAPACITY - placesLeft;
  const confirmedResponses = byStatus.confirmed ?? 0;
  const expectedConfirmed = Math.min(CAPACITY, total);
  const expectedWaitlisted = Math.max(0, total - CAPACITY);
  positions.sort((a, b) => a - b);
  const distinct = positions.every((p, i) => Number.isInteger(p) && p > 0 && (i === 0 || p !== positions[i - 1]));
  const noGaps = distinct && positions.every((p, i) => p === i + 1);
  const exact = confirmedReadBack === expectedConfirmed && confirmedResponses === expectedConfirmed && positions.length === expectedWaitlisted && noGaps;
  const held =
    failed === 0
      ? exact
      : confirmedReadBack !== null && confirmedReadBack <= CAPACITY && confirmedReadBack >= confirmedResponses && distinct &&
        (total - failed < CAPACITY || confirmedReadBack === CAPACITY);
  return { byStatus, failed, confirmedReadBack, confirmedResponses, expectedConfirmed, waitlisted: positions.length, expectedWaitlisted, distinct, noGaps, held };
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

function printTable(columns) {
  const names = Object.keys(columns);
  const s = Object.values(columns);
  const rows = [
    ["", ...names],
    ["requests", ...s.map((x) => String(x.requests))],
    ["errors (non-2xx)", ...s.map((x) => String(x.errors))],
    ["of them 5xx or no answer", ...s.map((x) => String(x.serverErrors))],
    ["duration s", ...s.map((x) => fmt(x.seconds, 2))],
    ["requests/s", ...s.map((x) => fmt(x.perSecond))],
    ["p50 ms", ...s.map((x) => fmt(x.p50))],
    ["p95 ms", ...s.map((x) => fmt(x.p95))],
    ["p99 ms", ...s.map((x) => fmt(x.p99))],
    ["D1 round trips/request", ...s.map((x) => fmt(x.d1RoundTrips, 2))],
    ["D1 statements/request", ...s.map((x) => fmt(x.d1Statements, 1))],
    ["D1 busy ms/request", ...s.map((x) => fmt(x.d1BusyMs, 3))],
    ["workerd CPU ms/request", ...s.map((x) => fmt(x.cpuMsPerRequest, 2))],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `  ${r[0].padEnd(widths[0])}${r.slice(1).map((v, i) => `  ${v.padStart(widths[i + 1])}`).join("")}`;
  console.log(line(rows[0]));
  console.log(`  ${"-".repeat(widths.reduce((a, b) => a + b + 2, -2))}`);
  for (const r of rows.slice(1)) console.log(line(r));
}

// ---- Participant pages: weight and time until the form is usable -------------------------

const DIST = fileURLToPath(new URL("../frontend/dist/", import.meta.url));
const PARTICIPANT_PAGES = ["index", "event", "manage", "privacy", "accessibility", "404"];
const LOCALE_CHUNK = /^assets\/web-([a-z]{2})-[\w-]+\.js$/;
const gz = (path) => gzipSync(readFileSync(join(DIST, path)), { level: 6 }).length;

/**
 * Per page: JS gzipped (its module script, everything it imports statically or dynamically,
 * and the heaviest single language catalogue: a page loads only the chosen locale's), CSS
 * gzipped, HTML bytes. The same rule as frontend/test/page-weight.node.test.ts.
 */
function pageWeights() {
  if (!existsSync(join(DIST, "index.html"))) return null;
  const attr = (html, re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ""));
  return PARTICIPANT_PAGES.map((page) => {
    const html = readFileSync(join(DIST, `${page}.html`), "utf8");
    const queue = [...attr(html, /<script\b[^>]*type="module"[^>]*\bsrc="([^"]+)"/g), ...attr(html, /<link\b[^>]*rel="modulepreload"[^>]*\bhref="([^"]+)"/g)];
    const seen = new Set();
    while (queue.length > 0) {
      const path = queue.shift();
      if (seen.has(path)) continue;
      seen.add(path);
      const code = readFileSync(join(DIST, path), "utf8");
      for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g)) queue.push(new URL(m[1], `https://x/${path}`).pathname.slice(1));
    }
    const shared = [...seen].filter((p) => !LOCALE_CHUNK.test(p)).reduce((sum, p) => sum + gz(p), 0);
    const locales = [...seen].filter((p) => LOCALE_CHUNK.test(p)).map((p) => ({ locale: LOCALE_CHUNK.exec(p)[1], size: gz(p) }));
    const heaviest = locales.sort((a, b) => b.size - a.size)[0] ?? { locale: "-", size: 0 };
    const css = attr(html, /<link\b[^>]*rel="stylesheet"[^>]*\bhref="([^"]+)"/g).reduce((sum, p) => sum + gz(p), 0);
    return { page, jsGzip: shared + heaviest.size, heaviestLocale: heaviest.locale, cssGzip: css, html: Buffer.byteLength(html) };
  });
}

const SLOW = { latencyMs: 400, downKbit: 400, upKbit: 400, cpuSlowdown: 4 };
const FORM_RUNS = 3;
const FORM_TIMEOUT_MS = 30_000;

/**
 * Cold loads of the bench event's page in Chromium on the slow profile: milliseconds from
 * the start of navigation until the submit button of the registration form is visible and
 * enabled (the form rendered, its catalogue and the event loaded). Also DOMContentLoaded.
 */
async function formReadiness(url) {
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    return { skipped: "playwright-core is not installed" };
  }
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` };
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results = {};
  try {
    for (const locale of ["de", "ar"]) {
      const runs = [];
      for (let i = 0; i < FORM_RUNS; i++) {
        const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: SLOW.latencyMs,
          downloadThroughput: (SLOW.downKbit * 1000) / 8,
          uploadThroughput: (SLOW.upKbit * 1000) / 8,
        });
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW.cpuSlowdown });
        const t0 = performance.now();
        await page.goto(`${url}/event?slug=bench-empty`, { waitUntil: "commit", timeout: FORM_TIMEOUT_MS });
        await page.locator("form.registration-form button[type=submit]:enabled").waitFor({ state: "visible", timeout: FORM_TIMEOUT_MS });
        const usableMs = performance.now() - t0;
        const domContentLoadedMs = await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0];
          return nav ? nav.domContentLoadedEventEnd : NaN;
        });
        runs.push({ usableMs, domContentLoadedMs });
        await context.close();
      }
      const sorted = runs.map((r) => r.usableMs).sort((a, b) => a - b);
      results[locale] = { medianMs: sorted[Math.floor(sorted.length / 2)], runs };
    }
  } catch (error) {
    results.error = String(error).split("\n")[0];
  } finally {
    await browser.close();
  }
  return results;
}

function printPages(weights, readiness) {
  console.log("");
  if (!weights) {
    console.log("  page weight: frontend/dist is missing (npm run build)");
  } else {
    console.log("  page weight (frontend/dist; JS = page, its chunks and the heaviest language catalogue)");
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const rows = [["page", "JS gzip", "CSS gzip", "HTML"], ...weights.map((w) => [w.page, `${kb(w.jsGzip)} (${w.heaviestLocale})`, kb(w.cssGzip), kb(w.html)])];
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
    for (const r of rows) console.log(`    ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padStart(widths[2])}  ${r[3].padStart(widths[3])}`);
  }
  console.log(
    `  registration form usable (Chromium, ${SLOW.latencyMs} ms RTT, ${SLOW.downKbit} kbit/s, CPU ÷${SLOW.cpuSlowdown}, cold cache, /event?slug=bench-empty):`,
  );
  if (readiness.skipped) console.log(`    skipped: ${readiness.skipped}`);
  for (const locale of ["de", "ar"]) {
    const r = readiness[locale];
    if (!r) continue;
    console.log(`    ${locale}: median ${fmt(r.medianMs / 1000, 2)} s (runs ${r.runs.map((x) => fmt(x.usableMs / 1000, 2)).join(", ")} s; DOMContentLoaded ${r.runs.map((x) => fmt(x.domContentLoadedMs / 1000, 2)).join(", ")} s)`);
  }
  if (readiness.error) console.log(`    error: ${readiness.error}`);
}

let server;
let persistTo;
let stopping = false;
async function cleanup() {
  if (stopping) return;
  stopping = true;
  try {
    await server?.stop();
  } finally {
    if (persistTo) rmSync(persistTo, { recursive: true, force: true });
  }
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    cleanup().finally(() => process.exit(130));
  });
}

/** One pool: registrations, the one-batch reference and health, one after the other. */
async function measurePool(url, pool, runId) {
  const regRun = await burst(requests, concurrency, (i) => register(url, pool.slug, `${runId}-${pool.slug}-${i}`, i), { keepBody: true });
  const refRun = await burst(requests, concurrency, () => reference(url));
  const healthRun = await burst(requests, concurrency, () => health(url));
  const eventResponse = await fetch(`${url}/api/events/${pool.slug}`);
  const event = eventResponse.ok ? (await eventResponse.json()).event : null;
  const placesLeft = event?.registration?.placesLeft ?? null;
  const registrations = summarize(regRun, 201);
  const referenceBatch = summarize(refRun, 201);
  const healthRoute = summarize(healthRun, 200);
  const capacity = checkCapacity(regRun, placesLeft);
  return {
    pool: pool.name,
    existing: pool.existing,
    registrations,
    referenceBatch,
    health: healthRoute,
    capacity: { left: CAPACITY, ...capacity },
    healthRatio: registrations.perSecond / healthRoute.perSecond,
    referenceRatio: registrations.perSecond / referenceBatch.perSecond,
    ceilingPerSecond: 1000 / registrations.d1BusyMs,
  };
}

function printPool(result) {
  console.log("");
  console.log(`${result.pool} (${result.existing} registrations before the burst, ${CAPACITY} places left)`);
  printTable({ registrations: result.registrations, "one D1 batch": result.referenceBatch, "GET /api/health": result.health });
  const { capacity, registrations } = result;
  const statusText = Object.entries(capacity.byStatus).map(([s, n]) => `${s} ${n}`).join(", ") || "none";
  console.log(`  registration outcomes:   ${statusText}`);
  console.log(`  D1 round trips:          ${Object.entries(registrations.d1RoundTripCounts).map(([n, c]) => `${c} × ${n}`).join(", ")} (at most ${registrations.d1RoundTripsMax})`);
  for (const [name, s] of [["registration", registrations], ["reference", result.referenceBatch], ["health", result.health]]) {
    if (s.errors > 0) console.log(`  ${name} HTTP codes: ${JSON.stringify(s.httpStatuses)}`);
    for (const sample of s.errorSamples) console.log(`  ${name} error sample: ${sample}`);
  }
  console.log(`  confirmed (read back):   ${capacity.confirmedReadBack ?? "?"} of ${CAPACITY} (expected ${capacity.expectedConfirmed})`);
  console.log(
    `  waitlist positions:      ${capacity.waitlisted} returned (expected 1..${capacity.expectedWaitlisted}); distinct: ${capacity.distinct ? "yes" : "no"}, 1..${capacity.waitlisted} without gaps: ${capacity.noGaps ? "yes" : "no"}`,
  );
  if (capacity.failed > 0) console.log(`  (${capacity.failed} registration requests failed and may have committed: exactness not checkable, only no overselling)`);
  console.log(`  capacity held:           ${capacity.held ? "yes" : "no"}`);
  console.log(`  registrations/s ÷ health/s = ${fmt(result.healthRatio, 3)}; ÷ one-batch/s = ${fmt(result.referenceRatio, 3)}`);
  console.log(`  one database's ceiling:  1,000 ms ÷ ${fmt(registrations.d1BusyMs, 3)} ms busy = ${fmt(result.ceilingPerSecond, 0)} registrations/s`);
}

async function main() {
  persistTo = mkdtempSync(join(tmpdir(), "zusammen-bench-"));
  console.log(`zusammen bench: ${requests} requests per burst, ${concurrency} in flight, queue consumer ${mail ? "running" : "off (--no-mail)"}`);
  const rendering = await emailRenderCpu(["confirmed", "waitlisted"], ["de", "ar"]);
  const t0 = performance.now();
  // Rate limits at their defaults: every request comes from its own client address.
  server = await startLocalServer({ port, persistTo, seed: false, extraSql: benchSql(), stdio: verbose ? "inherit" : "pipe", crons: false, queueConsumers: mail });
  const { url } = server;
  console.log(`server up at ${url} after ${fmt((performance.now() - t0) / 1000, 1)} s; warming up (${WARMUP} requests per route)`);
  await warmUp(url);
  // The pages first, on a quiet server (and so that the form is the normal one, not the waitlist's).
  const weights = skipPages ? null : pageWeights();
  const readiness = skipPages ? null : await formReadiness(url);

  const runId = Date.now().toString(36);
  const pools = [];
  for (const pool of POOLS) {
    const result = await measurePool(url, pool, runId);
    pools.push(result);
    printPool(result);
  }
  console.log("");
  console.log("  CPU time of rendering one email (Node, the Worker's templates; the queue consumer's work, after the answer):");
  for (const r of rendering) console.log(`    ${r.template} (${r.locale}): median ${fmt(r.median, 1)} ms`);

  if (!skipPages) printPages(weights, readiness);

  const ok = pools.every((p) => p.capacity.held && p.registrations.errors === 0 && p.referenceBatch.errors === 0 && p.health.errors === 0);
  if (json) {
    const round = (s) => ({ ...s, seconds: +s.seconds.toFixed(3), perSecond: +s.perSecond.toFixed(1), p50: +s.p50.toFixed(2), p95: +s.p95.toFixed(2), p99: +s.p99.toFixed(2), d1BusyMs: +s.d1BusyMs.toFixed(4) });
    console.log(
      JSON.stringify({
        requests,
        concurrency,
        mail,
        pools: pools.map((p) => ({ ...p, registrations: round(p.registrations), referenceBatch: round(p.referenceBatch), health: round(p.health) })),
        emailRenderCpuMs: rendering,
        ...(skipPages ? {} : { pages: weights, formReadiness: { profile: SLOW, ...readiness } }),
        ok,
      }),
    );
  }
  return ok;
}

let exitCode = 1;
try {
  exitCode = (await main()) ? 0 : 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
