#!/usr/bin/env node
/**
 * Burst benchmark: starts the product locally (scripts/local-server.mjs: the Workers in
 * workerd through Miniflare, local D1), fires a burst of
 * registrations at one event with 500 places and a burst of requests at the reference route
 * (a single D1 batch with one INSERT), and prints throughput, latency and whether the
 * capacity held (exactly 500 confirmed, waitlist positions 1..N-500 without gaps).
 *
 * Usage: node scripts/bench.mjs [--requests N] [--concurrency C] [--port P] [--json] [--verbose]
 * (also BENCH_REQUESTS, BENCH_CONCURRENCY, BENCH_PORT; port 0, the default, lets the system
 * choose). Every answer is counted by status, 5xx (and requests without an answer) apart;
 * exit code 1 if the capacity was not held or any request failed. It also prints the CPU
 * time workerd spent per request (an upper bound of the Worker's CPU time: local D1 runs in
 * the same process).
 *
 * It also reports the weight of the participant pages in frontend/dist (JavaScript and CSS
 * gzipped, HTML) and, in Chromium on a slow phone profile (400 ms round trip, 400 kbit/s,
 * CPU slowed down 4×, cold cache), how long /event?slug=bench-burst takes until its
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

const CAPACITY = 500;
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

const requests = option("requests", "BENCH_REQUESTS", 2000);
const concurrency = option("concurrency", "BENCH_CONCURRENCY", 50);
const port = option("port", "BENCH_PORT", 0);
const json = process.argv.includes("--json") || process.env.BENCH_JSON === "1";
const verbose = process.argv.includes("--verbose"); // show wrangler's own output
const skipPages = process.argv.includes("--skip-pages") || process.env.BENCH_SKIP_PAGES === "1";

function eventSql(slug, capacity, startsAt) {
  return `
INSERT INTO events (organisation_id, slug, format, status, texts, registration_mode, registration_opens_at,
  registration_closes_at, max_places_per_registration, email_confirmation, waitlist_enabled, waitlist_mode, questions)
VALUES (900, '${slug}', 'workshop', 'published', '{"de":{"title":"Bench"}}', 'open', NULL, NULL, 1, 0, 1, 'confirm', '[]');
INSERT INTO sessions (event_id, starts_at, ends_at)
  SELECT id, ${startsAt}, ${startsAt + 3 * 3600_000} FROM events WHERE slug = '${slug}';
INSERT INTO capacity_pools (event_id, kind, key, capacity)
  SELECT id, 'event', 'main', ${capacity} FROM events WHERE slug = '${slug}';`;
}

function benchSql() {
  const startsAt = Date.now() + 30 * 24 * 3600_000;
  return [
    `INSERT OR IGNORE INTO organisations (id, slug, name) VALUES (900, 'bench-org', 'Bench');`,
    eventSql("bench-burst", CAPACITY, startsAt),
    eventSql("bench-warm", 10_000, startsAt),
  ].join("\n");
}

function register(url, slug, label) {
  return fetch(`${url}/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `Bench ${label}`, email: `bench-${label}@example.org`, locale: "de", consent: true }),
  });
}

function reference(url) {
  return fetch(`${url}/api/dev/bench/batch-write`, { method: "POST" });
}

/** Runs `count` requests with `inFlight` workers; returns per-request latency, status, body. */
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
      try {
        const response = await send(i);
        status = response.status;
        if (status !== 201) body = { error: (await response.text()).slice(0, 300) };
        else if (keepBody) body = await response.json();
        else await response.arrayBuffer();
      } catch (error) {
        body = { error: String(error) };
      }
      results[i] = { ms: performance.now() - t0, status, body };
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

function summarize({ results, seconds, cpuMs }) {
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const errorSamples = [...new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body?.error ?? ""}`))].slice(0, 3);
  return {
    requests: results.length,
    errors: results.filter((r) => r.status !== 201).length,
    // 5xx, or no answer at all (status 0): what "Your worker restarted mid-request" was.
    serverErrors: results.filter((r) => r.status >= 500 || r.status === 0).length,
    cpuMsPerRequest: cpuMs / results.length,
    httpStatuses: statuses,
    seconds,
    perSecond: results.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errorSamples,
  };
}

async function warmUp(url) {
  for (let i = 0; i < WARMUP; i++) {
    const a = await register(url, "bench-warm", `warm-${i}`);
    await a.arrayBuffer();
    const b = await reference(url);
    await b.arrayBuffer();
    if (a.status !== 201 || b.status !== 201) throw new Error(`warm-up failed: registration ${a.status}, reference ${b.status}`);
  }
}

/**
 * No overselling: the read-back confirmed count is exactly the capacity (or every request, if
 * fewer), no response claimed more, and waitlist positions are distinct. With no failed
 * requests the outcome must also be exact: 500 confirmed responses and positions 1..N-500
 * without gaps. (A failed request may still have committed, so then gaps are tolerated.)
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

function printTable(reg, ref) {
  const rows = [
    ["", "registrations", "reference batch"],
    ["requests", String(reg.requests), String(ref.requests)],
    ["errors (non-201)", String(reg.errors), String(ref.errors)],
    ["of them 5xx or no answer", String(reg.serverErrors), String(ref.serverErrors)],
    ["duration s", fmt(reg.seconds, 2), fmt(ref.seconds, 2)],
    ["requests/s", fmt(reg.perSecond), fmt(ref.perSecond)],
    ["p50 ms", fmt(reg.p50), fmt(ref.p50)],
    ["p95 ms", fmt(reg.p95), fmt(ref.p95)],
    ["p99 ms", fmt(reg.p99), fmt(ref.p99)],
    ["workerd CPU ms/request", fmt(reg.cpuMsPerRequest, 2), fmt(ref.cpuMsPerRequest, 2)],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `  ${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padStart(widths[2])}`;
  console.log(line(rows[0]));
  console.log(`  ${"-".repeat(widths[0] + widths[1] + widths[2] + 4)}`);
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
        await page.goto(`${url}/event?slug=bench-burst`, { waitUntil: "commit", timeout: FORM_TIMEOUT_MS });
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
    `  registration form usable (Chromium, ${SLOW.latencyMs} ms RTT, ${SLOW.downKbit} kbit/s, CPU ÷${SLOW.cpuSlowdown}, cold cache, /event?slug=bench-burst):`,
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

async function main() {
  persistTo = mkdtempSync(join(tmpdir(), "zusammen-bench-"));
  console.log(`zusammen bench: ${requests} requests per burst, ${concurrency} in flight`);
  const t0 = performance.now();
  // Rate limits off: the benchmark is one client address sending bursts on purpose.
  server = await startLocalServer({ port, persistTo, seed: false, extraSql: benchSql(), stdio: verbose ? "inherit" : "pipe", vars: { RATE_LIMITS: "off" } });
  const { url } = server;
  console.log(`server up at ${url} after ${fmt((performance.now() - t0) / 1000, 1)} s; warming up (${WARMUP} requests per route)`);
  await warmUp(url);
  // The pages first, on a quiet server (and so that the form is the normal one, not the waitlist's).
  const weights = skipPages ? null : pageWeights();
  const readiness = skipPages ? null : await formReadiness(url);

  const runId = Date.now().toString(36);
  const regRun = await burst(requests, concurrency, (i) => register(url, "bench-burst", `${runId}-${i}`), { keepBody: true });
  const refRun = await burst(requests, concurrency, () => reference(url));

  const eventResponse = await fetch(`${url}/api/events/bench-burst`);
  const placesLeft = eventResponse.ok ? (await eventResponse.json()).event?.registration?.placesLeft ?? null : null;

  const reg = summarize(regRun);
  const ref = summarize(refRun);
  const capacity = checkCapacity(regRun, placesLeft);
  const throughputRatio = reg.perSecond / ref.perSecond;
  const p50Ratio = reg.p50 / ref.p50;

  console.log("");
  printTable(reg, ref);
  console.log("");
  const statusText = Object.entries(capacity.byStatus).map(([s, n]) => `${s} ${n}`).join(", ") || "none";
  console.log(`  registration outcomes:   ${statusText}`);
  if (reg.errors > 0) console.log(`  registration HTTP codes: ${JSON.stringify(reg.httpStatuses)}`);
  if (ref.errors > 0) console.log(`  reference HTTP codes:    ${JSON.stringify(ref.httpStatuses)}`);
  for (const [name, s] of [["registration", reg], ["reference", ref]])
    for (const sample of s.errorSamples) console.log(`  ${name} error sample: ${sample}`);
  console.log(`  confirmed (read back):   ${capacity.confirmedReadBack ?? "?"} of ${CAPACITY} (expected ${capacity.expectedConfirmed})`);
  console.log(
    `  waitlist positions:      ${capacity.waitlisted} returned (expected 1..${capacity.expectedWaitlisted}); distinct: ${capacity.distinct ? "yes" : "no"}, 1..${capacity.waitlisted} without gaps: ${capacity.noGaps ? "yes" : "no"}`,
  );
  if (capacity.failed > 0)
    console.log(`  (${capacity.failed} registration requests failed and may have committed: exactness not checkable, only no overselling)`);
  console.log(`  capacity held:           ${capacity.held ? "yes" : "no"}`);
  console.log("");
  console.log(`  throughput ratio: registrations/s ÷ reference/s = ${fmt(throughputRatio, 3)}`);
  console.log(`  p50 ratio:        registration p50 ÷ reference p50 = ${fmt(p50Ratio, 2)}`);
  console.log(`  → a registration costs ${fmt(1 / throughputRatio, 1)} reference batch writes (by throughput), ${fmt(p50Ratio, 1)} by p50 latency`);

  if (!skipPages) printPages(weights, readiness);

  const ok = capacity.held && reg.errors === 0 && ref.errors === 0;
  if (json) {
    const round = (s) => ({ ...s, seconds: +s.seconds.toFixed(3), perSecond: +s.perSecond.toFixed(1), p50: +s.p50.toFixed(2), p95: +s.p95.toFixed(2), p99: +s.p99.toFixed(2) });
    console.log(
      JSON.stringify({
        requests,
        concurrency,
        registrations: round(reg),
        reference: round(ref),
        capacity: { capacity: CAPACITY, ...capacity },
        throughputRatio: +throughputRatio.toFixed(4),
        p50Ratio: +p50Ratio.toFixed(3),
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
