/**
 * Demo data for zusammen: the 2025 programme of the Kommunales Integrationszentrum
 * Düsseldorf (see db/seed/README.md), moved to each event's next future edition.
 *
 * `demoSeedSql(now)` returns idempotent SQL for `wrangler d1 execute --file`:
 * organisations and events are keyed by their unique slug (ON CONFLICT DO NOTHING),
 * capacity pools by (event_id, key), and an event's sessions are inserted only while the
 * event has none. Running it twice, or on a database that already holds registrations,
 * changes nothing. Upserts are used rather than INSERT OR IGNORE so that a missing NOT NULL
 * value still fails loudly instead of silently dropping a row.
 *
 * Run directly: `node db/seed/demo.mjs [--now=2026-05-01T12:00:00Z] > seed.sql`
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DAY_MS = 24 * 60 * 60 * 1000;
/** An event is moved to a year in which it starts at least this far after `now`. */
const MIN_LEAD_DAYS = 3;
/** Registration opens this many days before `now` (at Berlin midnight), so it is open now. */
const OPENED_DAYS_AGO = 21;
const ORGANISATION_SLUG = "ki-duesseldorf";

const berlinParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Berlin",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * Offset of Europe/Berlin from UTC at instant `t` in ms (+1 h in winter, +2 h in summer).
 * @param {number} t epoch ms
 */
export function berlinOffsetMs(t) {
  const whole = Math.floor(t / 1000) * 1000;
  /** @type {Record<string, number>} */
  const p = {};
  for (const part of berlinParts.formatToParts(new Date(whole))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * Epoch ms of a Berlin wall-clock time. Out-of-range days roll over (day 0 = last of the
 * previous month), as with Date.UTC.
 * @param {number} year @param {number} month 1-12 @param {number} day
 * @param {number} hour @param {number} minute
 */
export function berlinTime(year, month, day, hour, minute = 0) {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = naive - berlinOffsetMs(naive);
  // Near a daylight-saving switch the offset at the guess can differ from the one at `naive`.
  return naive - berlinOffsetMs(firstGuess);
}

/** @param {number} t epoch ms @returns {{year: number, month: number, day: number}} */
function berlinDate(t) {
  const d = new Date(t + berlinOffsetMs(t));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The first year in which month/day at hour:minute (Berlin) lies at least MIN_LEAD_DAYS after now.
 * @param {number} nowMs @param {number} month @param {number} day @param {number} hour @param {number} minute
 */
function nextEditionYear(nowMs, month, day, hour, minute) {
  let year = berlinDate(nowMs).year - 1;
  while (berlinTime(year, month, day, hour, minute) < nowMs + MIN_LEAD_DAYS * DAY_MS) year += 1;
  return year;
}

/** @param {unknown} value */
function sql(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return sql(JSON.stringify(value));
}

/**
 * @typedef {{ de: string, en: string }} Localized
 * @typedef {{ month: number, day: number, start: [number, number], end: [number, number], title?: Localized }} SessionSpec
 * @typedef {{ kind: "event" | "workshop" | "registration_type", key: string, slot?: string, name?: Localized, capacity: number, start?: [number, number], end?: [number, number] }} PoolSpec
 * @typedef {{ name: string, address: string, accessibility: Localized }} LocationSpec
 * @typedef {{
 *   slug: string, format: string, status?: "draft" | "published",
 *   texts: (year: number) => { de: { title: string, summary: string, description: string }, en: { title: string, summary: string, description: string } },
 *   audience: string[], languages: string[], location: LocationSpec | null, onlineUrl?: string,
 *   registrationMode?: "open" | "approval" | "none", maxPlaces?: number, emailConfirmation?: boolean,
 *   waitlistEnabled?: boolean, waitlistMode?: "confirm" | "offer", offerHours?: number,
 *   questions?: object[], sessions: SessionSpec[], pools: PoolSpec[],
 *   allowLateRegistration?: boolean, countChildren?: boolean, certificateRule?: object, certificateSigner?: { name: string, role: string },
 *   contact?: { name?: string, email?: string, phone?: string },
 * }} EventSpec
 */

/** @satisfies {Record<string, LocationSpec>} */
const VENUES = {
  integrationszentrum: {
    name: "Kommunales Integrationszentrum, Seminarraum 1",
    address: "Willi-Becker-Allee 10, 40227 Düsseldorf",
    accessibility: {
      de: "Stufenloser Zugang, Aufzug, barrierefreies WC im Erdgeschoss.",
      en: "Step-free access, lift, accessible toilet on the ground floor.",
    },
  },
  zentralbibliothek: {
    name: "Zentralbibliothek im KAP1",
    address: "Konrad-Adenauer-Platz 1, 40210 Düsseldorf",
    accessibility: {
      de: "Stufenloser Zugang über den Haupteingang, Aufzüge zu allen Etagen, barrierefreies WC.",
      en: "Step-free access through the main entrance, lifts to all floors, accessible toilet.",
    },
  },
  fft: {
    name: "FFT – Forum Freies Theater im KAP1",
    address: "Konrad-Adenauer-Platz 1, 40210 Düsseldorf",
    accessibility: {
      de: "Stufenloser Zugang, Plätze für Rollstühle im Saal, barrierefreies WC.",
      en: "Step-free access, wheelchair spaces in the hall, accessible toilet.",
    },
  },
  ihk: {
    name: "IHK Düsseldorf",
    address: "Ernst-Schneider-Platz 1, 40212 Düsseldorf",
    accessibility: {
      de: "Stufenloser Zugang über den Haupteingang, Aufzug, barrierefreies WC.",
      en: "Step-free access through the main entrance, lift, accessible toilet.",
    },
  },
  rathaus: {
    name: "Rathaus Düsseldorf, Plenarsaal",
    address: "Marktplatz 2, 40213 Düsseldorf",
    accessibility: {
      de: "Zugang mit Rampe am Seiteneingang, Aufzug, barrierefreies WC.",
      en: "Ramp at the side entrance, lift, accessible toilet.",
    },
  },
  buergerhausBilk: {
    name: "Bürgerhaus Bilk",
    address: "Bachstraße 145, 40217 Düsseldorf",
    accessibility: {
      de: "Stufenloser Zugang, barrierefreies WC, Platz für Kinderwagen, Wickelraum.",
      en: "Step-free access, accessible toilet, room for prams, baby changing room.",
    },
  },
};

/** @type {EventSpec[]} */
const EVENTS = [
  {
    slug: "asylrecht-workshop",
    format: "workshop",
    texts: () => ({
      de: {
        title: "Workshop Asylrecht: Der Umsturz in Syrien – Alles, was man jetzt in der Migrationsberatung wissen muss",
        summary:
          "Workshop für Fachkräfte in der Migrationsberatung: Was bedeutet der Umsturz in Syrien für Asylverfahren und Aufenthalt?",
        description:
          "Nach dem Umsturz in Syrien haben viele Menschen Fragen. Was passiert mit laufenden Asylverfahren? Was gilt für Menschen mit Schutzstatus? Wie beraten wir jetzt gut und richtig?\n\n" +
          "Eine Fachanwältin für Migrationsrecht erklärt die aktuelle Rechtslage. Sie bekommen praktische Hinweise für die Beratung. Bringen Sie gerne eigene Fälle und Fragen mit (bitte ohne Namen).\n\n" +
          "Der Workshop ist für Fachkräfte aus Beratungsstellen, Sozialdiensten und Migrantenorganisationen. Es gibt nur 12 Plätze, ein Platz pro Anmeldung. Wenn alle Plätze vergeben sind, kommen Sie auf die Warteliste.",
      },
      en: {
        title: "Asylum law workshop: The upheaval in Syria – what migration advisers need to know now",
        summary:
          "Workshop for migration advisers: what does the upheaval in Syria mean for asylum procedures and residence rights?",
        description:
          "Since the upheaval in Syria, many people have questions. What happens to pending asylum procedures? What applies to people with protection status? How do we give good and correct advice now?\n\n" +
          "A lawyer specialising in migration law explains the current legal situation. You get practical advice for your counselling work. You are welcome to bring your own cases and questions (please without names).\n\n" +
          "The workshop is for professionals from advice centres, social services and migrant organisations. There are only 12 places, one place per registration. When all places are taken, you join the waiting list.",
      },
    }),
    audience: ["professionals"],
    languages: ["de"],
    location: VENUES.integrationszentrum,
    contact: { name: "Marta Nowak", email: "integration@example.org", phone: "0211 89-21000" },
    maxPlaces: 1,
    waitlistMode: "confirm",
    questions: [
      {
        id: "organisation",
        type: "short_text",
        required: false,
        label: { de: "Für welche Beratungsstelle arbeiten Sie?", en: "Which advice centre do you work for?" },
      },
    ],
    sessions: [{ month: 3, day: 15, start: [10, 0], end: [15, 0] }],
    pools: [{ kind: "event", key: "main", capacity: 12 }],
  },
  {
    slug: "qualifizierungsreihe-migrantenorganisationen",
    format: "series",
    certificateRule: { kind: "min_sessions", sessions: 2 },
    certificateSigner: { name: "Dr. Selin Aydın", role: "Leitung Kommunales Integrationszentrum" },
    texts: () => ({
      de: {
        title: "Qualifizierungsreihe für Migrantenorganisationen",
        summary:
          "Drei Workshops für Migrantenorganisationen: Fördermittel finden, Projekte entwickeln, Marketing und Netzwerkarbeit.",
        description:
          "Sie sind in einer Migrantenorganisation aktiv und möchten Projekte umsetzen? In dieser Reihe lernen Sie Schritt für Schritt, wie das geht.\n\n" +
          "Workshop 1: Fördermittelrecherche – Wo finde ich Geld für unser Projekt?\n" +
          "Workshop 2: Projektentwicklung – Von der Idee zum Antrag.\n" +
          "Workshop 3: Marketing und Netzwerkarbeit – Wie machen wir unsere Arbeit bekannt?\n\n" +
          "Sie melden sich einmal für alle drei Termine an. Wer regelmäßig teilnimmt, bekommt am Ende eine Teilnahmebescheinigung. Die Teilnahme ist kostenlos.\n\n" +
          "Nach der Anmeldung bekommen Sie eine E-Mail. Bitte bestätigen Sie darin Ihre E-Mail-Adresse.",
      },
      en: {
        title: "Qualification series for migrant organisations",
        summary: "Three workshops for migrant organisations: finding funding, developing projects, marketing and networking.",
        description:
          "Are you active in a migrant organisation and want to run projects? In this series you learn how, step by step.\n\n" +
          "Workshop 1: Finding funding – where can we get money for our project?\n" +
          "Workshop 2: Project development – from the idea to the application.\n" +
          "Workshop 3: Marketing and networking – how do we make our work known?\n\n" +
          "You register once for all three dates. If you take part regularly, you receive a certificate of attendance at the end. Participation is free of charge.\n\n" +
          "After registering you receive an email. Please confirm your email address with it.",
      },
    }),
    audience: ["migrant_organisations"],
    languages: ["de"],
    location: VENUES.integrationszentrum,
    emailConfirmation: true,
    questions: [
      {
        id: "organisation",
        type: "short_text",
        required: true,
        label: { de: "Name Ihrer Organisation", en: "Name of your organisation" },
      },
      {
        id: "role",
        type: "single_choice",
        required: false,
        label: { de: "Welche Rolle haben Sie in Ihrer Organisation?", en: "What is your role in your organisation?" },
        options: [
          { id: "board", label: { de: "Vorstand", en: "Board member" } },
          { id: "staff", label: { de: "Hauptamtlich", en: "Paid staff" } },
          { id: "volunteer", label: { de: "Ehrenamtlich", en: "Volunteer" } },
        ],
      },
    ],
    sessions: [
      {
        month: 5,
        day: 14,
        start: [17, 0],
        end: [20, 0],
        title: { de: "Workshop Fördermittelrecherche", en: "Workshop: Finding funding" },
      },
      {
        month: 6,
        day: 28,
        start: [10, 0],
        end: [15, 0],
        title: { de: "Workshop Projektentwicklung", en: "Workshop: Project development" },
      },
      {
        month: 9,
        day: 24,
        start: [17, 0],
        end: [20, 0],
        title: { de: "Workshop Marketing und Netzwerkarbeit", en: "Workshop: Marketing and networking" },
      },
    ],
    pools: [{ kind: "event", key: "main", capacity: 20 }],
  },
  {
    slug: "fachtag-gesundheit-fuer-alle",
    format: "conference",
    texts: () => ({
      de: {
        title: "Fachtag: Gesundheit für alle – Strategien für eine diversitätssensible Gesundheitsversorgung",
        summary:
          "Fachtag mit dem Gesundheitsamt Düsseldorf: Wie wird die Gesundheitsversorgung für alle Menschen in unserer Stadt zugänglich?",
        description:
          "Nicht alle Menschen haben den gleichen Zugang zur Gesundheitsversorgung. Sprache, Aufenthaltsstatus oder Diskriminierung können Hürden sein. Beim Fachtag sprechen wir darüber, wie wir diese Hürden gemeinsam abbauen.\n\n" +
          "Am Vormittag gibt es Vorträge und ein Gespräch mit Fachleuten aus Praxis und Verwaltung. Am Nachmittag (13:30 bis 15:30 Uhr) wählen Sie bei der Anmeldung einen von drei Workshops:\n" +
          "– Sprachmittlung und Dolmetschen im Gesundheitswesen\n" +
          "– Zugänge schaffen: Gesundheitsversorgung für Neuzugewanderte\n" +
          "– Psychische Gesundheit und traumasensible Arbeit\n\n" +
          "Jeder Workshop hat 25 Plätze. Der Fachtag ist eine Kooperation des Kommunalen Integrationszentrums mit dem Gesundheitsamt Düsseldorf. Für Essen und Getränke ist gesorgt.",
      },
      en: {
        title: "Conference: Health for all – strategies for diversity-sensitive health care",
        summary:
          "Conference with the Düsseldorf public health department: how can health care become accessible to everyone in our city?",
        description:
          "Not everyone has the same access to health care. Language, residence status or discrimination can be barriers. At this conference we discuss how to remove these barriers together.\n\n" +
          "In the morning there are talks and a discussion with experts from practice and administration. For the afternoon (1:30 to 3:30 pm) you choose one of three workshops when you register:\n" +
          "– Language mediation and interpreting in health care\n" +
          "– Opening access: health care for newcomers\n" +
          "– Mental health and trauma-informed work\n\n" +
          "Each workshop has 25 places. The conference is organised by the Municipal Integration Centre together with the Düsseldorf public health department. Food and drinks are provided.",
      },
    }),
    audience: ["professionals"],
    languages: ["de"],
    location: VENUES.rathaus,
    contact: { name: "Jonas Weber, Gesundheitsamt Düsseldorf", email: "gesundheit@example.org" },
    questions: [
      {
        id: "field",
        type: "single_choice",
        required: false,
        label: { de: "In welchem Bereich arbeiten Sie?", en: "Which field do you work in?" },
        options: [
          { id: "health", label: { de: "Gesundheitswesen", en: "Health care" } },
          { id: "social", label: { de: "Soziale Arbeit und Beratung", en: "Social work and counselling" } },
          { id: "administration", label: { de: "Verwaltung", en: "Public administration" } },
          { id: "migrant_organisation", label: { de: "Migrantenorganisation", en: "Migrant organisation" } },
          { id: "other", label: { de: "Anderer Bereich", en: "Other" } },
        ],
      },
    ],
    sessions: [{ month: 11, day: 28, start: [9, 30], end: [16, 0] }],
    pools: [
      { kind: "event", key: "main", capacity: 120 },
      {
        kind: "workshop",
        key: "ws-dolmetschen",
        slot: "afternoon",
        capacity: 25,
        start: [13, 30],
        end: [15, 30],
        name: {
          de: "Workshop A: Sprachmittlung und Dolmetschen im Gesundheitswesen",
          en: "Workshop A: Language mediation and interpreting in health care",
        },
      },
      {
        kind: "workshop",
        key: "ws-zugang",
        slot: "afternoon",
        capacity: 25,
        start: [13, 30],
        end: [15, 30],
        name: {
          de: "Workshop B: Zugänge schaffen – Gesundheitsversorgung für Neuzugewanderte",
          en: "Workshop B: Opening access – health care for newcomers",
        },
      },
      {
        kind: "workshop",
        key: "ws-psyche",
        slot: "afternoon",
        capacity: 25,
        start: [13, 30],
        end: [15, 30],
        name: {
          de: "Workshop C: Psychische Gesundheit und traumasensible Arbeit",
          en: "Workshop C: Mental health and trauma-informed work",
        },
      },
    ],
  },
  {
    slug: "markt-der-moeglichkeiten",
    format: "fair",
    texts: () => ({
      de: {
        title: "Außerschulische Kooperationen bilden – Markt der Möglichkeiten",
        summary: "Für Lehrkräfte und alle, die an Schule arbeiten: Lernen Sie Partner für Ihre Schule kennen.",
        description:
          "Viele Vereine, Initiativen und Einrichtungen in Düsseldorf möchten mit Schulen zusammenarbeiten. Auf dem Markt der Möglichkeiten in der IHK Düsseldorf stellen sie ihre Angebote vor, zum Beispiel zu Sprachförderung, Demokratiebildung, Kultur und Sport.\n\n" +
          "Zu Beginn gibt es einen kurzen Vortrag: Wie gelingt eine gute Zusammenarbeit zwischen Schule und außerschulischen Partnern? Danach besuchen Sie die Stände, stellen Fragen und knüpfen Kontakte.\n\n" +
          "Die Veranstaltung ist für Lehrkräfte, Schulleitungen, Schulsozialarbeit und andere Personen, die an Schule tätig sind. Organisationen können sich für einen Stand bewerben.",
      },
      en: {
        title: "Building partnerships beyond school – Marketplace of opportunities",
        summary: "For teachers and everyone working at schools: meet partners for your school.",
        description:
          "Many associations, initiatives and institutions in Düsseldorf want to work with schools. At the marketplace of opportunities at the IHK Düsseldorf (Chamber of Industry and Commerce) they present their offers, for example on language support, democracy education, culture and sport.\n\n" +
          "It starts with a short talk: how does good cooperation between schools and external partners work? Afterwards you visit the stands, ask questions and make contacts.\n\n" +
          "The event is for teachers, head teachers, school social workers and others working at schools. Organisations can apply for a stand.",
      },
    }),
    audience: ["teachers"],
    languages: ["de"],
    location: VENUES.ihk,
    questions: [
      {
        id: "school",
        type: "short_text",
        required: true,
        label: { de: "An welcher Schule arbeiten Sie?", en: "Which school do you work at?" },
      },
    ],
    sessions: [{ month: 2, day: 18, start: [14, 30], end: [18, 0] }],
    pools: [
      { kind: "event", key: "main", capacity: 150, name: { de: "Besuch", en: "Visitors" } },
      {
        kind: "registration_type",
        key: "stands",
        capacity: 25,
        name: { de: "Ausstellungsstände", en: "Exhibitor stands" },
      },
    ],
  },
  {
    slug: "ausstellung-100-boote",
    format: "exhibition",
    texts: (year) => ({
      de: {
        title: "Ausstellung „100 Boote – 100 Millionen Menschen“",
        summary:
          "Ausstellung in der Zentralbibliothek: Düsseldorfer Schulen haben Boote gestaltet – zum Thema Flucht und Vertreibung weltweit.",
        description:
          "Über 100 Millionen Menschen sind weltweit auf der Flucht. Das bundesweite Projekt „100 Boote – 100 Millionen Menschen“ macht darauf aufmerksam. Drei Düsseldorfer Schulen aus dem Netzwerk „Schule ohne Rassismus – Schule mit Courage“ haben mitgemacht und vier Boote gestaltet.\n\n" +
          `Die Ausstellung zeigt die Boote und die Geschichten dahinter. Sie ist vom 17. November bis zum 31. Dezember ${year} in der Zentralbibliothek zu sehen, während der Öffnungszeiten der Bibliothek.\n\n` +
          "Der Eintritt ist frei. Sie müssen sich nicht anmelden. Zur Eröffnung am 17. November um 18 Uhr sind alle herzlich eingeladen.",
      },
      en: {
        title: "Exhibition “100 Boats – 100 Million People”",
        summary:
          "Exhibition at the Central Library: Düsseldorf schools designed boats about flight and displacement around the world.",
        description:
          "More than 100 million people worldwide have been forced to flee their homes. The nationwide project “100 Boats – 100 Million People” draws attention to this. Three Düsseldorf schools from the network “School without Racism – School with Courage” took part and designed four boats.\n\n" +
          `The exhibition shows the boats and the stories behind them. It is on display at the Central Library from 17 November to 31 December ${year}, during the library's opening hours.\n\n` +
          "Admission is free. You do not need to register. Everyone is welcome at the opening on 17 November at 6 pm.",
      },
    }),
    audience: ["public"],
    languages: ["de", "en"],
    location: VENUES.zentralbibliothek,
    registrationMode: "none",
    waitlistEnabled: false,
    sessions: [
      {
        month: 11,
        day: 17,
        start: [18, 0],
        end: [20, 0],
        title: { de: "Eröffnung der Ausstellung (Vernissage)", en: "Opening of the exhibition" },
      },
    ],
    pools: [],
  },
  {
    slug: "info-lehrkraefte-seiteneinstieg",
    format: "online",
    texts: () => ({
      de: {
        title: "Digitale Informationsveranstaltung für Lehrkräfte: Seiteneinstieg und Mehrsprachigkeit",
        summary:
          "Online-Info für Lehrkräfte: Wie unterstütze ich neu zugewanderte Kinder und Jugendliche in der Schule?",
        description:
          "Neu zugewanderte Kinder und Jugendliche kommen oft mitten im Schuljahr an eine Schule. Das nennt man Seiteneinstieg. In dieser Online-Veranstaltung erfahren Sie: Wie läuft der Seiteneinstieg in Düsseldorf ab? Welche Angebote und Ansprechpersonen gibt es? Wie wird Mehrsprachigkeit im Unterricht zu einer Stärke?\n\n" +
          "Die Veranstaltung dauert 90 Minuten. Danach ist Zeit für Ihre Fragen.\n\n" +
          "Den Link zur Teilnahme bekommen Sie nach der Anmeldung per E-Mail. Bitte bestätigen Sie dafür Ihre E-Mail-Adresse.",
      },
      en: {
        title: "Online information session for teachers: Pupils joining mid-year and multilingualism",
        summary: "Online session for teachers: how can I support newly arrived children and young people at school?",
        description:
          "Newly arrived children and young people often join a school in the middle of the school year (“Seiteneinstieg”). In this online session you learn: How does joining mid-year work in Düsseldorf? Which services and contact persons are there? How can multilingualism become a strength in class?\n\n" +
          "The session takes 90 minutes, followed by time for your questions.\n\n" +
          "You receive the link to join by email after registering. Please confirm your email address for this.",
      },
    }),
    audience: ["teachers"],
    languages: ["de"],
    location: null,
    onlineUrl: "https://meet.example.org/zusammen-seiteneinstieg",
    emailConfirmation: true,
    questions: [
      {
        id: "school",
        type: "short_text",
        required: false,
        label: { de: "An welcher Schule arbeiten Sie?", en: "Which school do you work at?" },
      },
      {
        id: "topics",
        type: "multiple_choice",
        required: false,
        label: { de: "Welche Themen interessieren Sie besonders?", en: "Which topics interest you most?" },
        options: [
          { id: "seiteneinstieg", label: { de: "Ablauf des Seiteneinstiegs", en: "How joining mid-year works" } },
          { id: "sprachfoerderung", label: { de: "Deutsch als Zweitsprache", en: "German as a second language" } },
          { id: "hsu", label: { de: "Herkunftssprachlicher Unterricht", en: "Heritage language classes" } },
          { id: "eltern", label: { de: "Zusammenarbeit mit Eltern", en: "Working with parents" } },
        ],
      },
    ],
    sessions: [{ month: 1, day: 20, start: [16, 0], end: [17, 30] }],
    pools: [{ kind: "event", key: "main", capacity: 100 }],
  },
  {
    slug: "lesung-rassismus",
    format: "reading",
    texts: () => ({
      de: {
        title: "Lesung: „Wie wir uns Rassismus beibringen“",
        summary:
          "Lesung und Gespräch zum Internationalen Tag gegen Rassismus, in Kooperation mit dem FFT – Forum Freies Theater.",
        description:
          "Rassismus lernen wir oft schon als Kinder – aus Büchern, in der Schule, im Alltag. Meistens merken wir es gar nicht. Die Lesung zeigt, wie das passiert und was wir dagegen tun können.\n\n" +
          "Nach der Lesung gibt es ein offenes Gespräch mit dem Publikum. Die Veranstaltung gehört zum Internationalen Tag gegen Rassismus am 21. März. Sie findet in Kooperation mit dem FFT – Forum Freies Theater statt.\n\n" +
          "Der Eintritt ist frei. Bitte melden Sie sich an. Sie können bis zu 4 Plätze auf einmal buchen, zum Beispiel für Ihre Familie. Ist die Lesung ausgebucht, kommen Sie auf die Warteliste. Wird ein Platz frei, bekommen Sie eine E-Mail und haben 48 Stunden Zeit, den Platz anzunehmen.",
      },
      en: {
        title: "Reading: “How we teach ourselves racism”",
        summary:
          "Reading and discussion for the International Day against Racism, together with FFT – Forum Freies Theater.",
        description:
          "We often learn racism as children – from books, at school, in everyday life. Mostly we do not even notice. The reading shows how this happens and what we can do about it.\n\n" +
          "After the reading there is an open discussion with the audience. The event is part of the International Day against Racism on 21 March and takes place together with FFT – Forum Freies Theater.\n\n" +
          "Admission is free. Please register. You can book up to 4 places at once, for example for your family. If the reading is fully booked, you join the waiting list. When a place becomes free, you receive an email and have 48 hours to accept it.",
      },
    }),
    audience: ["public"],
    languages: ["de"],
    location: VENUES.fft,
    maxPlaces: 4,
    waitlistMode: "offer",
    offerHours: 48,
    sessions: [{ month: 3, day: 21, start: [19, 0], end: [21, 0] }],
    pools: [{ kind: "event", key: "main", capacity: 60 }],
  },
  {
    slug: "sommerfest-zertifikate",
    format: "festival",
    texts: () => ({
      de: {
        title: "Sommerfest und Zertifikatsverleihung Griffbereit und Rucksack-KiTa",
        summary:
          "Wir feiern die Familien aus den Elternbildungsprogrammen Griffbereit und Rucksack-KiTa – mit Zertifikaten, Spielen und Essen.",
        description:
          "In den Programmen Griffbereit und Rucksack-KiTa lernen Eltern, wie sie ihre Kinder beim Sprechen und Lernen unterstützen – auf Deutsch und in ihrer Familiensprache. Zum Abschluss feiern wir zusammen.\n\n" +
          "Die Eltern bekommen ihre Zertifikate. Es gibt Spiele für Kinder, Musik und ein Buffet. Gerne können Sie etwas zu essen mitbringen.\n\n" +
          "Die ganze Familie ist eingeladen. Sie können bis zu 6 Plätze auf einmal buchen. Bitte zählen Sie alle Personen mit, auch die Kinder. Elternbegleiterinnen helfen auf Türkisch, Arabisch, Ukrainisch und Russisch.",
      },
      en: {
        title: "Summer party and certificate ceremony for Griffbereit and Rucksack-KiTa",
        summary:
          "We celebrate the families of the parent education programmes Griffbereit and Rucksack-KiTa – with certificates, games and food.",
        description:
          "In the programmes Griffbereit and Rucksack-KiTa, parents learn how to support their children in speaking and learning – in German and in their family language. At the end we celebrate together.\n\n" +
          "Parents receive their certificates. There are games for children, music and a buffet. You are welcome to bring some food.\n\n" +
          "The whole family is invited. You can book up to 6 places at once. Please count everyone, including children. Parent guides help in Turkish, Arabic, Ukrainian and Russian.",
      },
    }),
    audience: ["parents"],
    languages: ["de", "tr", "ar", "uk", "ru"],
    location: VENUES.buergerhausBilk,
    maxPlaces: 6,
    countChildren: true,
    questions: [
      {
        id: "children",
        type: "number",
        required: false,
        label: {
          de: "Wie viele der angemeldeten Personen sind Kinder?",
          en: "How many of the people you register are children?",
        },
      },
      {
        id: "programme",
        type: "single_choice",
        required: false,
        label: {
          de: "Bekommen Sie ein Zertifikat? Aus welchem Programm?",
          en: "Are you receiving a certificate? From which programme?",
        },
        options: [
          { id: "griffbereit", label: { de: "Griffbereit", en: "Griffbereit" } },
          { id: "rucksack-kita", label: { de: "Rucksack-KiTa", en: "Rucksack-KiTa" } },
          { id: "none", label: { de: "Nein, ich bin Gast", en: "No, I am a guest" } },
        ],
      },
    ],
    sessions: [{ month: 7, day: 7, start: [15, 0], end: [18, 0] }],
    pools: [{ kind: "event", key: "main", capacity: 80 }],
  },
  {
    slug: "kickoff-vaeterforum",
    format: "meeting",
    status: "draft",
    texts: () => ({
      de: {
        title: "Kick-Off: Internationales Väterforum Düsseldorf",
        summary:
          "Wir gründen ein Forum für Väter aus vielen Ländern – zum Austausch über Erziehung, Schule und Familie.",
        description:
          "Väter sind wichtig für ihre Familie. Im Internationalen Väterforum treffen sich Väter aus vielen Ländern. Sie sprechen über Erziehung, Schule, Arbeit und Familie und unterstützen sich gegenseitig.\n\n" +
          "Beim Kick-Off lernen Sie das Forum kennen. Wir sammeln zusammen Themen und Ideen für die nächsten Treffen.\n\n" +
          "Es gibt Übersetzung auf Arabisch und Türkisch. Für Getränke und Snacks ist gesorgt.",
      },
      en: {
        title: "Kick-off: International Fathers' Forum Düsseldorf",
        summary: "We are founding a forum for fathers from many countries – to talk about parenting, school and family.",
        description:
          "Fathers matter to their families. In the International Fathers' Forum, fathers from many countries meet. They talk about parenting, school, work and family and support each other.\n\n" +
          "At the kick-off you get to know the forum. Together we collect topics and ideas for the next meetings.\n\n" +
          "Interpreting into Arabic and Turkish is provided. Drinks and snacks are provided.",
      },
    }),
    audience: ["parents"],
    languages: ["de", "ar", "tr"],
    location: VENUES.integrationszentrum,
    sessions: [{ month: 10, day: 1, start: [18, 0], end: [20, 30] }],
    pools: [{ kind: "event", key: "main", capacity: 40 }],
  },
  {
    slug: "grundschulung-laiensprachmittlung",
    format: "series",
    registrationMode: "approval",
    texts: () => ({
      de: {
        title: "Grundschulung für ehrenamtliche Laiensprachmittler*innen",
        summary: "Sie sprechen Deutsch und eine weitere Sprache? Werden Sie ehrenamtliche Sprachmittlerin oder ehrenamtlicher Sprachmittler. 30 Plätze.",
        description:
          "Viele Menschen brauchen beim Arzt, in der Schule oder beim Amt Hilfe mit der Sprache. Ehrenamtliche Laiensprachmittler*innen helfen dabei.\n\n" +
          "In der Grundschulung lernen Sie an vier Terminen: Ihre Rolle beim Übersetzen, Schweigepflicht, schwierige Gespräche und wo Sie Hilfe bekommen.\n\n" +
          "Bitte bewerben Sie sich mit dem Formular. Wir wählen 30 Personen aus und melden uns bei Ihnen. Die Schulung ist kostenlos.",
      },
      en: {
        title: "Basic training for volunteer lay interpreters",
        summary: "You speak German and another language? Become a volunteer lay interpreter. 30 places.",
        description:
          "Many people need help with language at the doctor's, at school or at public offices. Volunteer lay interpreters help with this.\n\n" +
          "In four sessions you learn about your role when interpreting, confidentiality, difficult conversations and where to get support.\n\n" +
          "Please apply with the form. We select 30 people and get back to you. The training is free of charge.",
      },
    }),
    audience: ["volunteers"],
    languages: ["de"],
    location: VENUES.integrationszentrum,
    questions: [
      {
        id: "languages",
        type: "short_text",
        required: true,
        label: { de: "Welche Sprachen sprechen Sie (außer Deutsch)?", en: "Which languages do you speak (besides German)?" },
      },
      {
        id: "availability",
        type: "multiple_choice",
        required: true,
        label: { de: "Wann können Sie Einsätze übernehmen?", en: "When can you take on assignments?" },
        options: [
          { id: "mornings", label: { de: "vormittags", en: "mornings" } },
          { id: "afternoons", label: { de: "nachmittags", en: "afternoons" } },
          { id: "evenings", label: { de: "abends", en: "evenings" } },
        ],
      },
    ],
    certificateRule: { kind: "all_sessions" },
    certificateSigner: { name: "Dr. Selin Aydın", role: "Leitung Kommunales Integrationszentrum" },
    sessions: [
      { month: 3, day: 14, start: [17, 0], end: [20, 0], title: { de: "Rolle und Haltung", en: "Role and attitude" } },
      { month: 3, day: 28, start: [17, 0], end: [20, 0], title: { de: "Schweigepflicht und Datenschutz", en: "Confidentiality and data protection" } },
      { month: 4, day: 11, start: [17, 0], end: [20, 0], title: { de: "Schwierige Gespräche", en: "Difficult conversations" } },
      { month: 4, day: 25, start: [17, 0], end: [20, 0], title: { de: "Praxis und Unterstützung", en: "Practice and support" } },
    ],
    pools: [{ kind: "event", key: "main", capacity: 30 }],
  },
  {
    slug: "griffbereit-elternprogramm",
    format: "series",
    texts: () => ({
      de: {
        title: "Griffbereit – Elternprogramm für Familien mit Kindern bis 3 Jahre",
        summary: "Acht Treffen für Eltern mit kleinen Kindern: spielen, singen, sprechen – auf Deutsch und in Ihrer Familiensprache.",
        description:
          "Bei Griffbereit treffen sich Eltern mit ihren Kindern einmal in der Woche. Eine Elternbegleiterin zeigt Spiele und Lieder, die beim Sprechenlernen helfen.\n\n" +
          "Sie können Ihre Kinder mitbringen. Am Ende bekommen Sie ein Zertifikat beim Sommerfest.",
      },
      en: {
        title: "Griffbereit – parent programme for families with children up to 3",
        summary: "Eight meetings for parents with small children: play, sing, talk – in German and in your family language.",
        description:
          "At Griffbereit, parents meet with their children once a week. A parent guide shows games and songs that help children learn to speak.\n\n" +
          "You can bring your children. At the end you receive a certificate at the summer party.",
      },
    }),
    audience: ["parents"],
    languages: ["de", "tr", "ar"],
    location: VENUES.buergerhausBilk,
    maxPlaces: 4,
    countChildren: true,
    allowLateRegistration: true,
    certificateRule: { kind: "min_sessions", sessions: 6 },
    certificateSigner: { name: "Dr. Selin Aydın", role: "Leitung Kommunales Integrationszentrum" },
    sessions: [
      { month: 4, day: 20, start: [9, 30], end: [11, 0] },
      { month: 4, day: 27, start: [9, 30], end: [11, 0] },
      { month: 5, day: 4, start: [9, 30], end: [11, 0] },
      { month: 5, day: 11, start: [9, 30], end: [11, 0] },
      { month: 5, day: 18, start: [9, 30], end: [11, 0] },
      { month: 5, day: 25, start: [9, 30], end: [11, 0] },
      { month: 6, day: 1, start: [9, 30], end: [11, 0] },
      { month: 6, day: 8, start: [9, 30], end: [11, 0] },
    ],
    pools: [{ kind: "event", key: "main", capacity: 24 }],
  },
];

/**
 * @param {EventSpec} spec @param {number} nowMs
 * @returns {string[]} SQL statements for the event, its sessions and its pools
 */
function eventStatements(spec, nowMs) {
  const first = spec.sessions[0];
  // All sessions of an event share the year of its first one (the series runs May to September).
  const year = nextEditionYear(nowMs, first.month, first.day, ...first.start);
  const sessions = spec.sessions.map((s) => ({
    startsAt: berlinTime(year, s.month, s.day, ...s.start),
    endsAt: berlinTime(year, s.month, s.day, ...s.end),
    title: s.title ?? null,
  }));
  const takesRegistrations = (spec.registrationMode ?? "open") !== "none";
  const opened = berlinDate(nowMs - OPENED_DAYS_AGO * DAY_MS);
  const opensAt = takesRegistrations ? berlinTime(opened.year, opened.month, opened.day, 0, 0) : null;
  const closesAt = takesRegistrations ? berlinTime(year, first.month, first.day - 1, 23, 59) : null;
  const slug = sql(spec.slug);

  const columns = {
    organisation_id: "o.id",
    slug,
    format: sql(spec.format),
    status: sql(spec.status ?? "published"),
    texts: sql(spec.texts(year)),
    audience: sql(spec.audience),
    languages: sql(spec.languages),
    location: sql(spec.location),
    online_url: sql(spec.onlineUrl ?? null),
    registration_mode: sql(spec.registrationMode ?? "open"),
    registration_opens_at: sql(opensAt),
    registration_closes_at: sql(closesAt),
    max_places_per_registration: sql(spec.maxPlaces ?? 1),
    email_confirmation: sql(spec.emailConfirmation ?? false),
    hold_minutes: sql(30),
    waitlist_enabled: sql(spec.waitlistEnabled ?? true),
    waitlist_mode: sql(spec.waitlistMode ?? "confirm"),
    offer_hours: sql(spec.offerHours ?? 48),
    questions: sql(spec.questions ?? []),
    allow_late_registration: sql(spec.allowLateRegistration ?? false),
    count_children: sql(spec.countChildren ?? false),
    certificate_rule: sql(spec.certificateRule ?? null),
    certificate_signer: sql(spec.certificateSigner ?? null),
    contact: sql(spec.contact ?? null),
  };
  const statements = [
    `INSERT INTO events (${Object.keys(columns).join(", ")})\n` +
      `SELECT ${Object.values(columns).join(",\n  ")}\n` +
      `FROM organisations o WHERE o.slug = ${sql(ORGANISATION_SLUG)}\n` +
      `ON CONFLICT (slug) DO NOTHING;`,
  ];

  // One statement per event, so a later run (with another `now`) never adds a second set of dates.
  // A VALUES list, not UNION ALL: D1 limits compound SELECTs to a few terms.
  const rows = sessions.map((s) => `(${sql(s.startsAt)}, ${sql(s.endsAt)}, ${sql(s.title)})`).join(",\n    ");
  statements.push(
    `WITH v(starts_at, ends_at, title) AS (VALUES\n    ${rows})\n` +
      `INSERT INTO sessions (event_id, starts_at, ends_at, title)\n` +
      `SELECT e.id, v.starts_at, v.ends_at, v.title\n` +
      `FROM events e, v\n` +
      `WHERE e.slug = ${slug} AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.event_id = e.id);`,
  );

  for (const pool of spec.pools) {
    // A workshop's own time on the day of the event's first date.
    const startsAt = pool.start ? berlinTime(year, first.month, first.day, ...pool.start) : null;
    const endsAt = pool.end ? berlinTime(year, first.month, first.day, ...pool.end) : null;
    statements.push(
      `INSERT INTO capacity_pools (event_id, kind, key, slot, name, capacity, starts_at, ends_at)\n` +
        `SELECT e.id, ${sql(pool.kind)}, ${sql(pool.key)}, ${sql(pool.slot ?? null)}, ${sql(pool.name ?? null)}, ${sql(pool.capacity)}, ${sql(startsAt)}, ${sql(endsAt)}\n` +
        `FROM events e WHERE e.slug = ${slug}\n` +
        `ON CONFLICT (event_id, key) DO NOTHING;`,
    );
  }
  return statements;
}

/**
 * The demo seed as idempotent SQL, with every event moved to its next edition after `now`.
 * @param {Date} [now]
 * @returns {string}
 */
/**
 * Demo staff, named in the README: an administrator, an organiser of the centre and a
 * check-in helper assigned to the asylum-law workshop. Sign in at /console with these
 * addresses; the link arrives in the dev mailbox.
 */
export const DEMO_STAFF = [
  { email: "admin@example.org", name: "Alex Admin", isAdmin: 1, role: null },
  { email: "organisation@example.org", name: "Olga Organisatorin", isAdmin: 0, role: "organiser" },
  { email: "einlass@example.org", name: "Ekin Einlass", isAdmin: 0, role: "checkin_helper", assignedTo: "asylrecht-workshop" },
];

function staffStatements() {
  return DEMO_STAFF.flatMap((person) => [
    `INSERT INTO users (email, email_normalized, name, is_admin) VALUES (${sql(person.email)}, ${sql(person.email)}, ${sql(person.name)}, ${person.isAdmin})\n` +
      `ON CONFLICT (email_normalized) DO NOTHING;`,
    ...(person.role
      ? [
          `INSERT INTO memberships (user_id, organisation_id, role)\n` +
            `SELECT u.id, o.id, ${sql(person.role)} FROM users u, organisations o\n` +
            `WHERE u.email_normalized = ${sql(person.email)} AND o.slug = ${sql(ORGANISATION_SLUG)}\n` +
            `ON CONFLICT (user_id, organisation_id) DO NOTHING;`,
        ]
      : []),
    ...(person.assignedTo
      ? [
          `INSERT INTO event_assignments (user_id, event_id)\n` +
            `SELECT u.id, e.id FROM users u, events e WHERE u.email_normalized = ${sql(person.email)} AND e.slug = ${sql(person.assignedTo)}\n` +
            `ON CONFLICT (user_id, event_id) DO NOTHING;`,
        ]
      : []),
  ]);
}

export function demoSeedSql(now = new Date()) {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error("demoSeedSql: invalid date");
  const statements = [
    `INSERT INTO organisations (slug, name, contact_email)\n` +
      `VALUES (${sql(ORGANISATION_SLUG)}, ${sql("Kommunales Integrationszentrum Düsseldorf")}, ${sql("integration@example.org")})\n` +
      `ON CONFLICT (slug) DO NOTHING;`,
    ...EVENTS.flatMap((spec) => eventStatements(spec, nowMs)),
    ...staffStatements(),
  ];
  return (
    `-- zusammen demo seed (db/seed/demo.mjs), dates relative to ${now.toISOString()}\n` +
    `-- Idempotent: existing organisations, events, sessions and pools are left as they are.\n\n` +
    statements.join("\n\n") +
    "\n"
  );
}

const invokedDirectly =
  typeof process !== "undefined" &&
  process.argv?.[1] !== undefined &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  const nowArg = process.argv.slice(2).find((a) => a.startsWith("--now="));
  const now = nowArg ? new Date(nowArg.slice("--now=".length)) : new Date();
  process.stdout.write(demoSeedSql(now));
}
