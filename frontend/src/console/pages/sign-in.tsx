/**
 * /console/sign-in: asks for an email address (POST /api/auth/login → "check your email").
 * Opened from the emailed link (/console/sign-in#TOKEN), it shows one button that posts the
 * token; nothing happens on load, because mail scanners open links too.
 */
import { useEffect, useState } from "preact/hooks";
import { ActionButton } from "../ui/action";
import { api, loadMe, takeNextPath, type Me } from "../ui/api";
import { Form, TextField, useForm } from "../ui/form";
import { MessageArea, Notice } from "../ui/messages";
import { mountPage, PageHeading, useTitle } from "../ui/page";
import { s } from "../strings";

function EmailStep() {
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [already, setAlready] = useState<Me | null>(null);
  const form = useForm();
  const signedOut = new URLSearchParams(location.search).has("signed_out");
  useEffect(() => {
    // A session already? Say so (a GET; harmless).
    loadMe({ redirectOn401: false }).then(setAlready, () => undefined);
  }, []);
  if (sentTo !== null) {
    return (
      <Notice kind="success" focus>
        <h2>{s("signin.check_email_title")}</h2>
        <p>{s("signin.check_email_text", { email: sentTo })}</p>
      </Notice>
    );
  }
  return (
    <>
      {signedOut ? <Notice kind="success">{s("signin.signed_out")}</Notice> : null}
      <p>{s("signin.intro")}</p>
      <Form
        form={form}
        submitLabel={s("signin.send_link")}
        busyLabel={s("common.sending")}
        onSubmit={async () => {
          await api.post("/api/auth/login", { email: email.trim() }, { redirectOn401: false });
          setSentTo(email.trim());
        }}
      >
        <TextField
          name="email"
          label={s("signin.email")}
          hint={s("signin.email_hint")}
          required
          type="email"
          value={email}
          onValue={setEmail}
          input={{ autoComplete: "email", maxLength: 254, spellcheck: false }}
        />
      </Form>
      {already ? (
        <p class="notice">
          {s("signin.already", { email: already.email })} <a href="/console/">{s("signin.to_console")}</a>
        </p>
      ) : null}
    </>
  );
}

function TokenStep({ token }: { token: string }) {
  return (
    <MessageArea>
      <p>{s("signin.confirm_text")}</p>
      <div class="actions">
        <ActionButton
          variant="primary"
          onAction={async () => {
            await api.post("/api/auth/verify", { token }, { redirectOn401: false });
            // The token is spent: take it out of the address bar and history.
            history.replaceState(null, "", "/console/sign-in");
            location.assign(takeNextPath());
          }}
        >
          {s("signin.confirm")}
        </ActionButton>
      </div>
      <p>
        <a href="/console/sign-in">{s("signin.new_link")}</a>
      </p>
    </MessageArea>
  );
}

function SignInPage() {
  useTitle(s("signin.title"));
  const [token, setToken] = useState(() => location.hash.replace(/^#/, ""));
  useEffect(() => {
    // A link pasted into this same tab changes only the fragment: show its button, too.
    const update = () => setToken(location.hash.replace(/^#/, ""));
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return (
    <>
      <PageHeading>{s("signin.title")}</PageHeading>
      {token ? <TokenStep key={token} token={token} /> : <EmailStep />}
    </>
  );
}

void mountPage(SignInPage, { needsUser: false });
