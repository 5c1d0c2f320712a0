#!/usr/bin/env node
/**
 * `npm start`: builds the frontend, prepares the local D1 with demo data and serves the whole
 * product on :8787 (PORT): both Workers, the mail queue, the dev mailbox, and the Cron
 * Triggers every minute. Source changes rebuild and reload the Workers.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startLocalServer } from "./local-server.mjs";

const port = Number(process.env.PORT ?? 8787);

execFileSync(process.execPath, [fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url)), "build", "--config", "frontend/vite.config.ts", "--logLevel", "warn"], {
  stdio: "inherit",
});
const server = await startLocalServer({ port, persistTo: ".wrangler/state", stdio: "inherit", watchSources: true });
console.log(`
zusammen is running on ${server.url}
  events          ${server.url}/
  console         ${server.url}/console/   (status of mail and scheduled jobs: /console/status)
  dev mailbox     ${server.url}/dev/mailbox
  API             ${server.url}/api/events   (OpenAPI: ${server.url}/api/openapi.json)
The scheduled jobs run at the start of every minute, as Cron Triggers do in production.
Press Ctrl+C to stop.`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
