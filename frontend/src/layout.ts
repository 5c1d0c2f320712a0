/**
 * The frame of every page: skip link, header with the language choice, main, footer.
 * A page gives a title and a render function; on a change of language the whole page is
 * rendered again in the new language (the API returns texts in the language, too).
 */
import { focusOn, h } from "./dom";
import { ApiFailure } from "./api";
import { LOCALE_NAMES, LOCALES, chosenLocale, initialLocale, isLocale, t, useLocale, type WebKey } from "./i18n";

export type Page = {
  title: () => string;
  render: (main: HTMLElement) => void | Promise<void>;
};

export async function startPage(page: Page): Promise<void> {
  await useLocale(initialLocale());
  await renderPage(page);
}

async function renderPage(page: Page, focusLanguage = false): Promise<void> {
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
  const failure = error instanceof ApiFailure ? error : new ApiFailure(0, "unexpected", t("common.server_error"));
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
