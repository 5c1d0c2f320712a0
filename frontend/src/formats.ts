/**
 * The parts of the registration form and the manage page that depend on the kind of event:
 * parallel workshops (conferences), stand applications and the exhibitor list (fairs),
 * children in households, and the calendar file.
 */
import type { ManagedRegistration, PublicEventDetail, RegistrationRequest, WorkshopPlace } from "../../workers/src/api-types";
import { h, type Child } from "./dom";
import { formatClock, isolated, textAttrs } from "./event-info";
import type { FieldSet } from "./form-fields";
import { t, tNodes } from "./i18n";

const STAND_NEEDS = ["table", "power", "wall"] as const;

/** Workshops grouped by their parallel slot, in the order the event lists them. */
function slots(event: PublicEventDetail): [string, PublicEventDetail["workshops"]][] {
  const bySlot = new Map<string, PublicEventDetail["workshops"]>();
  for (const workshop of event.workshops) bySlot.set(workshop.slot, [...(bySlot.get(workshop.slot) ?? []), workshop]);
  return [...bySlot];
}

type Named = Pick<WorkshopPlace, "name" | "startsAt" | "endsAt" | "mark">;

/**
 * A workshop's name with its own time where it has one ("Workshop A (13:30–15:30 Uhr)") for a
 * sentence on the page: the name in its own <bdi> (with its language where it is shown in
 * another one), the time in the page's language around it.
 */
export function workshopName(workshop: Named): HTMLElement {
  const name = h("bdi", { class: "workshop-name", ...textAttrs(workshop.mark) }, workshop.name);
  return h("span", null, workshop.startsAt && workshop.endsAt ? tNodes("workshop.with_time", { name, start: formatClock(workshop.startsAt), end: formatClock(workshop.endsAt) }) : name);
}

/** The same as one string, for an <option> (which holds no elements): the name between FSI and PDI (bidi.ts). */
function workshopNameText(workshop: Named): string {
  const name = isolated(workshop.name);
  return workshop.startsAt && workshop.endsAt ? t("workshop.with_time", { name, start: formatClock(workshop.startsAt), end: formatClock(workshop.endsAt) }) : name;
}

/** A workshop to choose, with its free places: as nodes for a radio's label, as a string for an <option>. */
function workshopLabel(workshop: Workshop): (string | Node)[] {
  return workshop.placesLeft > 0
    ? tNodes("form.workshop_places_left", { name: workshopName(workshop), count: workshop.placesLeft })
    : tNodes("form.workshop_full", { name: workshopName(workshop) });
}

function workshopOptionLabel(workshop: Workshop): string {
  return workshop.placesLeft > 0
    ? t("form.workshop_places_left", { name: workshopNameText(workshop), count: workshop.placesLeft })
    : t("form.workshop_full", { name: workshopNameText(workshop) });
}

/** One fieldset per parallel slot: a first choice and, optionally, a second choice held while the first is full. */
export function workshopFields(fields: FieldSet, event: PublicEventDetail): Child {
  const groups = slots(event);
  if (groups.length === 0) return null;
  return h(
    "fieldset",
    { class: "workshops" },
    h("legend", null, t("form.workshops_legend")),
    h("p", { class: "hint" }, t("form.workshops_hint")),
    groups.map(([slot, workshops], index) => {
      const first = fields.choices(
        `workshops.${index}.first`,
        groups.length > 1 ? t("form.workshop_round", { number: index + 1 }) : t("form.workshop_first"),
        "radio",
        `workshop-first:${slot}`,
        workshops.map((w) => ({ value: w.key, label: workshopLabel(w) })),
      );
      const second = fields.control(
        `workshops.${index}.second`,
        t("form.workshop_second"),
        h(
          "select",
          { name: `workshop-second:${slot}` },
          h("option", { value: "" }, t("form.workshop_second_none")),
          workshops.map((w) => h("option", { value: w.key }, workshopNameText(w))),
        ),
        { hint: t("form.workshop_second_hint") },
      );
      fields.alias(`workshops.${index}.slot`, `workshops.${index}.first`);
      return [first, second];
    }),
  );
}

/** For fairs: come as a visitor, or apply for a stand with the organisation's details. */
export function standFields(fields: FieldSet, event: PublicEventDetail): Child {
  const stand = event.registrationTypes[0];
  if (!stand) return null;
  const details = h(
    "fieldset",
    { class: "stand", hidden: true },
    h("legend", null, t("form.stand_legend")),
    h("p", { class: "hint" }, t("form.stand_public_hint")),
    fields.control("exhibitor.organisation", t("form.stand_organisation"), h("input", { type: "text", name: "stand-organisation", maxlength: "200", autocomplete: "organization" }), { required: true }),
    fields.control("exhibitor.description", t("form.stand_description"), h("textarea", { name: "stand-description", rows: "3", maxlength: "1000" }), { required: true }),
    fields.control("exhibitor.contact", t("form.stand_contact"), h("input", { type: "tel", name: "stand-contact", maxlength: "200", autocomplete: "tel" })),
    fields.choices("exhibitor.needs", t("form.stand_needs"), "checkbox", "stand-needs", [
      { value: "table", label: t("form.stand_need_table") },
      { value: "power", label: t("form.stand_need_power") },
      { value: "wall", label: t("form.stand_need_wall") },
    ]),
  );
  const kind = fields.choices("registrationType", t("form.kind_legend"), "radio", "kind", [
    { value: "", label: t("form.kind_visit") },
    { value: stand.key, label: tNodes("form.kind_stand", { name: h("bdi", textAttrs(stand.mark), stand.name) }) },
  ]);
  const radios = [...kind.querySelectorAll<HTMLInputElement>("input[type=radio]")];
  radios[0]!.checked = true;
  for (const radio of radios)
    radio.addEventListener("change", () => {
      details.hidden = !radios[1]!.checked;
      // Workshops and the event's own questions are for participants, not for stands.
      const form = details.closest("form");
      for (const part of form?.querySelectorAll<HTMLElement>(".event-questions, .workshops") ?? []) part.hidden = radios[1]!.checked;
    });
  return [kind, details];
}

/** Households: how many of the places are for children. */
export function childrenField(fields: FieldSet, event: PublicEventDetail): Child {
  if (!event.registration.countChildren || event.registration.maxPlaces <= 1) return null;
  return fields.control(
    "children",
    t("form.children_in_household"),
    h("input", { type: "number", name: "household-children", inputmode: "numeric", min: "0", max: String(event.registration.maxPlaces), value: "0", class: "input-short" }),
    { hint: t("form.children_in_household_hint") },
  );
}

/** Adds what the format-specific fields hold to the request. */
export function collectFormatFields(data: FormData, event: PublicEventDetail, request: RegistrationRequest): void {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  if (event.registration.countChildren && event.registration.maxPlaces > 1 && text("household-children") !== "") {
    request.children = Number(text("household-children"));
  }
  const standKey = text("kind");
  if (standKey) {
    request.registrationType = standKey;
    request.exhibitor = {
      organisation: text("stand-organisation"),
      description: text("stand-description"),
      ...(text("stand-contact") ? { contact: text("stand-contact") } : {}),
      needs: data.getAll("stand-needs").map(String).filter((need): need is (typeof STAND_NEEDS)[number] => (STAND_NEEDS as readonly string[]).includes(need)),
    };
    return; // a stand application chooses no workshops
  }
  const workshops = slots(event).flatMap(([slot]) => {
    const first = text(`workshop-first:${slot}`);
    const second = text(`workshop-second:${slot}`);
    return first ? [{ slot, first, ...(second && second !== first ? { second } : {}) }] : [];
  });
  if (workshops.length > 0) request.workshops = workshops;
}

/** The approved exhibitors of a fair and the calendar file, below the event's description. */
export function eventExtras(event: PublicEventDetail): Child[] {
  return [
    event.exhibitors.length > 0
      ? [
          h("h2", null, t("event.exhibitors")),
          h(
            "ul",
            { class: "exhibitors" },
            event.exhibitors.map((e) => h("li", null, h("strong", { lang: "de" }, h("bdi", null, e.organisation)), h("br"), h("span", { lang: "de" }, e.description))),
          ),
        ]
      : null,
    event.sessions.length > 0
      ? h("p", null, h("a", { href: `/api/events/${encodeURIComponent(event.slug)}/calendar.ics`, download: `${event.slug}.ics` }, t("event.calendar")))
      : null,
  ];
}

function workshopStatus(place: WorkshopPlace): (string | Node)[] {
  const name = workshopName(place);
  if (place.status === "confirmed") return tNodes("workshop.status_confirmed", { name });
  if (place.status === "waitlisted")
    return place.waitlistPosition !== null ? tNodes("workshop.status_waitlisted_position", { name, position: place.waitlistPosition }) : tNodes("workshop.status_waitlisted", { name });
  return tNodes("workshop.status_other", { name });
}

/** The participant's workshops: status of each, and a place held meanwhile marked as such. The sentence is in the page's language; only the name carries the workshop's (workshopName). */
export function workshopList(places: WorkshopPlace[]): Child {
  if (places.length === 0) return null;
  return h(
    "ul",
    { class: "workshop-places" },
    places.map((place) =>
      h("li", { "data-workshop": place.key, "data-status": place.status }, workshopStatus(place), place.preference === 2 ? [" ", t("workshop.second_choice")] : null),
    ),
  );
}

type Workshop = PublicEventDetail["workshops"][number];

/**
 * What choosing `wanted` does to the places the participant holds in its slot, in plain words,
 * and the button that does it. A full workshop never costs the place held: the participant
 * waits for it and keeps the old place until it comes through (domain/places/participant-actions.ts).
 */
function consequence(places: WorkshopPlace[], wanted: Workshop): { text: (string | Node)[]; button: string } {
  const held = places.find((p) => p.slot === wanted.slot && p.status === "confirmed");
  const waiting = places.find((p) => p.slot === wanted.slot && p.preference === 1 && p.status !== "confirmed");
  const params = { wanted: workshopName(wanted), current: held ? workshopName(held) : waiting ? workshopName(waiting) : "" };
  if (held && held.key === wanted.key) return { text: tNodes("workshop.confirm_back", params), button: t("workshop.confirm_yes_switch") };
  if (held && wanted.placesLeft <= 0) return { text: tNodes("workshop.confirm_full", params), button: t("workshop.confirm_yes_wait") };
  if (held) return { text: tNodes("workshop.confirm_free", params), button: t("workshop.confirm_yes_switch") };
  if (waiting) return { text: tNodes("workshop.confirm_leave_waitlist", params), button: t("workshop.confirm_yes_switch") };
  return { text: tNodes(wanted.placesLeft > 0 ? "workshop.confirm_choose" : "workshop.confirm_choose_full", params), button: t("workshop.confirm_yes_switch") };
}

/**
 * On the manage page: choose another workshop of a slot. Nothing happens on the first click:
 * the page says what the change means for the place held (given up, or kept while waiting)
 * and asks; only the second button changes anything.
 */
export function workshopSwitch(registration: ManagedRegistration, workshops: Workshop[], onSwitch: (slot: string, key: string) => Promise<void>): Child {
  if (!registration.actions.includes("workshops") || workshops.length === 0) return null;
  const bySlot = new Map<string, Workshop[]>();
  for (const workshop of workshops) bySlot.set(workshop.slot, [...(bySlot.get(workshop.slot) ?? []), workshop]);
  return h(
    "section",
    { class: "workshop-switch", "aria-labelledby": "workshop-switch-heading" },
    h("h2", { id: "workshop-switch-heading" }, t("workshop.switch_heading")),
    h("p", { class: "hint" }, t("workshop.switch_hint")),
    [...bySlot].map(([slot, options], index) => {
      const select = h("select", { id: `workshop-switch-${index}`, name: `workshop-switch-${index}` }, options.map((w) => h("option", { value: w.key }, workshopOptionLabel(w))));
      const current = registration.workshops.find((w) => w.slot === slot && w.preference === 1);
      if (current) select.value = current.key;
      const button = h("button", { type: "submit", class: "button button-secondary" }, t("workshop.switch_button"));
      const question = h("p", { class: "workshop-consequence", id: `workshop-consequence-${index}`, tabindex: "-1" });
      const yes = h("button", { type: "button", class: "button", "aria-describedby": question.id });
      const no = h("button", { type: "button", class: "button button-secondary" }, t("workshop.confirm_no"));
      const confirmArea = h("div", { class: "confirm-switch", hidden: true }, question, h("div", { class: "button-row" }, yes, no));
      const close = () => {
        confirmArea.hidden = true;
        button.hidden = false;
        select.disabled = false;
      };
      no.addEventListener("click", () => {
        close();
        select.focus();
      });
      yes.addEventListener("click", async () => {
        yes.disabled = true;
        no.disabled = true;
        try {
          await onSwitch(slot, select.value);
        } finally {
          yes.disabled = false;
          no.disabled = false;
        }
      });
      return h(
        "form",
        {
          class: "field",
          onsubmit: (event: Event) => {
            event.preventDefault();
            const wanted = options.find((w) => w.key === select.value);
            if (!wanted || (current && current.key === wanted.key && current.status === "confirmed")) return;
            const { text, button: label } = consequence(registration.workshops, wanted);
            question.replaceChildren(...text);
            yes.textContent = label;
            confirmArea.hidden = false;
            button.hidden = true;
            select.disabled = true;
            question.focus();
          },
        },
        h("label", { for: select.id }, bySlot.size > 1 ? t("form.workshop_round", { number: index + 1 }) : t("form.workshop_first")),
        select,
        " ",
        button,
        confirmArea,
      );
    }),
  );
}
