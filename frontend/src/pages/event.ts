/** `/event?slug=...` and the short link `/e/{slug}`: one event, and its registration form. */
import type {
  EventDetailResponse,
  PublicEventDetail,
  PublicQuestion,
  RegistrationRequest,
  RegistrationResponse,
} from "../../../workers/src/api-types";
import { api, asFailure, newIdempotencyKey } from "../api";
import { append, focusOn, h, paragraphs, type Child } from "../dom";
import { audienceName, availabilityText, contactBlock, eventMarks, formatDateTime, formatName, isolated, languageLabel, placeName, sessionList, textAttrs, textNote } from "../event-info";
import { FieldSet } from "../form-fields";
import { childrenField, collectFormatFields, eventExtras, standFields, workshopFields, workshopList } from "../formats";
import { addChallenge } from "../turnstile";
import { LOCALE_NAMES, LOCALES, chosenLocale, isLocale, list, shownLocale, t, tNodes, type WebKey } from "../i18n";
import { languageName } from "../../../workers/src/i18n/vocabulary";
import { failureBlock, loadingNote, startPage } from "../layout";

let pageTitle = "";

async function render(main: HTMLElement): Promise<void> {
  pageTitle = t("event.title");
  const slug = new URLSearchParams(location.search).get("slug") ?? slugFromShortLink();
  if (!slug) {
    main.replaceChildren(h("h1", null, t("event.title")), h("p", null, t("event.missing_slug")), h("p", null, h("a", { href: "/" }, t("common.back_to_list"))));
    return;
  }
  const loading = loadingNote();
  main.replaceChildren(loading);
  let event: PublicEventDetail;
  try {
    ({ event } = await api<EventDetailResponse>(`/api/events/${encodeURIComponent(slug)}`));
  } catch (error) {
    main.replaceChildren(h("h1", null, t("event.title")), failureBlock(error, () => void render(main)));
    return;
  }
  pageTitle = event.title;
  main.replaceChildren();
  append(main, eventDetails(event), registrationSection(event, main));
}

/** The slug of a short link, `/e/{slug}` (the Worker serves this page there with the event in its head). */
function slugFromShortLink(): string | null {
  const match = /^\/e\/([^/]+)\/?$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

function eventDetails(event: PublicEventDetail): Child[] {
  const location = event.location;
  return [
    h("p", { class: "event-format" }, formatName(event)),
    h("h1", textAttrs(event.marks.title), h("bdi", null, event.title)),
    textNote(eventMarks(event)),
    event.status === "cancelled"
      ? h(
          "div",
          { class: "notice notice-error" },
          h("p", null, h("strong", null, t("event.cancelled"))),
          // The organiser's reason, in the words they wrote.
          event.cancellationReason ? h("p", null, tNodes("event.cancelled_reason", { reason: h("bdi", null, event.cancellationReason) })) : null,
        )
      : null,
    event.summary ? h("p", { class: "lead", ...textAttrs(event.marks.summary) }, event.summary) : null,
    h("h2", null, t("event.dates")),
    sessionList(event.sessions),
    location || event.online ? h("h2", null, t("event.place")) : null,
    location ? h("p", null, placeName(event), location.address ? [h("br"), h("bdi", { lang: "de" }, location.address)] : null) : null,
    location?.accessibility ? [h("h3", null, t("event.accessibility")), ...paragraphs(location.accessibility, textAttrs(event.marks.accessibility))] : null,
    event.online ? h("p", null, t("event.online_only")) : null,
    event.description ? h("div", { class: "description", ...textAttrs(event.marks.description) }, paragraphs(event.description)) : null,
    event.audience.length > 0 ? [h("h2", null, t("event.audience")), h("p", null, list(event.audience.map(audienceName)))] : null,
    event.languages.length > 0 ? [h("h2", null, t("event.languages")), h("p", null, list(event.languages.map(languageLabel)))] : null,
    ...eventExtras(event),
    contactBlock(event.contact),
  ];
}

/**
 * The language to write in: each named in the page's language, with its own name beside it
 * for whoever reads that one better ("الألمانية – Deutsch").
 */
function localeOptionLabel(locale: (typeof LOCALES)[number]): string {
  const here = languageName(locale, shownLocale());
  return here === LOCALE_NAMES[locale] ? here : `${here} – ${isolated(LOCALE_NAMES[locale])}`;
}

function registrationSection(event: PublicEventDetail, main: HTMLElement): HTMLElement {
  const r = event.registration;
  const approval = r.mode === "approval";
  const section = h("section", { class: "registration", "aria-labelledby": "registration-heading" });
  const heading = h("h2", { id: "registration-heading" }, t(approval ? "event.apply" : "event.register"));
  section.append(heading);

  if (event.status === "cancelled") {
    section.append(h("p", null, t("event.cancelled")));
    return section;
  }
  if (r.mode === "none") {
    section.append(h("p", { class: "notice" }, t("event.no_registration")));
    return section;
  }
  if (!r.open) {
    const opensLater = r.opensAt && new Date(r.opensAt).getTime() > Date.now();
    section.append(h("p", { class: "notice" }, opensLater && r.opensAt ? t("event.registration_opens", { date: formatDateTime(r.opensAt) }) : t("event.registration_closed")));
    return section;
  }

  const waitlist = r.waitlistOpen || (r.placesLeft !== null && r.placesLeft <= 0);
  append(
    section,
    h("p", { class: "availability" }, availabilityText(event)),
    r.closesAt ? h("p", null, t("event.registration_closes", { date: formatDateTime(r.closesAt) })) : null,
    waitlist ? h("p", { class: "notice" }, t("event.waitlist_note")) : null,
    approval ? h("p", { class: "notice" }, t("event.approval_note")) : null,
    r.emailConfirmation ? h("p", null, t("event.email_confirmation_note")) : null,
    h("p", { class: "hint" }, t("form.required_hint")),
    registrationForm(event, main, section, waitlist ? "form.submit_waitlist" : approval ? "form.submit_apply" : "form.submit"),
  );
  return section;
}

function registrationForm(event: PublicEventDetail, main: HTMLElement, section: HTMLElement, submitKey: WebKey): HTMLFormElement {
  const fields = new FieldSet();
  const maxPlaces = event.registration.maxPlaces;
  // One key per request: a double click or a retry after a lost answer sends the same form
  // with the same key, and the server answers it as the same registration. A key belongs to
  // what was sent with it (the server refuses it with other details), so once a request has
  // been sent, any change to the form makes a new key.
  let idempotencyKey = newIdempotencyKey();
  let keySent = false;
  let sending = false;
  // Bots fill every field and submit at once: the server ignores a filled honeypot or a form sent within 2 s.
  const formStartedAt = Date.now();

  const submit = h("button", { type: "submit", class: "button" }, t(submitKey));
  const challengeHost = h("div", { class: "challenge" });
  const challenge = addChallenge(challengeHost);
  const form = h(
    "form",
    { novalidate: true, class: "registration-form" },
    fields.control("name", t("form.name"), h("input", { type: "text", name: "name", autocomplete: "name", maxlength: "200" }), { required: true }),
    fields.control(
      "email",
      t("form.email"),
      h("input", { type: "email", name: "email", dir: "ltr", autocomplete: "email", spellcheck: "false", autocapitalize: "off", inputmode: "email", maxlength: "254" }),
      { required: true, hint: t("form.email_hint") },
    ),
    fields.control(
      "locale",
      t("form.locale"),
      h("select", { name: "locale" }, LOCALES.map((locale) => h("option", { value: locale, selected: locale === chosenLocale() }, localeOptionLabel(locale)))),
      { required: true },
    ),
    maxPlaces > 1
      ? fields.control("places", t("form.places"), h("input", { type: "number", name: "places", inputmode: "numeric", min: "1", max: String(maxPlaces), value: "1", class: "input-short" }), {
          required: true,
          hint: t("form.places_hint", { max: maxPlaces }),
        })
      : null,
    childrenField(fields, event),
    standFields(fields, event),
    workshopFields(fields, event),
    // The event's own questions are for participants, not for stand applications (see formats.ts).
    h("div", { class: "event-questions" }, event.questions.map((question) => questionField(fields, question))),
    needsFieldset(fields),
    // Not shown to people (display: none, so screen readers skip it too); bots fill it.
    h("div", { class: "hp" }, h("label", null, "Website", h("input", { type: "text", name: "website", tabindex: "-1", autocomplete: "off" }))),
    fields.checkbox("consent", t("form.consent"), h("input", { name: "consent", value: "yes" }), {
      required: true,
      summaryLabel: t("form.consent_short"),
      hint: h("a", { href: "/privacy", target: "_blank", rel: "noopener" }, t("form.consent_link"), " ", h("span", { class: "visually-hidden" }, t("common.new_tab"))),
    }),
    challengeHost,
    h("div", { class: "actions" }, submit),
  );

  const renewKey = () => {
    if (!keySent) return;
    idempotencyKey = newIdempotencyKey();
    keySent = false;
  };
  form.addEventListener("input", renewKey);
  form.addEventListener("change", renewKey);
  form.addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    if (sending) return;
    sending = true;
    submit.disabled = true;
    submit.textContent = t("form.sending");
    form.setAttribute("aria-busy", "true");
    try {
      const turnstileToken = (await challenge).token();
      const body = { ...collect(form, event), formStartedAt, ...(turnstileToken ? { turnstileToken } : {}) };
      keySent = true;
      const { registration } = await api<RegistrationResponse>(`/api/events/${encodeURIComponent(event.slug)}/registrations`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      });
      fields.clearErrors();
      const outcome = outcomeBlock(registration);
      section.replaceWith(outcome);
      focusOn(outcome.querySelector("h2") ?? outcome);
    } catch (error) {
      const failure = asFailure(error);
      (await challenge).reset();
      fields.showErrors(main, failure.message, failure.fields);
    } finally {
      sending = false;
      submit.disabled = false;
      submit.textContent = t(submitKey);
      form.removeAttribute("aria-busy");
    }
  });
  return form;
}

function questionField(fields: FieldSet, question: PublicQuestion): HTMLElement {
  const key = `answers.${question.id}`;
  const name = `q:${question.id}`;
  const settings = { required: question.required, labelAttrs: textAttrs(question.mark) };
  const options = (question.options ?? []).map((option) => ({ value: option.id, label: option.label, labelAttrs: textAttrs(option.mark) }));
  switch (question.type) {
    case "long_text":
      return fields.control(key, question.label, h("textarea", { name, rows: "4" }), settings);
    case "single_choice":
      return fields.choices(key, question.label, "radio", name, options, settings);
    case "multiple_choice":
      return fields.choices(key, question.label, "checkbox", name, options, settings);
    case "checkbox":
      return fields.checkbox(key, question.label, h("input", { name, value: "yes" }), settings);
    case "number":
      return fields.control(key, question.label, h("input", { type: "number", name, inputmode: "numeric", class: "input-short" }), settings);
    case "short_text":
    default:
      return fields.control(key, question.label, h("input", { type: "text", name }), settings);
  }
}

function needsFieldset(fields: FieldSet): HTMLElement {
  const fieldset = h(
    "fieldset",
    { class: "needs" },
    h("legend", null, t("form.needs_legend")),
    h("p", { class: "hint" }, t("form.needs_why")),
    fields.control("needs.interpreter", t("form.interpreter"), h("input", { type: "text", name: "interpreter", maxlength: "100" }), { hint: t("form.interpreter_hint") }),
    fields.control("needs.childcare.children", t("form.children"), h("input", { type: "number", name: "children", inputmode: "numeric", min: "0", max: "20", class: "input-short" }), {
      hint: t("form.children_hint"),
    }),
    fields.control("needs.childcare.ages", t("form.ages"), h("input", { type: "text", name: "ages", maxlength: "200" }), { hint: t("form.ages_hint") }),
    fields.control("needs.accessibility", t("form.accessibility"), h("textarea", { name: "accessibility", rows: "3" }), { hint: t("form.accessibility_hint") }),
  );
  fields.alias("needs.childcare", "needs.childcare.children");
  return fieldset;
}

/** The form as a RegistrationRequest; empty optional fields are left out. */
function collect(form: HTMLFormElement, event: PublicEventDetail): RegistrationRequest {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const number = (name: string) => (text(name) === "" ? undefined : Number(text(name)));
  const locale = text("locale");
  const request: RegistrationRequest = {
    name: text("name"),
    email: text("email"),
    locale: isLocale(locale) ? locale : chosenLocale(),
    consent: data.get("consent") === "yes",
  };
  if (event.registration.maxPlaces > 1) {
    const places = number("places");
    if (places !== undefined) request.places = places;
  }
  const answers: NonNullable<RegistrationRequest["answers"]> = {};
  for (const question of data.get("kind") ? [] : event.questions) {
    const name = `q:${question.id}`;
    if (question.type === "multiple_choice") {
      const chosen = data.getAll(name).map(String);
      if (chosen.length > 0) answers[question.id] = chosen;
    } else if (question.type === "checkbox") {
      answers[question.id] = data.get(name) === "yes";
    } else if (question.type === "number") {
      const value = number(name);
      if (value !== undefined) answers[question.id] = value;
    } else if (text(name) !== "") {
      answers[question.id] = text(name);
    }
  }
  if (Object.keys(answers).length > 0) request.answers = answers;

  const needs: NonNullable<RegistrationRequest["needs"]> = {};
  if (text("interpreter")) needs.interpreter = text("interpreter");
  const children = number("children");
  if (children !== undefined && (children > 0 || text("ages"))) {
    needs.childcare = { children, ...(text("ages") ? { ages: text("ages") } : {}) };
  } else if (children === undefined && text("ages")) {
    // Ages without a number: let the server name the missing number.
    needs.childcare = { children: Number.NaN, ages: text("ages") };
  }
  if (text("accessibility")) needs.accessibility = text("accessibility");
  if (Object.keys(needs).length > 0) request.needs = needs;
  collectFormatFields(data, event, request);
  if (text("website")) request.website = text("website");
  return request;
}

const OUTCOMES = ["confirmed", "waitlisted", "check_email", "pending_approval"] as const;

function outcomeBlock(registration: RegistrationResponse["registration"]): HTMLElement {
  const known = (OUTCOMES as readonly string[]).includes(registration.status);
  const name = known ? registration.status : "other";
  return h(
    "section",
    { class: `outcome outcome-${name}`, "data-status": registration.status, role: "status" },
    h("h2", { tabindex: "-1" }, t(`outcome.${name}_title` as WebKey)),
    h("p", null, t(`outcome.${name}_text` as WebKey)),
    registration.status === "waitlisted" && registration.waitlistPosition !== null
      ? h("p", { class: "outcome-position" }, t("outcome.waitlist_position", { position: registration.waitlistPosition }))
      : null,
    registration.places > 1 ? h("p", null, t("outcome.places", { count: registration.places })) : null,
    workshopList(registration.workshops ?? []),
    h("p", null, h("a", { href: "/" }, t("common.back_to_list"))),
  );
}

void startPage({ title: () => pageTitle || t("event.title"), render });
