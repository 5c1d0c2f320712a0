/**
 * A console page: `mountPage(Page)` asks who is signed in (GET /api/auth/me; without a
 * session it goes to the sign-in page), then renders the frame (skip link, header with the
 * user, the language switch and sign-out) and the page's component inside `<main>`, which is
 * also the page-wide message area. `useMe()` gives any component the user; `useTitle()`
 * keeps the document title in step with the page.
 */
import { createContext, render, type ComponentChildren, type FunctionComponent } from "preact";
import { useContext, useEffect } from "preact/hooks";
import { api, ApiFailure, failureMessage, isOffline, loadMe, type Me } from "./api";
import { MessageArea, useReport } from "./messages";
import { consoleLocale, s, setConsoleLocale } from "../strings";

const MeContext = createContext<Me | null>(null);

/** The signed-in user (on pages mounted with a user). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside a signed-in console page");
  return me;
}

/** Sets the document title: "<title> – zusammen Konsole". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${s("site.name")}`;
  }, [title]);
}

/** A page heading that can take the focus (after a change of the whole page). */
export function PageHeading({ children }: { children: ComponentChildren }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}

async function signOut(everywhere: boolean, report: (text: string) => void): Promise<void> {
  try {
    await api.post(everywhere ? "/api/auth/logout-everywhere" : "/api/auth/logout", undefined, { redirectOn401: false });
  } catch (error) {
    if (!(error instanceof ApiFailure && error.status === 401)) {
      report(failureMessage(error));
      return;
    }
  }
  location.assign("/console/sign-in?signed_out=1");
}

/** Signs out (here, or on every device): for the header and the account section. */
export function useSignOut(): (everywhere: boolean) => Promise<void> {
  const report = useReport();
  return (everywhere) => signOut(everywhere, (text) => report({ kind: "error", text }));
}

function Header({ me }: { me: Me | null }) {
  const other = consoleLocale() === "de" ? "en" : "de";
  const signOutHere = useSignOut();
  return (
    <header class="site-header console-header">
      <div class="wrap console-wrap header-row">
        <a class="brand" href="/console/">
          <span class="brand-name">zusammen</span>
          <span class="brand-tagline">{s("site.tagline")}</span>
        </a>
        <div class="console-user">
          {me ? <span class="console-email">{s("site.signed_in_as", { email: me.email })}</span> : null}
          <button
            type="button"
            class="link-button"
            lang={other}
            onClick={() => {
              setConsoleLocale(other);
              location.reload();
            }}
          >
            {other === "en" ? "English" : "Deutsch"}
          </button>
          {me ? (
            <button type="button" class="link-button" onClick={() => void signOutHere(false)}>
              {s("site.sign_out")}
            </button>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function Frame({ me, children }: { me: Me | null; children: ComponentChildren }) {
  return (
    <MeContext.Provider value={me}>
      <a class="skip-link" href="#main">
        {s("site.skip")}
      </a>
      <MessageArea lead={<Header me={me} />} noticeClass="wrap console-wrap console-status">
        <div class="wrap console-wrap">
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </div>
      </MessageArea>
    </MeContext.Provider>
  );
}

/**
 * Renders a console page into the document. `needsUser: false` for the sign-in page;
 * `offline: true` for the check-in page, which opens without a connection (from its service
 * worker) and then has no user until the connection returns.
 */
export async function mountPage(Page: FunctionComponent<{ me: Me | null }>, options: { needsUser?: boolean; offline?: boolean } = {}): Promise<void> {
  document.documentElement.lang = consoleLocale();
  document.documentElement.dir = "ltr";
  document.body.classList.add("console");
  let me: Me | null = null;
  if (options.needsUser !== false) {
    try {
      me = await loadMe();
    } catch (error) {
      if (!(options.offline && isOffline(error))) {
        render(
          <main class="wrap">
            <div class="notice notice-error" role="alert">
              <p>{failureMessage(error)}</p>
            </div>
          </main>,
          document.body,
        );
        return;
      }
    }
  }
  document.body.replaceChildren();
  render(
    <Frame me={me}>
      <Page me={me} />
    </Frame>,
    document.body,
  );
}
