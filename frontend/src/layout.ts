/**
 * The frame of every page: skip link, header with the language choice, main, footer.
 * A page gives a title and a render function; on a change of language the whole page is
 * rendered again in the new language (the API returns texts in the language, too), with
 * what the person typed kept (form-memory.ts), and the address keeps the language (`?lang=`)
 * so that a reload or a copied link opens in it.
 */
import { focusOn, h } from "./dom";
import { asFailure } from "./api";
import { restoreForms, snapshotForms } from "./form-memory";
import { LANG_PARAM, LOCALE_NAMES, LOCALES, chosenLocale, initialLocale, isLocale, t, useLocale, type Locale, type WebKey } from "./i18n";

export type Page = {
  title: () => string;
  render: (main: HTMLElement) => void | Promise<void>;
};

let current: Page | null = null;

export async function startPage(page: Page): Promise<void> {
  current = page;
  await useLocale(initialLocale());
  await renderPage(page);
}

/** The address with `?lang=` set to the language shown, so a reload or a shared link opens in it. */
function keepLanguageInAddress(locale: Locale): void {
  const url = new URL(location.href);
  if (url.searchParams.get(LANG_PARAM) === locale) return;
  url.searchParams.set(LANG_PARAM, locale);
  history.replaceState(history.state, "", url);
}

/**
 * Shows the page in `locale` (not remembered for other pages): the manage and data pages use
 * it for the language stored with the registration. Returns false when it is shown already.
 */
export async function showInLocale(locale: Locale): Promise<boolean> {
  if (!current || locale === chosenLocale()) return false;
  await useLocale(locale);
  await renderPage(current);
  return true;
}

async function renderPage(page: Page, focusLanguage = false): Promise<void> {
  const typed = snapshotForms(document);
  const main = h("main", { id: "main", tabindex: "-1" });
  const languageSelect = h(
    "select",
    {
      id: "language",
      name: "language",
      onchange: async (event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (!isLocale(value)) return;
        await useLocale(value, true);
        keepLanguageInAddress(value);
        await renderPage(page, true);
      },
    },
    LOCALES.map((locale) =>
      h("option", { value: locale, lang: locale, selected: locale === chosenLocale() }, LOCALE_NAMES[locale]),
    ),
  );
  const header = h(
    "header",
    { class: "site-header" },
    h(
      "div",
      { class: "wrap header-row" },
      h(
        "a",
        { class: "brand", href: "/" },
        h("span", { class: "brand-name" }, t("site.name")),
        h("span", { class: "brand-tagline" }, t("site.tagline")),
      ),
      h("div", { class: "language" }, h("label", { for: "language" }, t("site.language")), languageSelect),
    ),
  );
  const footer = h(
    "footer",
    { class: "site-footer" },
    h(
      "div",
      { class: "wrap" },
      h(
        "nav",
        { "aria-label": t("site.footer_nav") },
        h(
          "ul",
          { class: "footer-links" },
          footerLink("/", "site.footer_events"),
          footerLink("/lost-link", "site.footer_lost_link"),
          footerLink("/privacy", "site.footer_privacy"),
          footerLink("/accessibility", "site.footer_accessibility"),
        ),
      ),
      h("p", null, t("site.footer_org")),
    ),
  );
  const skip = h("a", { class: "skip-link", href: "#main" }, t("site.skip"));
  document.body.replaceChildren(skip, header, h("div", { class: "wrap" }, main), footer);
  document.title = `${page.title()} – ${t("site.name")}`;
  if (focusLanguage) languageSelect.focus();
  await page.render(main);
  restoreForms(main, typed);
  // The page may have found a better title (an event's name) while rendering.
  document.title = `${page.title()} – ${t("site.name")}`;
}

/** A footer link; the link to the page one is on says so (aria-current). */
function footerLink(href: string, key: WebKey): HTMLElement {
  const current = location.pathname.replace(/\.html$/, "").replace(/\/index$/, "/") === href;
  return h("li", null, h("a", { href, "aria-current": current ? "page" : null }, t(key)));
}

/** A "loading" line that screen readers announce, to be replaced by the content. */
export function loadingNote(): HTMLElement {
  return h("p", { class: "loading", role: "status" }, t("common.loading"));
}

/** A failed load: the message, and a retry button where retrying can help. */
export function failureBlock(error: unknown, retry?: () => void): HTMLElement {
  const failure = asFailure(error);
  const canRetry = retry && (failure.status === 0 || failure.status >= 500);
  const block = h(
    "div",
    { class: "notice notice-error", role: "alert" },
    h("p", null, failure.message),
    canRetry ? h("button", { type: "button", class: "button button-secondary", onclick: () => retry() }, t("common.retry")) : null,
    h("p", null, h("a", { href: "/" }, t("common.back_to_list"))),
  );
  return block;
}

export { focusOn };
