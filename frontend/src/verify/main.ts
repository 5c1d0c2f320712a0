/**
 * `/verify/{code}` (and `/verify` with a form): whether a certificate is genuine and in
 * force, with only the facts printed on it. Reached from the QR code on the certificate;
 * the texts come from the certificate catalogue of the chosen language.
 */
import { api, ApiFailure } from "../api";
import { h, setChildren } from "./dom";
import { list, shownLocale } from "../i18n";
import { format, INTL_LOCALES } from "../../../workers/src/i18n/vocabulary";
import { DEFAULT_TIME_ZONE } from "../../../workers/src/lib/time-zone";
import { loadingNote, startPage } from "../layout";
import type { CertificateKey } from "../../../workers/src/i18n/de/certificate";

type Verification =
  | { status: "valid"; code: string; issuedAt: string; facts: { name: string; eventTitle: string; dates: string[]; hours: number; organiser: string; signer: { name: string; role: string } | null } }
  | { status: "revoked"; code: string; issuedAt: string; revokedAt: string };

const catalogues = import.meta.glob<Record<CertificateKey, string>>("../../../workers/src/i18n/*/certificate.ts", { import: "default" });
let texts: Partial<Record<CertificateKey, string>> = {};

async function loadTexts(): Promise<void> {
  const load = catalogues[`../../../workers/src/i18n/${shownLocale()}/certificate.ts`] ?? catalogues["../../../workers/src/i18n/de/certificate.ts"]!;
  texts = await load();
}

function v(key: CertificateKey, params: Record<string, string | number> = {}): string {
  return format(texts[key] ?? key, params);
}

/** A date as readers of the page's language write it ("12. Mai 2026", "12 May 2026", "12 травня 2026 р."); Western digits everywhere. */
function day(iso: string): string {
  // A certificate's dates are calendar days ("2026-05-12"): noon UTC is that day in Europe's zones.
  const ms = Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  const locale = shownLocale();
  return new Intl.DateTimeFormat(INTL_LOCALES[locale] ?? locale, { timeZone: DEFAULT_TIME_ZONE, dateStyle: "long", numberingSystem: "latn" }).format(ms);
}

/** The code in the address: /verify/7K3M-Q9XD-2RTB-HW4E (or ?code=…, from the form). */
function codeFromAddress(): string {
  const fromPath = decodeURIComponent(location.pathname.replace(/^\/verify\/?/, "").replace(/\.html$/, "")).trim();
  return fromPath || new URLSearchParams(location.search).get("code")?.trim() || "";
}

function fact(label: string, value: string | HTMLElement): HTMLElement[] {
  return [h("dt", null, label), h("dd", { dir: "auto" }, value)];
}

function result(verification: Verification): HTMLElement {
  if (verification.status === "revoked") {
    return h(
      "div",
      { class: "notice notice-error", "data-status": "revoked" },
      h("p", null, h("strong", null, v("certificate.verify_page.revoked", { date: day(verification.revokedAt) }))),
      h("p", null, `${v("certificate.verify_page.code")}: `, h("span", { dir: "ltr" }, verification.code)),
    );
  }
  const { facts } = verification;
  return h(
    "div",
    { "data-status": "valid" },
    h("p", { class: "notice notice-success" }, v("certificate.verify_page.valid")),
    h(
      "dl",
      { class: "facts" },
      fact(v("certificate.verify_page.name"), facts.name),
      fact(v("certificate.verify_page.event"), facts.eventTitle),
      facts.dates.length ? fact(v("certificate.verify_page.dates"), list(facts.dates.map(day))) : [],
      fact(v("certificate.verify_page.hours"), v("certificate.verify_page.hours_value", { hours: new Intl.NumberFormat(INTL_LOCALES[shownLocale()] ?? shownLocale(), { numberingSystem: "latn" }).format(facts.hours) })),
      fact(v("certificate.verify_page.organiser"), facts.organiser),
      facts.signer ? fact(v("certificate.verify_page.signer"), `${facts.signer.name}, ${facts.signer.role}`) : [],
      fact(v("certificate.verify_page.issued"), day(verification.issuedAt)),
      fact(v("certificate.verify_page.code"), h("span", { dir: "ltr" }, verification.code)),
    ),
    h("p", { class: "hint" }, v("certificate.verify_page.shown")),
  );
}

void startPage({
  title: () => v("certificate.verify_page.title"),
  async render(main) {
    await loadTexts();
    const code = codeFromAddress();
    const input = h("input", { type: "text", id: "code", name: "code", value: code, autocomplete: "off", autocapitalize: "characters", spellcheck: "false", dir: "ltr", "aria-describedby": "code-hint" });
    const outcome = h("div", { id: "verify-result", role: "status", "aria-live": "polite" });
    const check = async (value: string) => {
      if (!value) return setChildren(outcome);
      setChildren(outcome, loadingNote());
      outcome.firstElementChild!.textContent = v("certificate.verify_page.checking");
      try {
        const { certificate } = await api<{ certificate: Verification }>(`/api/certificates/${encodeURIComponent(value)}`);
        setChildren(outcome, result(certificate));
      } catch (error) {
        const unknown = error instanceof ApiFailure && error.status === 404;
        setChildren(
          outcome,
          h("p", { class: "notice notice-error", "data-status": unknown ? "unknown" : "failed" }, v(unknown ? "certificate.verify_page.unknown" : "certificate.verify_page.failed")),
        );
      }
    };
    setChildren(
      main,
      h("h1", { id: "verify" }, v("certificate.verify_page.title")),
      h("p", { class: "lead" }, v("certificate.verify_page.intro")),
      h(
        "form",
        {
          onsubmit: (event: Event) => {
            event.preventDefault();
            const value = input.value.trim();
            history.replaceState(null, "", value ? `/verify/${encodeURIComponent(value)}` : "/verify");
            void check(value);
          },
        },
        h(
          "div",
          { class: "field" },
          h("label", { for: "code" }, v("certificate.verify_page.code_label")),
          h("p", { class: "hint", id: "code-hint" }, v("certificate.verify_page.code_hint")),
          input,
        ),
        h("button", { type: "submit", class: "button" }, v("certificate.verify_page.submit")),
      ),
      outcome,
    );
    await check(code);
  },
});
