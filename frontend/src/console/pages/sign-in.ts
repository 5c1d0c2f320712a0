/**
 * /console/sign-in: asks for an email address (POST /api/auth/login → "check your email").
 * Opened from the emailed link (/console/sign-in#TOKEN), it shows one button that posts the
 * token; nothing happens on load, because mail scanners open links too.
 */
import type { MeResponse } from "../../../../workers/src/console-types";
import { ConsoleFailure, ErrorDisplay, busy, call, failureMessage, field, focusOn, h, pageHeading, setChildren, startConsole, takeNextPath } from "../core";
import { s } from "../strings";

function render(main: HTMLElement): void {
  const token = location.hash.replace(/^#/, "");
  if (token) {
    renderTokenStep(main, token);
    return;
  }
  const heading = pageHeading(s("signin.title"));
  const params = new URLSearchParams(location.search);
  const note = params.has("signed_out") ? h("p", { class: "notice notice-success", role: "status" }, s("signin.signed_out")) : null;
  const email = h("input", { type: "email", name: "email", autocomplete: "email", required: true, maxlength: 254, spellcheck: "false" });
  const emailField = field(s("signin.email"), email, { required: true, hint: s("signin.email_hint") });
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button" }, s("signin.send_link"));
  const form = h(
    "form",
    {
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const done = busy(submit);
        submit.textContent = s("common.sending");
        try {
          await call("/api/auth/login", { method: "POST", body: { email: email.value.trim() }, redirectOn401: false });
          const sent = h("div", { class: "outcome", role: "status" }, h("h2", { tabindex: "-1" }, s("signin.check_email_title")), h("p", null, s("signin.check_email_text", { email: email.value.trim() })));
          form.replaceWith(sent);
          focusOn(sent.querySelector("h2")!);
        } catch (error) {
          done();
          const fields = error instanceof ConsoleFailure ? error.fields : {};
          errors.show(form, failureMessage(error), fields, (key) => (key === "email" ? emailField : undefined));
        }
      },
    },
    emailField.wrapper,
    h("div", { class: "actions" }, submit),
  );
  setChildren(main, heading, note, h("p", null, s("signin.intro")), form);
  void showSignedIn(main);
}

/** If a session exists already, says so (a GET; harmless). */
async function showSignedIn(main: HTMLElement): Promise<void> {
  try {
    const me = await call<MeResponse>("/api/auth/me", { redirectOn401: false });
    main.append(h("p", { class: "notice" }, s("signin.already", { email: me.user.email }), " ", h("a", { href: "/console/" }, s("signin.to_console"))));
  } catch {
    // Not signed in: the form is what is needed.
  }
}

function renderTokenStep(main: HTMLElement, token: string): void {
  const heading = pageHeading(s("signin.title"));
  const button = h("button", { type: "button", class: "button" }, s("signin.confirm"));
  const result = h("div");
  button.addEventListener("click", async () => {
    const done = busy(button);
    result.replaceChildren();
    try {
      await call("/api/auth/verify", { method: "POST", body: { token }, redirectOn401: false });
      // The token is spent: take it out of the address bar and history.
      history.replaceState(null, "", "/console/sign-in");
      location.assign(takeNextPath());
    } catch (error) {
      done();
      const box = h(
        "div",
        { class: "notice notice-error", role: "alert" },
        h("p", null, failureMessage(error)),
        h("p", null, h("a", { href: "/console/sign-in" }, s("signin.new_link"))),
      );
      result.replaceChildren(box);
      focusOn(box);
    }
  });
  main.replaceChildren(heading, h("p", null, s("signin.confirm_text")), h("div", { class: "actions" }, button), result);
}

void startConsole({ needsUser: false, title: () => s("signin.title"), render });
// A link pasted into this same tab changes only the fragment: show its button, too.
addEventListener("hashchange", () => {
  const main = document.getElementById("main");
  if (main && location.hash.length > 1) render(main);
});
