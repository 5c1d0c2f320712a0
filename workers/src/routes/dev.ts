/**
 * The dev mailbox: in development mode without a Resend key every email lands in D1 and is
 * shown here. Development mode is explicit and local only (env.ts isDevMode): anywhere else,
 * and as soon as a Resend key is configured, these routes answer 404.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import * as z from "zod/mini";
import { usesDevMailbox, type AppBindings } from "../env";
import { NotFoundError } from "../lib/errors";
import { EMAIL_TEMPLATES, LOCALES, type EmailTemplate } from "../../../db/schema";
import { isStaffTemplate, renderEmail, type EmailData, type StaffEmailData } from "../../../emails/render";
import { sampleData, sampleExtras, sampleStaffData } from "../../../emails/components/sample";
import { isLocale } from "../i18n";
import { queryParams } from "../http/request";
import { access } from "../http/access";
import { describe } from "../http/openapi";
import { devMailbox } from "./schemas";
import type { StoredDevMail } from "../../../db/rows";

const devOnly = { 404: "Not in development mode (DEV_MODE=local with a local PUBLIC_URL, and no Resend key)" };

type MailRow = Pick<StoredDevMail, "id" | "toAddress" | "subject" | "html" | "text" | "attachments" | "createdAt">;

async function mailbox(db: D1Database, to: string | undefined): Promise<MailRow[]> {
  const query = `SELECT id, to_address AS toAddress, subject, html, text, attachments, created_at AS createdAt
                 FROM dev_mailbox ${to ? "WHERE to_address = ?1 COLLATE NOCASE" : ""} ORDER BY id DESC LIMIT 200`;
  const statement = db.prepare(query);
  const { results } = await (to ? statement.bind(to) : statement).all<MailRow>();
  return results;
}

type StoredAttachment = { filename: string; contentType: string; content: string; contentId?: string };

/**
 * The message's HTML as a mail client shows it: `cid:` references point at the inline parts
 * of the same message (the check-in QR code), here as data: URIs of the stored attachments.
 */
function resolvedHtml(row: MailRow): string {
  const inline = new Map((JSON.parse(row.attachments) as StoredAttachment[]).filter((a) => a.contentId).map((a) => [a.contentId!, a]));
  return row.html.replace(/(["'])cid:([^"']+)\1/g, (whole, quote: string, id: string) => {
    const part = inline.get(id);
    return part ? `${quote}data:${part.contentType};base64,${part.content}${quote}` : whole;
  });
}

const mailboxQuery = z.object({ to: z.optional(z.string().check(z.maxLength(254), z.describe("Only messages to this address (any case)"))) });

export const devApiRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    if (!usesDevMailbox(c.env)) throw new NotFoundError();
    await next();
  })
  // Benchmark reference: one D1 batch with one write, the floor a registration is compared to.
  .post(
    "/bench/batch-write",
    access("public"),
    describe({ summary: "Benchmark reference: one D1 batch with one write (development mode only)", tags: ["dev"], responses: { 201: z.object({ ok: z.literal(true) }) }, errors: devOnly }),
    async (c) => {
      await c.env.DB.batch([
        c.env.DB.prepare(`INSERT INTO audit_log (at, actor, action, details) VALUES (?1, 'system', 'bench.reference', '{}')`).bind(Date.now()),
      ]);
      return c.json({ ok: true as const }, 201);
    },
  )
  .get(
    "/mailbox",
    access("public"),
    queryParams(mailboxQuery),
    describe({ summary: "Every email sent, newest first (development mode only, without RESEND_API_KEY)", tags: ["dev"], responses: { 200: devMailbox }, errors: devOnly }),
    async (c) => {
      const rows = await mailbox(c.env.DB, c.req.valid("query").to || undefined);
      return c.json({
        messages: rows.map((m) => ({
          id: m.id,
          to: m.toAddress,
          subject: m.subject,
          html: m.html,
          text: m.text,
          attachments: JSON.parse(m.attachments) as unknown[],
          createdAt: new Date(m.createdAt).toISOString(),
        })),
      });
    },
  );

/** The dev pages (HTML; not part of the API document). */
export const devPageRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    if (!usesDevMailbox(c.env)) return c.notFound();
    await next();
  })
  .get("/mailbox", async (c) => {
    const to = c.req.query("to") || undefined;
    const rows = await mailbox(c.env.DB, to);
    // Email HTML carries inline styles: this dev-only page allows them, nothing else.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'");
    // Each message's HTML is shown in a sandboxed iframe (no scripts, no same-origin access).
    return c.html(html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Dev mailbox – zusammen</title>
        </head>
        <body>
          <main>
            <h1>Dev mailbox</h1>
            <p>Development mode without <code>RESEND_API_KEY</code>: emails are stored here. Newest first.</p>
            <form method="get"><label>Recipient <input name="to" type="email" value="${to ?? ""}" /></label> <button>Filter</button></form>
            ${rows.length === 0 ? html`<p>No messages.</p>` : ""}
            ${rows.map((m) => {
              const attachments = (JSON.parse(m.attachments) as StoredAttachment[]).filter((a) => !a.contentId);
              return html`<article>
                <h2>${m.subject}</h2>
                <p>To: ${m.toAddress} · ${new Date(m.createdAt).toISOString()} · <a href="/dev/mailbox/${m.id}/message.html">open</a></p>
                <details><summary>HTML</summary><iframe title="${m.subject}" sandbox srcdoc="${resolvedHtml(m)}"></iframe></details>
                <details><summary>Text</summary><pre>${m.text}</pre></details>
                ${attachments.length
                  ? html`<ul>${attachments.map(
                      (a) => html`<li><a download="${a.filename}" href="data:${a.contentType};base64,${a.content}">${a.filename}</a></li>`,
                    )}</ul>`
                  : ""}
              </article>`;
            })}
          </main>
        </body>
      </html>`);
  })
  // One message's HTML on its own, inline images in place, as a mail client shows it.
  .get("/mailbox/:id/message.html", async (c) => {
    const row = await c.env.DB.prepare(
      `SELECT id, to_address AS toAddress, subject, html, text, attachments, created_at AS createdAt FROM dev_mailbox WHERE id = ?1`,
    )
      .bind(Number(c.req.param("id")) || 0)
      .first<MailRow>();
    if (!row) return c.notFound();
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https: http:; frame-ancestors 'self'");
    return c.html(resolvedHtml(row));
  })
  // Every template in every locale with sample data (dev only, like the mailbox).
  .get("/emails", (c) => {
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Email previews – zusammen</title>
        </head>
        <body>
          <main>
            <h1>Email previews</h1>
            <p>Every template in every locale, rendered with sample data. Nothing is sent.</p>
            <table>
              <thead>
                <tr>
                  <th>Template</th>
                  ${LOCALES.map((locale) => html`<th>${locale}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${EMAIL_TEMPLATES.map(
                  (template) => html`<tr>
                    <th scope="row">${template}</th>
                    ${LOCALES.map(
                      (locale) =>
                        html`<td><a href="/dev/emails/${template}/${locale}">HTML</a> · <a href="/dev/emails/${template}/${locale}?format=text">text</a></td>`,
                    )}
                  </tr>`,
                )}
              </tbody>
            </table>
          </main>
        </body>
      </html>`);
  })
  .get("/emails/:template/:locale", async (c) => {
    const template = c.req.param("template") as EmailTemplate;
    const locale = c.req.param("locale");
    if (!(EMAIL_TEMPLATES as readonly string[]).includes(template) || !isLocale(locale)) return c.notFound();
    const mail = await renderEmail(template, locale, previewData(template));
    if (c.req.query("format") === "text") {
      return c.text(`Subject: ${mail.subject}\n\n${mail.text}`, 200, { "Content-Type": "text/plain; charset=utf-8" });
    }
    // The email's own HTML as the page: inline styles and images only, no scripts, no framing.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'self'");
    return c.html(mail.html);
  });

/** Sample data for a template's preview (the same the templates' PreviewProps use). */
function previewData(template: EmailTemplate): EmailData & StaffEmailData {
  if (isStaffTemplate(template)) return sampleStaffData as EmailData & StaffEmailData;
  return { ...sampleData, ...sampleExtras[template] } as EmailData & StaffEmailData;
}
