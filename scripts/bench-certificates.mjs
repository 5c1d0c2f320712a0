#!/usr/bin/env node
/**
 * `npm run bench:certificates`: what issuing certificates costs.
 *
 * 1. CPU time of rendering ONE certificate PDF (pdf-lib + fontkit, fonts embedded and
 *    subset, Arabic shaped): the Worker's own render code, bundled for Node with Vite and
 *    timed with process.cpuUsage() (V8 in Node, as in workerd), cold and warm.
 * 2. A local server (scripts/local-server.mjs) with an event of N participants (default 300, BENCH_N), all of
 *    them attending every date: the time from "issue to all eligible" to the last
 *    "certificate_issued" email in the dev mailbox (outbox → queue → render → mailbox), and
 *    the time to download (render) every participant's PDF, 4 at a time.
 *
 * Every answer of the server is counted by status; any 5xx fails the run (exit code 1).
 * `--cpu-only` measures part 1 only. Everything runs on this machine (loopback only) and
 * stops by itself.
 */
import { createHash, createHmac } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { startLocalServer } from "./local-server.mjs";
import { cpuMs, importForNode } from "./node-bundle.mjs";

const N = Number(process.env.BENCH_N ?? 300);
const root = fileURLToPath(new URL("..", import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

/* ---------- 1. CPU time of one render ---------- */

async function renderCpu() {
  // The API Worker's content (words, translations, links) and the documents Worker's layout,
  // bundled together for Node; the fonts are the documents Worker's Data modules.
  const { render } = await importForNode(`import { certificateContent } from "${root}workers/src/domain/certificates/render.ts";
import { renderCertificate } from "${root}workers/documents/certificate.ts";
export const render = (env, certificate) => renderCertificate(certificateContent(env, certificate));`);
  const env = { PUBLIC_URL: "https://zusammen.example" };
  const certificate = (name, locale) => ({
    code: "7K3M-Q9XD-2RTB-HW4E",
    issuedAt: Date.now(),
    facts: {
      name,
      eventTitle: "Qualifizierungsreihe für Migrantenorganisationen",
      dates: ["2026-05-14", "2026-06-28", "2026-09-24"],
      hours: 11,
      organiser: "Kommunales Integrationszentrum Düsseldorf",
      signer: { name: "Dr. Selin Aydın", role: "Leitung Kommunales Integrationszentrum" },
      locale,
    },
  });
  const cpu = async (name, locale) => {
    const { ms, value } = await cpuMs(() => render(env, certificate(name, locale)));
    return { ms, bytes: value.length };
  };
  const cold = await cpu("Ğül Öztürk", "tr");
  const results = {};
  for (const [name, locale] of [["Ğül Öztürk", "tr"], ["Олена Коваленко", "uk"], ["محمد الأحمد", "ar"], ["Amira Beispiel", "de"]]) {
    const runs = [];
    let size = 0;
    for (let i = 0; i < 15; i++) {
      const run = await cpu(name, locale);
      runs.push(run.ms);
      size = run.bytes;
    }
    results[locale] = { median: median(runs), size };
  }
  return { cold, results };
}

/* ---------- 2. Issuing N certificates through the real pipeline ---------- */

const HOUR = 3_600_000;

function setupSql(n) {
  const start = Date.now() + 7 * 24 * HOUR;
  const lines = [
    `INSERT INTO events (id, organisation_id, slug, format, status, texts, registration_mode, max_places_per_registration, email_confirmation, certificate_rule, certificate_signer, allow_late_registration)
     VALUES (9000, (SELECT MIN(id) FROM organisations), 'bench-certificates', 'series', 'published', '{"de":{"title":"Benchmark: Qualifizierungsreihe"}}', 'open', 1, 0,
             '{"kind":"all_sessions"}', '{"name":"Dr. Selin Aydın","role":"Leitung"}', 1);`,
    `INSERT INTO capacity_pools (event_id, kind, key, capacity) VALUES (9000, 'event', 'main', ${n + 10});`,
  ];
  for (let i = 0; i < 3; i++) {
    lines.push(`INSERT INTO sessions (id, event_id, starts_at, ends_at) VALUES (${9000 + i}, 9000, ${start + i * 7 * 24 * HOUR}, ${start + i * 7 * 24 * HOUR + 3 * HOUR});`);
  }
  return lines.join("\n");
}

/** Manage tokens as the Worker derives them (HMAC of the nonce with the development secret of env.ts). */
function registrationTokens(n) {
  const secret = /const DEV_TOKEN_SECRET = "([^"]+)"/.exec(readFileSync(`${root}workers/src/env.ts`, "utf8"))[1];
  return Array.from({ length: n }, (_, i) => {
    const nonce = `bench-nonce-${i}-${Math.random().toString(36).slice(2)}`;
    const token = createHmac("sha256", secret).update(`manage:${nonce}`).digest("base64url");
    return { nonce, token, hash: createHash("sha256").update(token).digest("base64url") };
  });
}

const NAMES = ["Ğül Öztürk", "Олена Коваленко", "محمد الأحمد", "Amira Haddad"];
const LOCALES = ["tr", "uk", "ar", "de"];

function registrationsSql(tokens, offset) {
  const rows = tokens.map(({ nonce, hash }, j) => {
    const i = offset + j;
    return `(9000, (SELECT id FROM capacity_pools WHERE event_id = 9000), 'confirmed', 1, '${NAMES[i % 4]} ${i}', 'bench${i}@example.org', 'bench${i}@example.org', '${LOCALES[i % 4]}', '${nonce}', '${hash}', ${i + 1}, 'bench', 0)`;
  });
  return `INSERT INTO registrations (event_id, pool_id, status, places, name, email, email_normalized, locale, token_nonce, manage_token_hash, queue_order, consent_version, consent_at) VALUES ${rows.join(",\n")};`;
}

async function signIn(baseUrl, email) {
  const headers = { origin: baseUrl, "content-type": "application/json" };
  await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers, body: JSON.stringify({ email }) });
  let token;
  for (let i = 0; i < 200 && !token; i++) {
    const { messages } = await (await fetch(`${baseUrl}/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
    token = messages.map((m) => /\/console\/sign-in#([A-Za-z0-9_-]{43})/.exec(m.text)?.[1]).find(Boolean);
    if (!token) await new Promise((r) => setTimeout(r, 200));
  }
  if (!token) throw new Error("no sign-in email arrived");
  const verified = await fetch(`${baseUrl}/api/auth/verify`, { method: "POST", headers, body: JSON.stringify({ token }) });
  const cookie = verified.headers.get("set-cookie").split(";")[0];
  const { csrfToken } = await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json();
  return { cookie, origin: baseUrl, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

/** Runs `task` over items with `width` in flight. */
async function pool(items, width, task) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await task(items[next++]);
  }));
}

/** Every answer of the server by status ("fetch failed" for no answer at all). */
const statuses = {};
async function counted(url, init) {
  try {
    const response = await fetch(url, init);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    return response;
  } catch (error) {
    statuses["fetch failed"] = (statuses["fetch failed"] ?? 0) + 1;
    throw error;
  }
}
const serverErrors = () => Object.entries(statuses).filter(([status]) => !(Number(status) < 500)).reduce((sum, [, count]) => sum + count, 0);

async function issueMany(n) {
  const persistTo = `.wrangler/bench-certificates-${Date.now()}`;
  // Everything is written before the server starts, through wrangler d1 execute.
  const tokens = registrationTokens(n);
  const registrations = Array.from({ length: Math.ceil(n / 100) }, (_, k) => registrationsSql(tokens.slice(k * 100, k * 100 + 100), k * 100));
  const attendance = `INSERT INTO attendance (registration_id, session_id, places, checked_in_at) SELECT r.id, s.id, 1, 0 FROM registrations r JOIN sessions s ON s.event_id = r.event_id WHERE r.event_id = 9000;`;
  const server = await startLocalServer({ persistTo, extraSql: [setupSql(n), ...registrations, attendance].join("\n"), stdio: process.env.BENCH_VERBOSE ? "inherit" : "pipe" });
  const { url } = server;
  try {
    const headers = await signIn(url, "organisation@example.org");

    const started = performance.now();
    const issued = await (await counted(`${url}/api/console/events/9000/certificates/issue`, { method: "POST", headers, body: "{}" })).json();
    const answered = performance.now() - started;
    // Every address has its certificate email (asked in order; the queue delivers in batches).
    for (let i = 0; i < n; i++) {
      for (;;) {
        const { messages } = await (await counted(`${url}/api/dev/mailbox?to=bench${i}@example.org`, { signal: AbortSignal.timeout(30_000) })).json();
        if (messages.some((m) => /\/manage#/.test(m.text))) break;
        if (performance.now() - started > 600_000) throw new Error(`no certificate email for bench${i} after 10 minutes`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const delivered = performance.now() - started;
    const inMailbox = n;
    console.log(`  POST …/certificates/issue answered in ${ms(answered)}: ${JSON.stringify(issued)}`);
    console.log(`  all ${inMailbox} certificate emails in the dev mailbox after ${(delivered / 1000).toFixed(1)} s`);

    // Every participant downloads the PDF (rendered on request), 4 at a time.
    const pdfTimes = [];
    const links = tokens.map((t) => t.token);
    const downloadStart = performance.now();
    await pool(links, 4, async (token) => {
      const t0 = performance.now();
      const response = await counted(`${url}/api/registrations/${token}/certificate.pdf`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`certificate.pdf: ${response.status}`);
      pdfTimes.push(performance.now() - t0);
    });
    const downloaded = performance.now() - downloadStart;
    return { issued, answered, delivered, inMailbox, downloads: links.length, downloaded, pdfMedian: median(pdfTimes), pdfP95: [...pdfTimes].sort((a, b) => a - b)[Math.floor(pdfTimes.length * 0.95)] };
  } finally {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

const cpu = await renderCpu();
console.log("CPU time of rendering one certificate (Node, the Worker's code and fonts):");
console.log(`  first render (cold: font parsing, code warm-up): ${ms(cpu.cold.ms)}`);
for (const [locale, r] of Object.entries(cpu.results)) console.log(`  ${locale}: median ${ms(r.median)} over 15 renders, ${(r.size / 1024).toFixed(1)} KiB`);

if (process.argv.includes("--cpu-only")) process.exit(0);

console.log(`\nIssuing ${N} certificates on a local server (render + outbox + queue → dev mailbox):`);
const result = await issueMany(N);
console.log(`  ${result.downloads} PDFs downloaded (rendered on request by the documents Worker, 4 at a time) in ${(result.downloaded / 1000).toFixed(1)} s: median ${ms(result.pdfMedian)}, p95 ${ms(result.pdfP95)} per PDF`);
console.log(`  server answers by status: ${JSON.stringify(statuses)}; 5xx or none: ${serverErrors()}`);
process.exit(serverErrors() === 0 ? 0 : 1);
