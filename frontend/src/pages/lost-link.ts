/**
 * `/lost-link`: "I lost my link". The participant types the address they registered with and
 * gets one email with the links to all their registrations. The answer is the same whether
 * or not we know the address, so the page tells nobody whether someone registered.
 */
import { api, asFailure } from "../api";
import { append, focusOn, h } from "../dom";
import { FieldSet } from "../form-fields";
import { chosenLocale, t } from "../i18n";
import { startPage } from "../layout";
import { addChallenge } from "../turnstile";

function render(main: HTMLElement): void {
  const fields = new FieldSet();
  const submit = h("button", { type: "submit", class: "button" }, t("lostlink.submit"));
  const challengeHost = h("div", { class: "challenge" });
  const challenge = addChallenge(challengeHost);
  const form = h(
    "form",
    { novalidate: true, class: "lost-link-form" },
    fields.control(
      "email",
      t("lostlink.email"),
      // An address is typed left to right also on an Arabic page (as the manage page shows it).
      h("input", { type: "email", name: "email", dir: "ltr", autocomplete: "email", inputmode: "email", spellcheck: "false", autocapitalize: "off", maxlength: "254" }),
      { required: true, hint: t("lostlink.email_hint") },
    ),
    challengeHost,
    h("div", { class: "actions" }, submit),
  );
  let sending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    submit.disabled = true;
    try {
      const email = String(new FormData(form).get("email") ?? "").trim();
      const turnstileToken = (await challenge).token();
      await api("/api/manage-links", { method: "POST", body: { email, locale: chosenLocale(), ...(turnstileToken ? { turnstileToken } : {}) } });
      fields.clearErrors();
      const done = h("p", { class: "notice notice-success", role: "status" }, t("lostlink.sent"));
      form.replaceWith(done);
      focusOn(done);
    } catch (error) {
      const failure = asFailure(error);
      (await challenge).reset();
      fields.showErrors(main, failure.message, failure.fields);
    } finally {
      sending = false;
      submit.disabled = false;
    }
  });
  main.replaceChildren();
  append(main, h("h1", null, t("lostlink.title")), h("p", { class: "lead" }, t("lostlink.intro")), form);
}

void startPage({ title: () => t("lostlink.title"), render });
