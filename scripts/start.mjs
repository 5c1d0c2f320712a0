#!/usr/bin/env node
/** `npm start`: builds the frontend, prepares the local D1 with demo data and serves everything on :8787. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startLocalServer } from "./local-server.mjs";

const port = Number(process.env.PORT ?? 8787);

execFileSync(process.execPath, [fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url)), "build", "--config", "frontend/vite.config.ts", "--logLevel", "warn"], {
  stdio: "inherit",
});
const server = await startLocalServer({ port, persistTo: ".wrangler/state", stdio: "inherit" });
console.log(`
zusammen is running on ${server.url}
  events          ${server.url}/
  dev mailbox     ${server.url}/dev/mailbox
  API             ${server.url}/api/events   (OpenAPI: ${server.url}/api/openapi.json)
Press Ctrl+C to stop.`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
