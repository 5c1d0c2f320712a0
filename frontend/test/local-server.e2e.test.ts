/**
 * The local server behaves like production, against the real thing (scripts/local-server.mjs
 * run as its own process, with the demo seed):
 * - the client address reaches the Worker as CF-Connecting-IP, so per-address limits apply;
 * - after a hard crash (SIGKILL of the whole process group) with confirmation emails still
 *   queued, the queue's messages are gone, and after a restart on the same state the outbox
 *   sweep of the scheduled handler brings every email to the dev mailbox exactly once;
 * - the scheduled handler runs by itself at the start of every minute (the status page shows
 *   the run).
 *
 * The first server runs without queue consumers, so the crash comes between the commit of the
 * registrations (with their outbox rows) and the delivery, the window in which a crash loses
 * queue messages. The scheduled runs after the restart are sent with a clock two and ten
 * minutes ahead (the sweep re-sends what waited over a minute), instead of waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailbox, signInToken, waitForMail, type MailboxMessage } from "./e2e";

type Child = {
  pid: number;
  exitCode: number | null;
  send(message: unknown): void;
  on(event: "message", listener: (message: Record<string, unknown>) => void): void;
  on(event: "exit", listener: () => void): void;
  off(event: "message", listener: (message: Record<string, unknown>) => void): void;
};
type ChildProcess = { fork(path: string, args: string[], options: Record<string, unknown>): Child };
type Fs = { rmSync(path: string, options: { recursive: boolean; force: boolean }): void; readdirSync(path: string): string[]; readFileSync(path: string, encoding: "utf8"): string };
const nodeProcess = (globalThis as unknown as { process: { kill(pid: number, signal: string): void } }).process;

let childProcess: ChildProcess;
let fs: Fs;
const persistTo = `.wrangler/e2e/local-server-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const children: Child[] = [];

/** Starts `node scripts/local-server.mjs` in its own process group; resolves with its URL. */
async function startServer(args: string[] = []): Promise<{ child: Child; url: string }> {
  const child = childProcess.fork("scripts/local-server.mjs", ["--persist-to", persistTo, "--var", "MIN_FORM_FILL_MS=0", ...args], { detached: true, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the local server did not start within 120 s")), 120_000);
    child.on("message", (message) => {
      if (typeof message.ready === "string") {
        clearTimeout(timer);
        resolve(message.ready);
      }
    });
    child.on("exit", () => reject(new Error("the local server exited before it was ready")));
  });
  return { child, url };
}

/** SIGKILL to the process group: node and the workerd it started, nothing shut down cleanly. */
async function killHard(child: Child): Promise<void> {
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", resolve)));
  nodeProcess.kill(-child.pid, "SIGKILL");
  await exited;
}

/** Whether a process of the group still runs (workerd must not outlive the crash); zombies do not count. */
function groupAlive(pgid: number): boolean {
  return fs.readdirSync("/proc").some((name) => {
    if (!/^\d+$/.test(name)) return false;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const [state, , , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(group) === pgid && state !== "Z";
    } catch {
      return false;
    }
  });
}

/** Waits until no process of the group runs (a killed process is gone a moment after the signal). */
async function groupGone(pgid: number): Promise<boolean> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (!groupAlive(pgid)) return true;
  }
  return false;
}

/** Runs the scheduled handler in the server process with the clock at `time`. */
function runScheduled(child: Child, time: number): Promise<string> {
  return new Promise((resolve) => {
    const listener = (message: Record<string, unknown>) => {
      if (message.scheduled === time) {
        child.off("message", listener);
        resolve(String(message.outcome));
      }
    };
    child.on("message", listener);
    child.send({ scheduled: time });
  });
}

function register(url: string, email: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/events/asylrecht-workshop/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name: `Neustart ${email.split("@")[0]}`, email, locale: "de", consent: true }),
  });
}

const confirmations = (messages: MailboxMessage[]) => messages.filter((m) => /\/manage#/.test(m.text));

beforeAll(async () => {
  childProcess = (await import(/* @vite-ignore */ "node:child_process" as string)) as ChildProcess;
  fs = (await import(/* @vite-ignore */ "node:fs" as string)) as Fs;
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) await killHard(child).catch(() => {});
  fs?.rmSync(persistTo, { recursive: true, force: true });
});

describe("the local server, like production", () => {
  const run = Date.now().toString(36);
  const people = Array.from({ length: 5 }, (_, i) => `neustart-${run}-${i}@example.org`);
  const fromElsewhere = `neustart-${run}-anderswo@example.org`;
  let second: { child: Child; url: string };

  it("limits per client address locally too, and loses queued messages in a crash but not the emails", async () => {
    // Five sign-ups a minute per address, to see the limit without 60 requests.
    const first = await startServer(["--no-queue-consumers", "--var", "RATE_LIMITS=registration.ip=5/60"]);
    for (const email of people) expect((await register(first.url, email)).status).toBe(201);
    // The sixth from this machine's address is refused: the server set CF-Connecting-IP.
    expect((await register(first.url, `neustart-${run}-zuviel@example.org`)).status).toBe(429);
    // An address the client sends is kept (as Cloudflare keeps the real one): another person.
    expect((await register(first.url, fromElsewhere, { "cf-connecting-ip": "203.0.113.7" })).status).toBe(201);
    // Committed and queued, not delivered.
    for (const email of [...people, fromElsewhere]) expect(await mailbox(first.url, email)).toEqual([]);

    await killHard(first.child);
    expect(await groupGone(first.child.pid)).toBe(true);

    second = await startServer();
    const now = Date.now();
    // The sweep re-sends outbox rows that waited over a minute: the clock two minutes on.
    expect(await runScheduled(second.child, now + 2 * 60_000)).toBe("ok");
    for (const email of [...people, fromElsewhere]) await waitForMail(second.url, email, (m) => /\/manage#/.test(m.text));
    // Later runs (past the 5 minutes after which a send in progress counts as stuck) send nothing again.
    expect(await runScheduled(second.child, now + 10 * 60_000)).toBe("ok");
    expect(await runScheduled(second.child, now + 20 * 60_000)).toBe("ok");
    for (const email of [...people, fromElsewhere]) expect(confirmations(await mailbox(second.url, email)), email).toHaveLength(1);
    // The refused one stored nothing and gets nothing.
    expect(await mailbox(second.url, `neustart-${run}-zuviel@example.org`)).toEqual([]);
  }, 300_000);

  it("runs the scheduled jobs by itself at the start of every minute", async () => {
    const admin = "admin@example.org";
    const token = await signInToken(second.url, admin);
    const verified = await fetch(`${second.url}/api/auth/verify`, { method: "POST", headers: { "content-type": "application/json", origin: second.url }, body: JSON.stringify({ token }) });
    const cookie = verified.headers.get("set-cookie")!.split(";")[0]!;
    // The runs triggered above were stamped with clocks ahead; the minutely timer's own run
    // is stamped with the minute it starts at, which lies before them and after `since`.
    const since = Math.floor(Date.now() / 60_000) * 60_000;
    const deadline = Date.now() + 90_000;
    let runs: { job: string; lastRunAt: string }[] = [];
    while (Date.now() < deadline) {
      const { status } = (await (await fetch(`${second.url}/api/console/status`, { headers: { cookie } })).json()) as { status: { jobs: { job: string; lastRunAt: string }[] } };
      runs = status.jobs.filter((job) => {
        const at = Date.parse(job.lastRunAt);
        return at % 60_000 === 0 && at > since && at <= Date.now();
      });
      if (runs.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(runs.length, "a job run at a minute boundary after the server started").toBeGreaterThan(0);
  }, 180_000);
});
