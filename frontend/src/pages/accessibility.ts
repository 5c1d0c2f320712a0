/** `/accessibility`: the accessibility statement (Erklärung zur Barrierefreiheit), from the catalogue. */
import { append, h } from "../dom";
import { t, type WebKey } from "../i18n";
import { startPage } from "../layout";

const CONTACT = "integration@example.org";
/** Each section has `accessibility.<name>_heading` and `accessibility.<name>_text`. */
export const ACCESSIBILITY_SECTIONS = ["status", "features", "limits"] as const;

void startPage({
  title: () => t("accessibility.title"),
  render(main) {
    main.replaceChildren();
    append(
      main,
      h("h1", null, t("accessibility.title")),
      h("p", { class: "lead" }, t("accessibility.intro")),
      ACCESSIBILITY_SECTIONS.map((name) => [
        h("h2", null, t(`accessibility.${name}_heading` as WebKey)),
        h("p", null, t(`accessibility.${name}_text` as WebKey)),
      ]),
      h("h2", null, t("accessibility.feedback_heading")),
      h("p", null, t("accessibility.feedback_text")),
      h("p", null, t("accessibility.contact"), " ", h("a", { href: `mailto:${CONTACT}`, dir: "ltr" }, CONTACT)),
      h("h2", null, t("accessibility.enforcement_heading")),
      h("p", null, t("accessibility.enforcement_text")),
      h("p", { class: "notice" }, t("accessibility.placeholder")),
    );
  },
});
