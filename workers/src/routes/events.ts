import { Hono } from "hono";
import type { AppBindings } from "../env";
import { eventCalendar, listPublicEvents, loadPublicEvent, presentEvent, presentEventDetail } from "../domain/events/public";
import { registerForEvent } from "../domain/registrations/register";
import { domainContext, readJson } from "../lib/http";

export const eventRoutes = new Hono<AppBindings>()
  .get("/", async (c) => {
    const now = Date.now();
    const loaded = await listPublicEvents(c.env, now);
    return c.json({ events: loaded.map((event) => presentEvent(event, c.var.locale, now)) });
  })
  .get("/:slug", async (c) => {
    const now = Date.now();
    return c.json({ event: presentEventDetail(await loadPublicEvent(c.env, c.req.param("slug")), c.var.locale, now) });
  })
  .get("/:slug/calendar.ics", async (c) => {
    const ics = await eventCalendar(c.env, c.req.param("slug"), c.var.locale);
    return c.body(ics, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${c.req.param("slug").replace(/[^a-z0-9-]/gi, "")}.ics"`,
    });
  })
  .post("/:slug/registrations", async (c) => {
    const body = await readJson(c);
    const key = c.req.header("idempotency-key")?.slice(0, 200) || null;
    const result = await registerForEvent(domainContext(c), c.req.param("slug"), body, key);
    c.header("Cache-Control", "no-store");
    return c.json(result, 201);
  });
