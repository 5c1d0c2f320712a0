/** `/privacy`: the privacy notice, in plain words, from the catalogue. */
import { append, h } from "../dom";
import { t, type WebKey } from "../i18n";
import { startPage } from "../layout";

const CONTACT = "integration@example.org";
const sections = ["controller", "data", "purpose", "retention", "rights"] as const;

void startPage({
  title: () => t("privacy.title"),
  render(main) {
    main.replaceChildren();
    append(
      main,
      h("h1", null, t("privacy.title")),
      h("p", { class: "lead" }, t("privacy.intro")),
      sections.map((name) => [
        h("h2", null, t(`privacy.${name}_heading` as WebKey)),
        h("p", null, t(`privacy.${name}_text` as WebKey)),
      ]),
      h("h2", null, t("privacy.contact_heading")),
      h("p", null, t("privacy.contact_text"), " ", h("a", { href: `mailto:${CONTACT}` }, CONTACT)),
      h("p", { class: "notice" }, t("privacy.placeholder")),
    );
  },
});
