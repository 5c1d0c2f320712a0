/** The page for addresses that do not exist. */
import { h } from "../dom";
import { t } from "../i18n";
import { startPage } from "../layout";

void startPage({
  title: () => t("notfound.title"),
  render(main) {
    main.replaceChildren(
      h("h1", null, t("notfound.title")),
      h("p", null, t("notfound.text")),
      h("p", null, h("a", { href: "/" }, t("common.back_to_list"))),
    );
  },
});
