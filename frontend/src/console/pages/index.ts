/** /console/: the events the user can see, a new event, organisations and members, the account. */
import type { ConsoleEventListItem, ConsoleEventListResponse, Member, Organisation, Role } from "../types";
import {
  ConsoleFailure,
  ErrorDisplay,
  announce,
  ask,
  busy,
  call,
  canOrganise,
  choiceGroup,
  failureMessage,
  field,
  h,
  pageHeading,
  setChildren,
  signOut,
  startConsole,
  tableWrap,
  timeElement,
  type FieldRef,
  type Me,
} from "../core";
import { formatName, roleName, s, eventStatusName } from "../strings";

async function render(main: HTMLElement, me: Me | null): Promise<void> {
  if (!me) return;
  const heading = pageHeading(s("index.title"));
  const events = h("section", { "aria-labelledby": "events-heading" }, h("h2", { id: "events-heading", class: "visually-hidden" }, s("index.title")), h("p", { class: "loading", role: "status" }, s("common.loading")));
  setChildren(
    main,
    heading,
    canOrganise(me) || me.assignedEventIds.length > 0
      ? h(
          "p",
          { class: "actions" },
          canOrganise(me) ? h("a", { class: "button", href: "/console/edit?new" }, s("index.new_event")) : null,
          " ",
          h("a", { class: "button button-secondary", href: "/console/checkin" }, s("index.checkin")),
          canOrganise(me) ? [" ", h("a", { class: "button button-secondary", href: "/console/statistics" }, s("stats.title"))] : null,
          me.isAdmin ? [" ", h("a", { class: "button button-secondary", href: "/console/status" }, s("index.status"))] : null,
        )
      : null,
    events,
  );
  const organisationsSection = canOrganise(me) ? h("section", { "aria-labelledby": "orgs-heading" }, h("h2", { id: "orgs-heading" }, s("orgs.title"))) : null;
  if (organisationsSection) main.append(organisationsSection);
  main.append(accountSection(me));

  try {
    const { events: list } = await call<ConsoleEventListResponse>("/api/console/events");
    events.replaceChildren(h("h2", { id: "events-heading", class: "visually-hidden" }, s("index.title")), eventTable(list, me));
  } catch (error) {
    events.replaceChildren(h("div", { class: "notice notice-error", role: "alert" }, h("p", null, failureMessage(error))));
  }
  if (organisationsSection) await renderOrganisations(organisationsSection, me);
}

function eventTable(list: ConsoleEventListItem[], me: Me): HTMLElement {
  const onlyHelper = !canOrganise(me);
  const intro = onlyHelper ? h("p", { class: "notice" }, s("index.helper_note")) : null;
  if (list.length === 0) return h("div", null, intro, h("p", null, s("index.empty")));
  const rows = list.map((event) =>
    h(
      "tr",
      { "data-event-id": event.id },
      h("th", { scope: "row" }, h("a", { href: `/console/event?id=${event.id}` }, event.title)),
      h("td", null, h("span", { class: `badge badge-${event.status}` }, eventStatusName(event.status)), h("br"), h("span", { class: "muted" }, formatName(event.format))),
      h("td", null, timeElement(event.firstStartsAt)),
      h("td", { class: "num" }, event.capacity === null ? "–" : `${event.confirmedPlaces} / ${event.capacity}`),
      h("td", { class: "num" }, String(event.waitlistLength)),
      h("td", null, event.organisationName),
    ),
  );
  return h(
    "div",
    null,
    intro,
    tableWrap(
      s("index.table_caption", { count: list.length }),
      [s("index.col_title"), s("index.col_status"), s("index.col_first_date"), s("index.col_places"), s("index.col_waitlist"), s("index.col_organisation")].map((label) => h("th", { scope: "col" }, label)),
      rows,
    ),
  );
}

async function renderOrganisations(section: HTMLElement, me: Me): Promise<void> {
  const loading = h("p", { class: "loading", role: "status" }, s("common.loading"));
  section.append(loading);
  let organisations: Organisation[];
  try {
    ({ organisations } = await call<{ organisations: Organisation[] }>("/api/console/organisations"));
  } catch (error) {
    loading.replaceWith(h("div", { class: "notice notice-error" }, h("p", null, failureMessage(error))));
    return;
  }
  loading.remove();
  for (const organisation of organisations) {
    const manages = me.isAdmin || organisation.role === "organiser";
    const block = h("section", { class: "panel", "aria-labelledby": `org-${organisation.id}` }, h("h3", { id: `org-${organisation.id}` }, organisation.name));
    section.append(block);
    if (manages) await renderMembers(block, organisation, me);
  }
  if (me.isAdmin) section.append(newOrganisationForm(section, me));
}

async function renderMembers(block: HTMLElement, organisation: Organisation, me: Me): Promise<void> {
  const list = h("div");
  block.append(list, inviteForm(organisation, () => void load()));
  async function load(): Promise<void> {
    try {
      const { members } = await call<{ members: Member[] }>(`/api/console/organisations/${organisation.id}/members`);
      const rows = members.map((member) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, member.name ?? member.email, member.name ? [h("br"), h("span", { class: "muted" }, member.email)] : null),
          h("td", null, roleName(member.role)),
          h(
            "td",
            null,
            member.userId === me.id
              ? h("span", { class: "muted" }, s("orgs.you"))
              : h(
                  "button",
                  {
                    type: "button",
                    class: "button button-secondary button-small",
                    onclick: async (event) => {
                      const answer = await ask({ title: s("orgs.remove_title", { name: member.name ?? member.email }), text: s("orgs.remove_text"), confirm: s("orgs.remove"), danger: true });
                      if (!answer) return;
                      const done = busy(event.currentTarget as HTMLButtonElement);
                      try {
                        await call(`/api/console/organisations/${organisation.id}/members/${member.userId}`, { method: "DELETE" });
                        announce(s("orgs.removed", { name: member.name ?? member.email }));
                        await load();
                      } catch (error) {
                        done();
                        announce(failureMessage(error), "error");
                      }
                    },
                  },
                  s("orgs.remove"),
                  h("span", { class: "visually-hidden" }, `: ${member.name ?? member.email}`),
                ),
          ),
        ),
      );
      list.replaceChildren(
        tableWrap(s("orgs.members_caption", { name: organisation.name }), [s("orgs.col_person"), s("orgs.col_role"), h("span", { class: "visually-hidden" }, s("common.actions"))].map((label) => h("th", { scope: "col" }, label)), rows),
      );
    } catch (error) {
      list.replaceChildren(h("p", { class: "notice notice-error" }, failureMessage(error)));
    }
  }
  await load();
}

function inviteForm(organisation: Organisation, reload: () => void): HTMLElement {
  const email = h("input", { type: "email", name: "email", autocomplete: "off", required: true, maxlength: 254 });
  const name = h("input", { type: "text", name: "name", autocomplete: "off", maxlength: 200 });
  const roles: Role[] = ["organiser", "checkin_helper"];
  const roleGroup = choiceGroup(s("orgs.role"), "radio", `role-${organisation.id}`, roles.map((role) => ({ value: role, label: roleName(role) })), ["organiser"]);
  const emailField = field(s("orgs.invite_email"), email, { required: true });
  const nameField = field(s("orgs.invite_name"), name);
  const refs: Record<string, FieldRef> = { email: emailField, name: nameField, role: roleGroup };
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button" }, s("orgs.invite"));
  const form = h(
    "form",
    {
      class: "subform",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const done = busy(submit);
        try {
          await call(`/api/console/organisations/${organisation.id}/members`, {
            method: "POST",
            body: { email: email.value.trim(), ...(name.value.trim() ? { name: name.value.trim() } : {}), role: roleGroup.values()[0] ?? "organiser" },
          });
          errors.clear();
          announce(s("orgs.invited", { email: email.value.trim() }));
          form.reset();
          reload();
        } catch (error) {
          errors.show(form, failureMessage(error), error instanceof ConsoleFailure ? error.fields : {}, (key) => refs[key]);
        } finally {
          done();
        }
      },
    },
    h("h4", null, s("orgs.invite_title")),
    emailField.wrapper,
    nameField.wrapper,
    roleGroup.wrapper,
    submit,
  );
  return form;
}

function newOrganisationForm(section: HTMLElement, me: Me): HTMLElement {
  const name = h("input", { type: "text", name: "name", required: true, maxlength: 200 });
  const slug = h("input", { type: "text", name: "slug", required: true, maxlength: 80, pattern: "[a-z0-9-]+", spellcheck: "false" });
  const refs: Record<string, FieldRef> = { name: field(s("orgs.new_name"), name, { required: true }), slug: field(s("orgs.new_slug"), slug, { required: true, hint: s("orgs.new_slug_hint") }) };
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button" }, s("orgs.create"));
  const form: HTMLFormElement = h(
    "form",
    {
      class: "subform",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const done = busy(submit);
        try {
          await call("/api/console/organisations", { method: "POST", body: { name: name.value.trim(), slug: slug.value.trim() } });
          announce(s("orgs.created", { name: name.value.trim() }));
          section.replaceChildren(h("h2", { id: "orgs-heading" }, s("orgs.title")));
          await renderOrganisations(section, me);
        } catch (error) {
          done();
          errors.show(form, failureMessage(error), error instanceof ConsoleFailure ? error.fields : {}, (key) => refs[key]);
        }
      },
    },
    h("h3", null, s("orgs.new_title")),
    refs.name!.wrapper,
    refs.slug!.wrapper,
    submit,
  );
  return form;
}

function accountSection(me: Me): HTMLElement {
  const memberships = me.memberships.map((m) => `${m.organisationName}: ${roleName(m.role)}`);
  return h(
    "section",
    { "aria-labelledby": "account-heading" },
    h("h2", { id: "account-heading" }, s("account.title")),
    h(
      "dl",
      { class: "details" },
      h("dt", null, s("account.email")),
      h("dd", null, me.email),
      h("dt", null, s("account.roles")),
      h("dd", null, [me.isAdmin ? s("role.administrator") : null, ...memberships].filter(Boolean).join("; ") || "–"),
    ),
    h(
      "div",
      { class: "button-row" },
      h("button", { type: "button", class: "button button-secondary", onclick: () => void signOut(false) }, s("site.sign_out")),
      h(
        "button",
        {
          type: "button",
          class: "button button-secondary",
          onclick: async () => {
            if (await ask({ title: s("account.everywhere_title"), text: s("account.everywhere_text"), confirm: s("account.everywhere") })) await signOut(true);
          },
        },
        s("account.everywhere"),
      ),
    ),
  );
}

void startConsole({ needsUser: true, title: () => s("index.title"), render });
