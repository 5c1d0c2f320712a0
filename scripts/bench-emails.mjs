#!/usr/bin/env node
/**
 * Email benchmark: render plus send of N reminder emails (default 500) through the real
 * pipeline — cron writes the outbox rows, the queue consumer renders each one and sends them
 * with the resend SDK (batch endpoint for reminders) to a local stub of Resend's API.
 *
 * Starts the local server (scripts/local-server.mjs) with RESEND_API_KEY and RESEND_BASE_URL
 * pointing at the stub, loads one event with N confirmed registrations, runs the scheduled
 * handler once (its own minutely timer is off here), and prints the time until the stub has
 * received every email, the number of provider calls, whether any email arrived twice, the
 * scheduled run's outcome, and the CPU time workerd spent per email (an upper bound of the
 * Workers' CPU: local D1 runs in the same process). Exit code 1 if an email is missing or
 * doubled or the scheduled run failed.
 *
 * First, the CPU time of rendering one email (the react-email templates and renderEmail,
 * bundled for Node and timed with process.cpuUsage(): V8 as in workerd), per template and
 * language; `--render-only` stops there.
 *
 * Usage: node scripts/bench-emails.mjs [--emails N] [--json] [--render-only]   (npm run bench:emails)
 */
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runtimeCpuMs, startLocalServer } from "./local-server.mjs";
import { emailRenderCpu } from "./node-bundle.mjs";

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer`);
    process.exit(2);
  }
  return value;
}
const emails = option("emails", 500);
const json = process.argv.includes("--json");

/** A stand-in for api.resend.com: accepts /emails and /emails/batch, remembers what arrived. */
function startStub() {
  const received = new Map(); // to → count
  let calls = 0;
  let batchCalls = 0;
  let firstAt = null;
  let lastAt = null;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      calls += 1;
      const payload = JSON.parse(body || "null");
      const list = Array.isArray(payload) ? payload : [payload];
      if (Array.isArray(payload)) batchCalls += 1;
      for (const mail of list) received.set(mail.to, (received.get(mail.to) ?? 0) + 1);
      firstAt ??= performance.now();
      lastAt = performance.now();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(Array.isArray(payload) ? { data: list.map((_, i) => ({ id: `stub-${calls}-${i}` })) } : { id: `stub-${calls}` }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        stats: () => ({ received, calls, batchCalls, firstAt, lastAt }),
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}

function seedSql(count) {
  const startsAt = Date.now() + 3 * 3600_000; // the "2 days before" reminder is due now
  return `
INSERT INTO organisations (id, slug, name) VALUES (901, 'bench-mail-org', 'Bench');
INSERT INTO events (id, organisation_id, slug, format, status, texts, location, reminder_rules)
  VALUES (901, 901, 'bench-mail', 'workshop', 'published', '{"de":{"title":"Bench-Workshop"},"en":{"title":"Bench workshop"}}',
          '{"name":"Zentralbibliothek","address":"Konrad-Adenauer-Platz 1"}', '[{"kind":"before","minutes":2880}]');
INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (901, ${startsAt}, ${startsAt + 2 * 3600_000});
INSERT INTO capacity_pools (id, event_id, kind, key, capacity) VALUES (901, 901, 'event', 'main', ${count});
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
INSERT INTO registrations (event_id, pool_id, status, places, name, email, email_normalized, locale, token_nonce,
  manage_token_hash, queue_order, created_at, updated_at)
SELECT 901, 901, 'confirmed', 1, 'Bench ' || i, 'bench-' || i || '@example.org', 'bench-' || i || '@example.org',
  CASE i % 3 WHEN 0 THEN 'de' WHEN 1 THEN 'en' ELSE 'tr' END, 'nonce-' || i, 'hash-' || i, i, 0, 0 FROM n;`;
}

const rendering = await emailRenderCpu(["confirmed", "reminder", "certificate_issued"], ["de", "ar"]);
if (!json) {
  console.log("CPU time of rendering one email (Node, the Worker's templates):");
  for (const r of rendering) console.log(`  ${r.template} (${r.locale}): median ${r.median.toFixed(1)} ms over 15 renders`);
}
if (process.argv.includes("--render-only")) process.exit(0);

const persistTo = mkdtempSync(join(tmpdir(), "zusammen-bench-emails-"));
const stub = await startStub();
let server;
try {
  server = await startLocalServer({
    persistTo,
    seed: false,
    extraSql: seedSql(emails),
    stdio: process.argv.includes("--verbose") ? "inherit" : "pipe",
    crons: false,
    vars: { RESEND_API_KEY: "re_bench", RESEND_BASE_URL: stub.url, TOKEN_SECRET: "bench-secret-not-for-production" },
  });
  const cpuBefore = runtimeCpuMs();
  const t0 = performance.now();
  const outcome = await server.runScheduled();
  const cronMs = performance.now() - t0;
  const deadline = Date.now() + 180_000;
  while (stub.stats().received.size < emails && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const cpuMs = runtimeCpuMs() - cpuBefore;
  const { received, calls, batchCalls, lastAt } = stub.stats();
  const duplicates = [...received.values()].filter((c) => c > 1).length;
  const seconds = ((lastAt ?? performance.now()) - t0) / 1000;
  const result = {
    emails,
    delivered: received.size,
    duplicates,
    providerCalls: calls,
    batchCalls,
    scheduledOutcome: outcome,
    cronSeconds: Number((cronMs / 1000).toFixed(2)),
    seconds: Number(seconds.toFixed(2)),
    emailsPerSecond: Number((received.size / seconds).toFixed(1)),
    workerdCpuMsPerEmail: Number((cpuMs / Math.max(1, received.size)).toFixed(2)),
  };
  if (json) console.log(JSON.stringify({ ...result, renderCpu: rendering }));
  else {
    console.log(`Reminder emails: ${result.delivered}/${emails} delivered to the stub, ${duplicates} twice`);
    console.log(`  cron (write ${emails} outbox rows + enqueue): ${result.cronSeconds} s, outcome ${outcome}`);
    console.log(`  cron start → last email at the stub:        ${result.seconds} s (${result.emailsPerSecond} emails/s)`);
    console.log(`  provider calls: ${calls} (${batchCalls} batch calls)`);
    console.log(`  workerd CPU per email (cron + render + send, with local D1): ${result.workerdCpuMsPerEmail} ms`);
  }
  if (received.size < emails || duplicates > 0 || outcome !== "ok") process.exitCode = 1;
} finally {
  await server?.stop();
  await stub.close();
  rmSync(persistTo, { recursive: true, force: true });
}
