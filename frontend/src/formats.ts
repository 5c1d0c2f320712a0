/**
 * The parts of the registration form and the manage page that depend on the kind of event:
 * parallel workshops (conferences), stand applications and the exhibitor list (fairs),
 * children in households, and the calendar file.
 */
import type { ManagedRegistration, PublicEventDetail, RegistrationRequest, WorkshopPlace } from "../../workers/src/api-types";
import { h, type Child } from "./dom";
import type { FieldSet } from "./form-fields";
import { t } from "./i18n";

const STAND_NEEDS = ["table", "power", "wall"] as const;

/** Workshops grouped by their parallel slot, in the order the event lists them. */
function slots(event: PublicEventDetail): [string, PublicEventDetail["workshops"]][] {
  const bySlot = new Map<string, PublicEventDetail["workshops"]>();
  for (const workshop of event.workshops) bySlot.set(workshop.slot, [...(bySlot.get(workshop.slot) ?? []), workshop]);
  return [...bySlot];
}

function workshopLabel(workshop: PublicEventDetail["workshops"][number]): string {
  return workshop.placesLeft > 0
    ? t("form.workshop_places_left", { name: workshop.name, count: workshop.placesLeft })
    : t("form.workshop_full", { name: workshop.name });
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
          workshops.map((w) => h("option", { value: w.key }, w.name)),
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
    { value: stand.key, label: t("form.kind_stand", { name: stand.name }) },
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

function workshopStatus(place: WorkshopPlace): string {
  if (place.status === "confirmed") return t("workshop.status_confirmed", { name: place.name });
  if (place.status === "waitlisted")
    return place.waitlistPosition !== null
      ? t("workshop.status_waitlisted_position", { name: place.name, position: place.waitlistPosition })
      : t("workshop.status_waitlisted", { name: place.name });
  return t("workshop.status_other", { name: place.name });
}

/** The participant's workshops: status of each, and a second choice marked as such. */
export function workshopList(places: WorkshopPlace[]): Child {
  if (places.length === 0) return null;
  return h(
    "ul",
    { class: "workshop-places" },
    places.map((place) => h("li", { "data-workshop": place.key, "data-status": place.status }, workshopStatus(place), place.preference === 2 ? [" ", t("workshop.second_choice")] : null)),
  );
}

/** On the manage page: switch to another workshop of a slot (frees the old place). */
export function workshopSwitch(
  registration: ManagedRegistration,
  workshops: PublicEventDetail["workshops"],
  onSwitch: (slot: string, key: string) => Promise<void>,
): Child {
  if (!registration.actions.includes("workshops") || workshops.length === 0) return null;
  const bySlot = new Map<string, PublicEventDetail["workshops"]>();
  for (const workshop of workshops) bySlot.set(workshop.slot, [...(bySlot.get(workshop.slot) ?? []), workshop]);
  return h(
    "section",
    { class: "workshop-switch", "aria-labelledby": "workshop-switch-heading" },
    h("h2", { id: "workshop-switch-heading" }, t("workshop.switch_heading")),
    h("p", { class: "hint" }, t("workshop.switch_hint")),
    [...bySlot].map(([slot, options], index) => {
      const select = h("select", { id: `workshop-switch-${index}` }, options.map((w) => h("option", { value: w.key }, workshopLabel(w))));
      const current = registration.workshops.find((w) => w.slot === slot && w.preference === 1);
      if (current) select.value = current.key;
      const button = h("button", { type: "submit", class: "button button-secondary" }, t("workshop.switch_button"));
      return h(
        "form",
        {
          class: "field",
          onsubmit: async (event: Event) => {
            event.preventDefault();
            button.disabled = true;
            try {
              await onSwitch(slot, select.value);
            } finally {
              button.disabled = false;
            }
          },
        },
        h("label", { for: select.id }, bySlot.size > 1 ? t("form.workshop_round", { number: index + 1 }) : t("form.workshop_first")),
        select,
        " ",
        button,
      );
    }),
  );
}
