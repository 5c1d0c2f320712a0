/**
 * Console routes for the translations of an event's texts: the status of every text in every
 * language, and an organiser's correction (or approval) of one, which no machine overwrites.
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { LOCALES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import { listTranslations, reviewTranslation } from "../../domain/events/translation";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { domainContext, jsonBody } from "../../http/request";
import { NotFoundError } from "../../lib/errors";
import { isLocale } from "../../i18n/vocabulary";
import { consoleTranslationsResponse } from "../schemas";

const reviewBody = z.strictObject({
  field: z.string().check(z.minLength(1), z.maxLength(200)),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
});
const localeParam = { locale: { description: "The language of the translation (de, en, tr, ar, uk, ru)", schema: z.enum(LOCALES) } };
const tags = ["console"];

/** Routes under /api/console/events/{eventId}/translations. */
export const consoleTranslationRoutes = new Hono<AppBindings>()
  .get(
    "/:eventId/translations",
    access("event:manage"),
    describe({
      summary: "Every text of the event in every language, with its status: original, machine, reviewed or missing (and whether translation is configured)",
      tags,
      responses: { 200: consoleTranslationsResponse },
    }),
    async (c) => c.json({ translations: await listTranslations(c.env, c.var.eventId) }),
  )
  .put(
    "/:eventId/translations/:locale",
    access("event:manage"),
    jsonBody(reviewBody, { examples: [{ field: "title", text: "ورشة عمل قانون اللجوء" }] }),
    describe({
      summary: "Correct or approve the translation of one text into a language; stored as reviewed and never overwritten by a machine translation",
      tags,
      params: localeParam,
      responses: { 200: consoleTranslationsResponse },
      errors: { 409: "The organiser wrote this text in that language: edit the event instead" },
    }),
    async (c) => {
      const locale = c.req.param("locale");
      if (!isLocale(locale)) throw new NotFoundError();
      const { field, text } = c.req.valid("json");
      await reviewTranslation(domainContext(c), c.var.staff.id, c.var.eventId, locale, field, text);
      return c.json({ translations: await listTranslations(c.env, c.var.eventId) });
    },
  );
