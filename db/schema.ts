/**
 * The data model of zusammen (D1 / SQLite).
 *
 * Times are epoch milliseconds (integers) so guarded SQL can compare them directly.
 * Capacity is held by registrations in a capacity pool: a registration whose status is
 * one of PLACE_TAKING_STATUSES takes `places` places of its pool. A conference workshop
 * choice is a child registration (parent_id) in the workshop's pool, so one mechanism
 * serves event-wide pools, workshop pools and registration types such as exhibitor stands.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES, type Locale } from "../workers/src/i18n/locales";

/** A list of constants as an SQL list, e.g. `('held', 'confirmed')`, for `IN` conditions. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ")})`;
}

export { LOCALES, type Locale };

/** Text entered by organisers per locale; German is the fallback. */
export type LocalizedText = Partial<Record<Locale, string>>;

export const EVENT_FORMATS = [
  "workshop",
  "series",
  "conference",
  "fair",
  "exhibition",
  "festival",
  "reading",
  "online",
  "meeting",
] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const EVENT_STATUSES = ["draft", "published", "cancelled"] as const;
/** open: anyone signs up; approval: organisers approve applications; none: free entry, no form. */
export const REGISTRATION_MODES = ["open", "approval", "none"] as const;
/** confirm: the next registration that fits is confirmed at once; offer: it gets an offer with a deadline. */
export const WAITLIST_MODES = ["confirm", "offer"] as const;

export const REGISTRATION_STATUSES = [
  "held", // places held until the email address is confirmed (double opt-in)
  "confirmed",
  "waitlisted",
  "offered", // a waitlist offer holds places until it is accepted or expires
  "pending_approval",
  "rejected",
  "cancelled",
  "expired", // an unconfirmed hold or an unanswered offer ran out
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const PLACE_TAKING_STATUSES = ["held", "confirmed", "offered"] as const satisfies readonly RegistrationStatus[];
/** A registration in one of these has ended: it takes no place, waits for nothing, and its address may register again. */
export const ENDED_STATUSES = ["cancelled", "expired", "rejected"] as const satisfies readonly RegistrationStatus[];

export const QUESTION_TYPES = ["short_text", "long_text", "single_choice", "multiple_choice", "checkbox", "number"] as const;
export type Question = {
  id: string;
  type: (typeof QUESTION_TYPES)[number];
  required: boolean;
  label: LocalizedText;
  options?: { id: string; label: LocalizedText }[];
};

export type EventTexts = Partial<Record<Locale, { title?: string; summary?: string; description?: string }>>;
export type EventLocation = {
  name: string;
  address?: string;
  accessibility?: LocalizedText;
};

/** Whom participants ask: the event's own contact, else the organisation's (name and contact email). */
export type EventContact = { name?: string; email?: string; phone?: string };

export const STAND_NEEDS = ["table", "power", "wall"] as const;
export type Exhibitor = { organisation: string; description: string; contact?: string; needs: (typeof STAND_NEEDS)[number][] };

/** What a participant may tell us they need; organisers sum these up for planning. */
export type Needs = {
  interpreter?: string; // language code or name
  childcare?: { children: number; ages?: string };
  accessibility?: string;
};

/** none; every date attended; at least N dates; at least a share of the hours. */
export type CertificateRule =
  | { kind: "none" }
  | { kind: "all_sessions" }
  | { kind: "min_sessions"; sessions: number }
  | { kind: "min_hours_percent"; percent: number };

/** A reminder: some minutes before a session starts, or at an hour (Europe/Berlin) on the session's morning. */
export type ReminderRule = { kind: "before"; minutes: number } | { kind: "morning"; hour: number };

const timestamps = {
  createdAt: integer("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer("updated_at").notNull().default(sql`(unixepoch('subsec') * 1000)`),
};

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  contactEmail: text("contact_email"),
  /** Personal data of a registration is anonymised this many days after the event's last date. */
  retentionDays: integer("retention_days").notNull().default(90),
  /** What a certificate needs for verification is kept this many years. */
  certificateRetentionYears: integer("certificate_retention_years").notNull().default(10),
  /** IANA time zone of the wall times the organisation means (reminder hours, the digest's day, console inputs). */
  timeZone: text("time_zone").notNull().default("Europe/Berlin"),
  ...timestamps,
});

export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    slug: text("slug").notNull().unique(),
    format: text("format", { enum: EVENT_FORMATS }).notNull(),
    status: text("status", { enum: EVENT_STATUSES }).notNull().default("draft"),
    texts: text("texts", { mode: "json" }).$type<EventTexts>().notNull(),
    audience: text("audience", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    location: text("location", { mode: "json" }).$type<EventLocation | null>(),
    /** Join link of an online event: only for confirmed participants, never in a public response. */
    onlineUrl: text("online_url"),
    registrationMode: text("registration_mode", { enum: REGISTRATION_MODES }).notNull().default("open"),
    registrationOpensAt: integer("registration_opens_at"),
    registrationClosesAt: integer("registration_closes_at"),
    /** Household limit: how many places one registration may take. */
    maxPlacesPerRegistration: integer("max_places_per_registration").notNull().default(1),
    emailConfirmation: integer("email_confirmation", { mode: "boolean" }).notNull().default(false),
    holdMinutes: integer("hold_minutes").notNull().default(30),
    waitlistEnabled: integer("waitlist_enabled", { mode: "boolean" }).notNull().default(true),
    waitlistMode: text("waitlist_mode", { enum: WAITLIST_MODES }).notNull().default("confirm"),
    offerHours: integer("offer_hours").notNull().default(48),
    questions: text("questions", { mode: "json" }).$type<Question[]>().notNull().default(sql`'[]'`),
    /** When reminders go out before each session (see ReminderRule). */
    reminderRules: text("reminder_rules", { mode: "json" })
      .$type<ReminderRule[]>()
      .notNull()
      .default(sql`'[{"kind":"before","minutes":2880},{"kind":"morning","hour":7}]'`),
    createdBy: integer("created_by"),
    /** Series: may people still register once the first date has begun? */
    allowLateRegistration: integer("allow_late_registration", { mode: "boolean" }).notNull().default(false),
    /** Households: ask how many of the places are for children. */
    countChildren: integer("count_children", { mode: "boolean" }).notNull().default(false),
    /** Check-in opens this many minutes before a date starts (and closes at the end of its day, organisation's zone). */
    checkinOpensMinutes: integer("checkin_opens_minutes").notNull().default(60),
    /** Who gets a certificate (null: none). */
    certificateRule: text("certificate_rule", { mode: "json" }).$type<CertificateRule | null>(),
    /** Name and role printed under the certificate. */
    certificateSigner: text("certificate_signer", { mode: "json" }).$type<{ name: string; role: string } | null>(),
    cancellationReason: text("cancellation_reason"),
    /**
     * A stamp that changes with every change to the event, its dates or its pools (set by the
     * triggers of migration 0006, whatever writes the change), so a cached copy of the event's
     * definition can be checked inside the batch that relies on it (domain/events/definition.ts).
     * Random rather than counted: a copy cached before a restore of the database cannot match.
     */
    version: integer("version").notNull().default(0),
    /** Funding lines or tags the organisers report the event under ("KOMM-AN", "ESF"): the statistics' filter. */
    fundingLines: text("funding_lines", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Partners the event is held with ("in Kooperation mit …"), as the year's review lists them. */
    partners: text("partners", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Whom to ask about the event (name, email, phone, each where given); null: the organisation's name and contact email. */
    contact: text("contact", { mode: "json" }).$type<EventContact | null>(),
    ...timestamps,
  },
  (t) => [index("events_status_idx").on(t.status), index("events_organisation_idx").on(t.organisationId)],
);

/**
 * Where a translation of an event text comes from. "original" (the organiser wrote it in that
 * language) is not stored here: it is the event's own per-locale text. "machine": translated by
 * Workers AI; "reviewed": written or approved by an organiser, never overwritten by a machine;
 * "missing": no translation could be made (no AI binding, or it failed): the page falls back.
 */
export const TRANSLATION_STATUSES = ["machine", "reviewed", "missing"] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/**
 * Event texts in the languages the organiser did not write them in, one row per event, locale
 * and field ("title", "location.accessibility", "question.<id>", "workshop.<pool key>", …; see
 * domain/events/texts.ts). `source_hash` is the hash of the text it was made from, so a changed
 * source is translated again (machine) or shown as changed since review (reviewed).
 */
export const eventTranslations = sqliteTable(
  "event_translations",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    locale: text("locale", { enum: LOCALES }).notNull(),
    field: text("field").notNull(),
    /** Null while missing. */
    text: text("text"),
    status: text("status", { enum: TRANSLATION_STATUSES }).notNull(),
    sourceLocale: text("source_locale", { enum: LOCALES }).notNull(),
    sourceHash: text("source_hash").notNull(),
    /** The organiser who reviewed it (null for machine or missing). */
    reviewedBy: integer("reviewed_by"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.locale, t.field] })],
);

/** The dates of an event: one for a workshop, several for a series. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    title: text("title", { mode: "json" }).$type<LocalizedText | null>(),
    cancelledAt: integer("cancelled_at"),
  },
  (t) => [index("sessions_event_idx").on(t.eventId, t.startsAt)],
);

export const POOL_KINDS = ["event", "workshop", "registration_type"] as const;

/**
 * A number of places. Every event that takes registrations has one "event" pool; a
 * conference adds a "workshop" pool per workshop (grouped by `slot`); a fair adds a
 * "registration_type" pool for exhibitor stands.
 */
export const capacityPools = sqliteTable(
  "capacity_pools",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    kind: text("kind", { enum: POOL_KINDS }).notNull().default("event"),
    key: text("key").notNull(),
    slot: text("slot"),
    name: text("name", { mode: "json" }).$type<LocalizedText | null>(),
    capacity: integer("capacity").notNull(),
    /**
     * Places taken by registrations in PLACE_TAKING_STATUSES, and registrations in the line
     * (waitlisted with a confirmed address): counted by the triggers of migration 0006 inside
     * the very statement that changes a registration, so a guarded statement reads them in
     * O(1) however many registrations the pool holds (domain/places/capacity.ts).
     */
    placesTaken: integer("places_taken").notNull().default(0),
    lineLength: integer("line_length").notNull().default(0),
    /** A workshop's own time within the day (null: the event's dates), named in emails and on the manage page. */
    startsAt: integer("starts_at"),
    endsAt: integer("ends_at"),
  },
  (t) => [uniqueIndex("capacity_pools_event_key_idx").on(t.eventId, t.key)],
);

export const registrations = sqliteTable(
  "registrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    poolId: integer("pool_id")
      .notNull()
      .references(() => capacityPools.id),
    /** A workshop choice points at the day registration it belongs to. */
    parentId: integer("parent_id"),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    places: integer("places").notNull().default(1),
    /** Of the places, how many are for children (where the event counts them). */
    children: integer("children").notNull().default(0),
    /** Workshop choices: 1 for the first choice, 2 for a second choice held meanwhile. */
    preference: integer("preference").notNull().default(1),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    answers: text("answers", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    needs: text("needs", { mode: "json" }).$type<Needs>().notNull().default(sql`'{}'`),
    /** The manage token is HMAC(TOKEN_SECRET, nonce); only its SHA-256 is stored for look-up. */
    tokenNonce: text("token_nonce").notNull(),
    manageTokenHash: text("manage_token_hash").notNull(),
    idempotencyKey: text("idempotency_key"),
    /** Keyed hash of the request that came with the idempotency key: the same key with another request is refused. */
    idempotencyHash: text("idempotency_hash"),
    /** Waitlist order within the pool; organisers may reorder it later. */
    queueOrder: integer("queue_order").notNull(),
    /** 1 while a double opt-in registration waits for its email address to be confirmed. */
    awaitingEmail: integer("awaiting_email", { mode: "boolean" }).notNull().default(false),
    holdExpiresAt: integer("hold_expires_at"),
    offerExpiresAt: integer("offer_expires_at"),
    emailConfirmedAt: integer("email_confirmed_at"),
    consentVersion: text("consent_version"),
    consentAt: integer("consent_at"),
    cancelledAt: integer("cancelled_at"),
    /** An exhibitor's stand application (fairs): shown publicly once approved. */
    exhibitor: text("exhibitor", { mode: "json" }).$type<Exhibitor | null>(),
    /** Set when personal data was removed by the retention rule or on request. */
    anonymisedAt: integer("anonymised_at"),
    /** Stamp of the last batch that changed this row: lets outbox and audit rows of that batch select it. */
    changeId: text("change_id"),
    /** The status a cancellation ended (e.g. "waitlisted": someone who gave up waiting for a place). */
    cancelledFrom: text("cancelled_from", { enum: REGISTRATION_STATUSES }),
    /*
     * Statistics facts (domain/statistics/facts.ts): what the figures for funders need, kept when
     * the personal data above is anonymised, and holding none of it. The participant key is
     * pseudonymous (a keyed hash of the address); the needs are reduced to a language code, a
     * number and a yes. Written with the row (places/take.ts) and by an organiser's edit; the
     * certificate time by issuing and revoking (certificates/issue.ts).
     */
    /** HMAC(TOKEN_SECRET, "statistics:" + normalized address): the same person across events; null without an address. */
    statParticipantKey: text("stat_participant_key"),
    /** The language an interpreter was asked for, as a language code ("ar", "fa"), or "other". */
    statInterpreter: text("stat_interpreter"),
    statChildcareChildren: integer("stat_childcare_children").notNull().default(0),
    statAccessibility: integer("stat_accessibility", { mode: "boolean" }).notNull().default(false),
    /** When the key and the needs facts were derived (null: not yet; the scheduled job or anonymisation derives them). */
    statFactsAt: integer("stat_facts_at"),
    /** Issue time of the registration's certificate in force (stays when certificates are deleted by retention or erasure). */
    statCertifiedAt: integer("stat_certified_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("registrations_token_idx").on(t.manageTokenHash),
    uniqueIndex("registrations_idempotency_idx").on(t.eventId, t.idempotencyKey),
    // One live registration per email, event and pool (a visitor may also apply for a stand);
    // cancelled or expired ones may sign up again.
    uniqueIndex("registrations_live_email_pool_idx")
      .on(t.eventId, t.poolId, t.emailNormalized)
      .where(sql.raw(`parent_id IS NULL AND status NOT IN ${sqlList(ENDED_STATUSES)}`)),
    index("registrations_pool_status_idx").on(t.poolId, t.status, t.queueOrder),
    // The end of a pool's line (MAX(queue_order)) and "does someone waiting fit n places?" as
    // index seeks, not scans of the pool (domain/places/take.ts, waitlist.ts).
    index("registrations_pool_order_idx").on(t.poolId, t.queueOrder),
    index("registrations_pool_fit_idx").on(t.poolId, t.status, t.awaitingEmail, t.places),
    index("registrations_change_idx").on(t.changeId),
    index("registrations_hold_idx").on(t.status, t.holdExpiresAt),
    index("registrations_offer_idx").on(t.status, t.offerExpiresAt),
    index("registrations_event_idx").on(t.eventId, t.parentId, t.status),
    // "Returning participants": has this key an earlier registration?
    index("registrations_participant_key_idx").on(t.statParticipantKey),
    // Rows whose statistics facts are still to be derived (rows from before the facts): found without a scan.
    index("registrations_facts_missing_idx").on(t.id).where(sql`stat_facts_at IS NULL AND anonymised_at IS NULL`),
  ],
);

export const EMAIL_TEMPLATES = [
  "confirm_email",
  "confirmed",
  "waitlisted",
  "offer",
  "promoted",
  "cancelled",
  "expired",
  "manage_link",
  "reminder",
  "event_changed",
  "event_cancelled",
  "cancelled_by_organiser",
  "updated_by_organiser",
  "organiser_message",
  "certificate_issued",
  "application_pending",
  "application_rejected",
  // A change of a conference registration's workshop places (switch, waiting while keeping a place, promotion).
  "workshops_changed",
  // "I lost my link": the manage links of all live registrations of an address.
  "manage_links",
  // To staff (no registration: the outbox row's data holds what they show).
  "login_link",
  "invitation",
  "application_received",
  "organiser_digest",
  // To a participant who asked for their data with an email address (no event: a link, like staff mail).
  "data_access",
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;

/** Transactional outbox: written in the same batch as the state change that calls for the email. */
export const outbox = sqliteTable(
  "outbox",
  {
    /** Random id, also the provider's Idempotency-Key. */
    id: text("id").primaryKey(),
    registrationId: integer("registration_id").references(() => registrations.id),
    template: text("template", { enum: EMAIL_TEMPLATES }).notNull(),
    toAddress: text("to_address").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    /** Makes scheduled mail (reminders, digests) exactly-once: a second insert with the same key is ignored. */
    dedupeKey: text("dedupe_key"),
    changeId: text("change_id"),
    sentAt: integer("sent_at"),
    /** A retried row is due again at this instant; the queue's delay and the sweep both keep to it. */
    nextAttemptAt: integer("next_attempt_at"),
    /** Retries stop at this instant (null: created_at + the retry horizon); a retry by hand moves it. */
    giveUpAt: integer("give_up_at"),
    ...timestamps,
  },
  (t) => [
    index("outbox_status_idx").on(t.status, t.updatedAt),
    index("outbox_registration_idx").on(t.registrationId),
    uniqueIndex("outbox_dedupe_idx").on(t.dedupeKey),
  ],
);

/**
 * Addresses the provider reported as bouncing or complaining; organisers see it on the
 * registration. Kept as a keyed hash of the normalised address (domain/mail/suppressions.ts),
 * so suppression still works after the address itself is gone. `email_normalized` holds an
 * address only in rows from before the hash, until the scheduled job hashes them.
 */
export const emailSuppressions = sqliteTable("email_suppressions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  emailHash: text("email_hash").unique(),
  emailNormalized: text("email_normalized").unique(),
  reason: text("reason", { enum: ["bounce", "complaint"] }).notNull(),
  detail: text("detail"),
  createdAt: timestamps.createdAt,
});

/** Dev mailbox: where mail goes when no Resend key is configured. */
export const devMailbox = sqliteTable(
  "dev_mailbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outboxId: text("outbox_id").notNull().unique(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** `contentId`: an inline image the HTML shows as `cid:<contentId>` (the check-in QR code). */
    attachments: text("attachments", { mode: "json" })
      .$type<{ filename: string; contentType: string; content: string; contentId?: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("dev_mailbox_to_idx").on(t.toAddress)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    eventId: integer("event_id"),
    registrationId: integer("registration_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    changeId: text("change_id"),
  },
  (t) => [index("audit_registration_idx").on(t.registrationId), index("audit_event_idx").on(t.eventId)],
);

/** Last run of each scheduled job, for operations (the status page). */
export const jobRuns = sqliteTable("job_runs", {
  job: text("job").primaryKey(),
  lastRunAt: integer("last_run_at").notNull(),
  lastResult: text("last_result", { mode: "json" }).$type<Record<string, unknown>>(),
  /** "ok" or "error"; an error is in last_error and the other jobs of the run went on. */
  outcome: text("outcome", { enum: ["ok", "error"] }).notNull().default("ok"),
  lastError: text("last_error"),
  durationMs: integer("duration_ms"),
  /** The last run that ended without an error. */
  lastOkAt: integer("last_ok_at"),
});

/* ---------- Organisers: people, roles, sign-in ---------- */

export const ROLES = ["organiser", "checkin_helper"] as const;
export type Role = (typeof ROLES)[number];

/** Staff who sign in to the console. Administrators also come from ADMIN_EMAILS. */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull(),
  emailNormalized: text("email_normalized").notNull().unique(),
  name: text("name"),
  locale: text("locale", { enum: LOCALES }).notNull().default("de"),
  isAdmin: integer("is_admin", { mode: "boolean" }).notNull().default(false),
  /** Daily digest of changes to their events. */
  digestOptIn: integer("digest_opt_in", { mode: "boolean" }).notNull().default(false),
  disabledAt: integer("disabled_at"),
  ...timestamps,
});

/** A user's role in an organisation. */
export const memberships = sqliteTable(
  "memberships",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex("memberships_user_org_idx").on(t.userId, t.organisationId)],
);

/** Check-in helpers see only the events they are assigned to. */
export const eventAssignments = sqliteTable(
  "event_assignments",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex("event_assignments_idx").on(t.userId, t.eventId)],
);

/** Emailed sign-in links: single use, short-lived, stored as SHA-256 of the token. */
export const loginTokens = sqliteTable(
  "login_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("login_tokens_user_idx").on(t.userId)],
);

/** Console sessions: the cookie holds the token, the table its SHA-256. */
export const userSessions = sqliteTable(
  "user_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    /** Absolute end, whatever the activity. */
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/* ---------- Attendance and certificates ---------- */

/** Who came to which date (places: households may check in some of their places). */
export const attendance = sqliteTable(
  "attendance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    places: integer("places").notNull().default(1),
    checkedInAt: integer("checked_in_at").notNull(),
    checkedInBy: integer("checked_in_by"),
    /** Recorded by an organiser after the date's check-in window had closed. */
    recordedAfterwards: integer("recorded_afterwards", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("attendance_registration_session_idx").on(t.registrationId, t.sessionId), index("attendance_session_idx").on(t.sessionId)],
);

/**
 * Check-ins as the door's phones sent them, each with the id the phone gave it: a phone that
 * was offline sends its queue again until it hears back, and a check-in seen before is
 * answered from here instead of being recorded twice (or again after an undo).
 */
export const checkinRequests = sqliteTable(
  "checkin_requests",
  {
    clientId: text("client_id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    registrationId: integer("registration_id"),
    sessionId: integer("session_id").notNull(),
    /** When the phone recorded it (offline: possibly long before it arrived). */
    recordedAt: integer("recorded_at").notNull(),
    /** The outcome the first time it arrived (checked_in, already_checked_in, cancelled, …). */
    outcome: text("outcome"),
    staffId: integer("staff_id"),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("checkin_requests_event_idx").on(t.eventId, t.createdAt)],
);

/** Issued certificates; `facts` is exactly what is printed and what verification shows. */
export const certificates = sqliteTable(
  "certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Short public code, unguessable (random, with a check signature). */
    code: text("code").notNull().unique(),
    registrationId: integer("registration_id").references(() => registrations.id),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    facts: text("facts", { mode: "json" })
      .$type<{ name: string; eventTitle: string; dates: string[]; hours: number; organiser: string; signer: { name: string; role: string } | null; locale: Locale }>()
      .notNull(),
    issuedAt: integer("issued_at").notNull(),
    issuedBy: integer("issued_by"),
    revokedAt: integer("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("certificates_registration_idx").on(t.registrationId), index("certificates_event_idx").on(t.eventId)],
);

/* ---------- Abuse resistance ---------- */

/** Fixed-window counters for the D1-backed rate limiter (where no rate-limiting binding is configured). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
