import { defineConfig } from "drizzle-kit";

// drizzle-kit writes flat NNNN_name.sql files that `wrangler d1 migrations apply` applies as they are.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
