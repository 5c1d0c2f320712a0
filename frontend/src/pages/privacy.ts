/** `/privacy`: the privacy notice, in plain words, from the catalogue. */
import { api, asFailure } from "../api";
import { append, focusOn, h } from "../dom";
import { FieldSet } from "../form-fields";
import { chosenLocale, t, type WebKey } from "../i18n";
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
      h("p", null, t("privacy.contact_text"), " ", h("a", { href: `mailto:${CONTACT}`, dir: "ltr" }, CONTACT)),
      dataRequest(),
      h("p", { class: "notice" }, t("privacy.placeholder")),
    );
  },
});

/** "Send me a link to my data": the answer is the same whether or not we hold data for the address. */
function dataRequest(): HTMLElement {
  const fields = new FieldSet();
  const section = h("section", { "aria-labelledby": "data-request-heading" });
  const submit = h("button", { type: "submit", class: "button" }, t("privacy.request_submit"));
  const form = h(
    "form",
    { novalidate: true },
    fields.control("email", t("privacy.request_email"), h("input", { type: "email", name: "email", autocomplete: "email", inputmode: "email", spellcheck: "false", maxlength: "254" }), { required: true }),
    h("div", { class: "actions" }, submit),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const email = String(new FormData(form).get("email") ?? "").trim();
      await api("/api/privacy/requests", { method: "POST", body: { email, locale: chosenLocale() } });
      const done = h("p", { class: "notice notice-success", role: "status" }, t("privacy.request_sent"));
      form.replaceWith(done);
      focusOn(done);
    } catch (error) {
      const failure = asFailure(error);
      fields.showErrors(section, failure.message, failure.fields);
    } finally {
      submit.disabled = false;
    }
  });
  append(section, h("h2", { id: "data-request-heading" }, t("privacy.request_heading")), h("p", null, t("privacy.request_text")), form);
  return section;
}
