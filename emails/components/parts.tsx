/** Building blocks used by several templates. */
import { Button, Img, Link, Section, Text } from "@react-email/components";
import type { EmailContact, EmailData, EmailWorkshop } from "../types";
import type { EmailKey, EmailText } from "./i18n";
import { styles } from "./styles";

export function Paragraph({ children }: { children: React.ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function Greeting({ text, name }: { text: EmailText; name: string }) {
  return <Paragraph>{text.t("email.common.greeting", { name })}</Paragraph>;
}

/** A label with its value; the label is bold so the facts can be scanned. */
function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text style={styles.text}>
      <span style={styles.label}>{label}:</span>
      <br />
      {children}
    </Text>
  );
}

export type EventFactsProps = {
  text: EmailText;
  data: EmailData;
  /** "places" for a held place, "places_requested" on the waiting list. */
  placesLabel?: "places" | "places_requested";
  /** Show the online link (only confirmed participants get one). */
  showOnline?: boolean;
};

/**
 * A value written by someone else (a title, a place, a name) inside the reader's text: isolated
 * with <bdi> (and, where its letters run the other way, Unicode isolates that survive into the
 * plain-text part), so a German title's colon stays at its end on an Arabic line.
 */
export function Isolated({ text, children }: { text: EmailText; children: string }) {
  return <bdi>{text.isolate(children)}</bdi>;
}

/** A workshop's line: its name and own time, and what the participant has there. */
function workshopLine(text: EmailText, workshop: EmailWorkshop): string {
  const name =
    workshop.startsAt && workshop.endsAt
      ? text.t("email.common.workshop_time", { name: workshop.name, start: text.time(workshop.startsAt), end: text.time(workshop.endsAt) })
      : text.isolate(workshop.name);
  switch (workshop.status) {
    case "confirmed":
      return text.t("email.common.workshop_confirmed", { workshop: name });
    case "kept":
      return text.t("email.common.workshop_kept", { workshop: name });
    case "waitlisted":
      return workshop.waitlistPosition !== null
        ? text.t("email.common.workshop_waitlisted_position", { workshop: name, position: workshop.waitlistPosition })
        : text.t("email.common.workshop_waitlisted", { workshop: name });
    default:
      return text.t("email.common.workshop_other", { workshop: name });
  }
}

/** Event, dates, place (with accessibility) or how to join online, the workshops, and places. */
export function EventFacts({ text, data, placesLabel = "places", showOnline = true }: EventFactsProps) {
  const { event } = data;
  const sessions = event.sessions;
  const location = event.location;
  const workshops = data.workshops ?? [];
  return (
    <Section style={{ margin: "8px 0 8px" }}>
      <Fact label={text.t("email.common.event")}>
        <Isolated text={text}>{event.title}</Isolated>
      </Fact>
      {sessions.length > 0 && (
        <Fact label={text.plural("email.common.when", sessions.length)}>
          {sessions.map((session, index) => {
            const when = text.sessionWhen(session.startsAt, session.endsAt);
            return (
              <span key={index}>
                {index > 0 && <br />}
                {session.title ? text.t("email.common.session_titled", { title: session.title, when }) : when}
              </span>
            );
          })}
        </Fact>
      )}
      {location && (
        <Fact label={text.t("email.common.where")}>
          <Isolated text={text}>{location.name}</Isolated>
          {event.originalLocationName && (
            <>
              {" "}
              (<bdi lang="de">{text.isolate(event.originalLocationName)}</bdi>)
            </>
          )}
          {location.address && (
            <>
              <br />
              <Isolated text={text}>{location.address}</Isolated>
            </>
          )}
        </Fact>
      )}
      {location?.accessibility && <Fact label={text.t("email.common.accessibility")}>{location.accessibility}</Fact>}
      {showOnline && event.onlineUrl && (
        <Fact label={text.t("email.common.online")}>
          {text.t("email.common.online_hint")}
          <br />
          <Link href={event.onlineUrl} style={styles.link} dir="ltr">
            {event.onlineUrl}
          </Link>
          <br />
          {text.t("email.common.online_how")}
        </Fact>
      )}
      {/* Online, but no link for this reader yet (waiting, unconfirmed): when it comes. */}
      {event.online && !(showOnline && event.onlineUrl) && <Fact label={text.t("email.common.online")}>{text.t("email.common.online_later")}</Fact>}
      {workshops.length > 0 && (
        <Fact label={text.plural("email.common.workshops", workshops.length)}>
          {workshops.map((workshop, index) => (
            <span key={index}>
              {index > 0 && <br />}
              {workshopLine(text, workshop)}
            </span>
          ))}
        </Fact>
      )}
      {data.whatToBring && <Fact label={text.t("email.common.what_to_bring")}>{data.whatToBring}</Fact>}
      <Fact label={text.t(`email.common.${placesLabel}`)}>{text.plural("email.common.places_count", data.places)}</Fact>
    </Section>
  );
}

export type ManageLinkProps = {
  text: EmailText;
  url: string;
  intro?: EmailKey | null;
  button?: EmailKey;
};

/** The private link to the manage page: a button, the raw URL as a fallback, a privacy hint. */
export function ManageLink({ text, url, intro = "email.common.manage_intro", button = "email.common.manage_button" }: ManageLinkProps) {
  return (
    <Section style={{ margin: "8px 0 8px" }}>
      {intro && <Paragraph>{text.t(intro)}</Paragraph>}
      <Section style={{ margin: "4px 0 18px" }}>
        <Button href={url} style={styles.button}>
          {text.t(button)}
        </Button>
      </Section>
      {/* In the plain-text version the button already shows the link. */}
      <Text style={styles.small} data-skip-in-text="true">
        {text.t("email.common.link_fallback")}
        <br />
        {/* A link reads left to right also in an Arabic mail (a trailing "-" stays at its end). */}
        <Link href={url} style={styles.link} dir="ltr">
          {url}
        </Link>
      </Text>
      <Text style={styles.small}>{text.t("email.common.link_private")}</Text>
    </Section>
  );
}

/** Text typed by organisers (untrusted): React escapes it; line breaks stay line breaks. */
export function Multiline({ value }: { value: string }) {
  const lines = value.replace(/\r\n?/g, "\n").split("\n");
  return (
    <>
      {lines.map((line, index) => (
        <span key={index}>
          {index > 0 && <br />}
          {line}
        </span>
      ))}
    </>
  );
}

/**
 * The check-in QR code. Sent with the email as an inline image (`cid:`, render.ts attaches it),
 * so mail clients show it without loading anything from elsewhere; the bulk emails link the
 * hosted image instead (served so that webmail on any origin may load it). Online events have
 * no entrance: compose.ts gives them no code, and they say how to join instead.
 */
export function CheckInQr({ text, qr }: { text: EmailText; qr: EmailData["checkInQr"] }) {
  const src = qr?.contentId ? `cid:${qr.contentId}` : (qr?.url ?? qr?.dataUri);
  if (!src) return null;
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Text style={styles.text}>
        <span style={styles.label}>{text.t("email.common.check_in")}:</span> {text.t("email.common.check_in_hint")}
      </Text>
      <Img src={src} width="180" height="180" alt={text.t("email.common.check_in_alt")} />
    </Section>
  );
}

/** Whom to ask: the event's contact (name, email, phone where given). */
export function ContactBlock({ text, contact }: { text: EmailText; contact: EmailContact | null | undefined }) {
  if (!contact?.name) return null;
  return (
    <Text style={styles.small}>
      {text.t("email.common.contact_intro")}
      <br />
      <Isolated text={text}>{contact.name}</Isolated>
      {contact.email && (
        <>
          <br />
          <Link href={`mailto:${contact.email}`} style={styles.link} dir="ltr">
            {contact.email}
          </Link>
        </>
      )}
      {contact.phone && (
        <>
          <br />
          <Link href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`} style={styles.link} dir="ltr">
            {contact.phone}
          </Link>
        </>
      )}
    </Text>
  );
}

/** A single action link (sign-in, invitation, console): a button and the raw URL as a fallback. */
export function ActionLink({ text, url, button }: { text: EmailText; url: string; button: EmailKey }) {
  return (
    <Section style={{ margin: "8px 0 8px" }}>
      <Section style={{ margin: "4px 0 18px" }}>
        <Button href={url} style={styles.button}>
          {text.t(button)}
        </Button>
      </Section>
      <Text style={styles.small} data-skip-in-text="true">
        {text.t("email.common.link_fallback")}
        <br />
        <Link href={url} style={styles.link}>
          {url}
        </Link>
      </Text>
    </Section>
  );
}
