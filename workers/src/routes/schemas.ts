/**
 * What the API answers, as zod schemas: the OpenAPI document's response schemas come from
 * here. Each is typed against the TypeScript shape the domain returns (api-types.ts,
 * console-types.ts), so the compiler refuses a schema that lacks a field, and the route
 * walks validate real answers against the document, so a schema that is wrong fails a test.
 * Nothing here runs on a request: the schemas are only rendered for the document.
 */
import * as z from "zod/mini";
import { EVENT_FORMATS, LOCALES, POOL_KINDS, QUESTION_TYPES, REGISTRATION_STATUSES, ROLES, STAND_NEEDS } from "../../../db/schema";
import type * as Api from "../api-types";
import type * as Console from "../console-types";
import type { WalkInOutcome } from "../domain/attendance/walk-in";
import type { Verification } from "../domain/certificates/verify";
import type { OperationsStatus } from "../domain/operations/status";
import type { ErasureCounts } from "../domain/privacy/erase";
import type { PersonData } from "../domain/privacy/export";
import { named } from "../http/openapi";

/** ISO 8601 in UTC, as `Date.toISOString()` writes it. */
const isoTime = z.string().check(z.meta({ format: "date-time" }));
const nullable = <S extends z.ZodMiniType>(schema: S) => z.nullable(schema);
const int = z.int();
const text = z.string();
const localizedText = z.partialRecord(z.enum(LOCALES), text);
const json = z.record(z.string(), z.unknown());

/* ---------- errors ---------- */

export const apiErrorSchema: z.ZodMiniType<Api.ApiError> = z.object({
  error: z.object({
    code: text,
    message: text.check(z.describe("In the request's language")),
    fields: z.optional(z.record(z.string(), text).check(z.describe("Each bad field, by dotted path, with its problem in the request's language"))),
    requestId: text,
  }),
});

/* ---------- public ---------- */

const participantStatus = z.enum(["confirmed", "waitlisted", "offered", "check_email", "pending_approval", "rejected", "cancelled", "expired"]);
const textMark: z.ZodMiniType<Api.TextMark> = named(
  "TextMark",
  z
    .object({ lang: z.enum(LOCALES), machine: z.boolean() })
    .check(z.describe("A text not written by the organiser in the asked language: machine-translated into it (`machine`), or shown in `lang` for lack of a translation")),
);
const mark = z.optional(textMark);
const publicSession = z.object({ startsAt: isoTime, endsAt: isoTime, title: nullable(text), cancelled: z.boolean(), mark });
const publicLocation = z.object({
  name: text,
  originalName: nullable(text).check(z.describe("The name as the organiser wrote it, where `name` is a translation")),
  address: nullable(text),
  accessibility: nullable(text),
});
const publicContact: z.ZodMiniType<Api.PublicContact> = z.object({ name: text, email: nullable(text), phone: nullable(text) });

const publicEventSummaryShape = {
  slug: text,
  format: z.enum(EVENT_FORMATS),
  title: text,
  summary: nullable(text),
  fallback: z.boolean().check(z.describe("True when a text is shown in another language for lack of a translation (see marks)")),
  marks: z.partialRecord(z.enum(["title", "summary", "description", "location", "accessibility"]), textMark),
  sessions: z.array(publicSession),
  location: nullable(publicLocation),
  online: z.boolean(),
  status: z.enum(["published", "cancelled"]),
  cancellationReason: nullable(text),
  contact: publicContact,
  registration: z.object({
    mode: z.enum(["open", "approval", "none"]),
    open: z.boolean(),
    opensAt: nullable(isoTime),
    closesAt: nullable(isoTime),
    placesLeft: nullable(int),
    capacity: nullable(int),
    waitlistOpen: z.boolean(),
    maxPlaces: int,
    emailConfirmation: z.boolean(),
    countChildren: z.boolean(),
  }),
};
const publicEventSummary: z.ZodMiniType<Api.PublicEventSummary> = named("EventSummary", z.object(publicEventSummaryShape));
const publicEventDetail: z.ZodMiniType<Api.PublicEventDetail> = named(
  "EventDetail",
  z.object({
    ...publicEventSummaryShape,
    description: nullable(text),
    audience: z.array(text),
    languages: z.array(text),
    questions: z.array(
      z.object({
        id: text,
        type: z.enum(QUESTION_TYPES),
        required: z.boolean(),
        label: text,
        mark,
        options: z.optional(z.array(z.object({ id: text, label: text, mark }))),
      }),
    ),
    workshops: z.array(
      z.object({ slot: text, key: text, name: text, mark, startsAt: nullable(isoTime), endsAt: nullable(isoTime), capacity: int, placesLeft: int, waitlistOpen: z.boolean() }),
    ),
    registrationTypes: z.array(z.object({ key: text, name: text, mark, capacity: int, placesLeft: int })),
    exhibitors: z.array(z.object({ organisation: text, description: text })),
  }),
);
export const eventListResponse: z.ZodMiniType<Api.EventListResponse> = z.object({
  events: z.array(publicEventSummary),
  facets: z.object({
    audiences: z.array(text),
    formats: z.array(z.enum(EVENT_FORMATS)),
    languages: z.array(text),
  }).check(z.describe("The values the whole programme offers for each filter, whatever is filtered")),
});

/* ---------- feeds ---------- */

const feedEvent: z.ZodMiniType<Api.FeedEvent> = named(
  "FeedEvent",
  z.object({
    id: text.check(z.describe("The event's slug: stable and unique")),
    url: z.url().check(z.describe("The short link to the event's page")),
    title: text,
    summary: nullable(text),
    description: nullable(text),
    fallback: z.boolean().check(z.describe("True when a text is German for lack of a translation")),
    format: z.enum(EVENT_FORMATS),
    audience: z.array(text),
    languages: z.array(text).check(z.describe("Languages spoken at the event")),
    organisation: z.object({ slug: text, name: text }),
    timeZone: text.check(z.describe("IANA time zone of the organisation's wall times")),
    status: z.enum(["published", "cancelled"]),
    cancellationReason: nullable(text),
    location: nullable(publicLocation),
    online: z.boolean().check(z.describe("Online event: the join link goes only to confirmed participants, never into a feed")),
    registration: z.object({
      mode: z.enum(["open", "approval", "none"]),
      opensAt: nullable(isoTime),
      closesAt: nullable(isoTime),
      url: nullable(z.url()),
    }),
    sessions: z.array(z.object({ id: int, startsAt: isoTime, endsAt: isoTime, title: nullable(text), cancelled: z.boolean() })),
    calendarUrl: z.url(),
    posterUrl: z.url(),
    updatedAt: isoTime,
  }),
);
export const programmeFeedResponse: z.ZodMiniType<Api.ProgrammeFeed> = named(
  "ProgrammeFeed",
  z.object({ version: z.literal(1), title: text, locale: z.enum(LOCALES), homePageUrl: z.url(), events: z.array(feedEvent) }),
);
export const eventDetailResponse: z.ZodMiniType<Api.EventDetailResponse> = z.object({ event: publicEventDetail });

const workshopPlace = z.object({
  slot: text,
  key: text,
  name: text,
  mark,
  startsAt: nullable(isoTime),
  endsAt: nullable(isoTime),
  preference: int.check(z.describe("1: first choice; 2: a second choice held while waiting for the first")),
  status: participantStatus,
  waitlistPosition: nullable(int),
});
export const registrationResponse: z.ZodMiniType<Api.RegistrationResponse> = named(
  "RegistrationResponse",
  z.object({
    registration: z.object({ status: participantStatus, places: int, waitlistPosition: nullable(int), workshops: z.optional(z.array(workshopPlace)) }),
  }),
);

const managedRegistration: z.ZodMiniType<Api.ManagedRegistration> = named(
  "ManagedRegistration",
  z.object({
    status: participantStatus,
    places: int,
    name: text,
    email: text,
    locale: z.enum(LOCALES),
    waitlistPosition: nullable(int),
    awaitingEmail: z.boolean(),
    holdExpiresAt: nullable(isoTime),
    offerExpiresAt: nullable(isoTime),
    createdAt: isoTime,
    answers: json,
    event: publicEventSummary,
    onlineUrl: nullable(text).check(z.describe("Only for confirmed participants of an online event")),
    children: int,
    workshops: z.array(workshopPlace),
    exhibitor: nullable(z.object({ organisation: text, description: text, contact: z.optional(text), needs: z.array(text) })),
    actions: z.array(z.enum(["confirm", "accept-offer", "cancel", "workshops"])),
  }),
);
export const managedRegistrationResponse: z.ZodMiniType<Api.ManagedRegistrationResponse> = z.object({ registration: managedRegistration });

export const certificateVerification: z.ZodMiniType<{ certificate: Verification }> = z.object({
  certificate: z.discriminatedUnion("status", [
    z.object({
      status: z.literal("valid"),
      code: text,
      issuedAt: isoTime,
      facts: z.object({ name: text, eventTitle: text, dates: z.array(text), hours: z.number(), organiser: text, signer: nullable(z.object({ name: text, role: text })) }),
    }),
    z.object({ status: z.literal("revoked"), code: text, issuedAt: isoTime, revokedAt: isoTime }),
  ]),
});
export const participantCertificate = z.object({ certificate: z.object({ code: text, issuedAt: isoTime, verifyUrl: z.url() }) });

export const personDataResponse: z.ZodMiniType<{ data: PersonData }> = z.object({
  data: z.object({
    generatedAt: isoTime,
    email: text,
    privacyNoticeVersion: text,
    registrations: z.array(json.check(z.describe("One registration with its event, dates, status, answers, needs, consent, check-ins, emails, certificates and history"))),
    emailSuppression: nullable(z.object({ reason: text, since: isoTime })),
  }),
});
const erasureCounts: z.ZodMiniType<ErasureCounts> = z.object({
  registrations: int,
  cancelled: int,
  promoted: int,
  outbox: int,
  devMailbox: int,
  certificatesKept: int,
  certificatesDeleted: int,
});
export const erasureResponse = z.object({ erased: erasureCounts });
export const checkEmail = z.object({ status: z.literal("check_email") });
/** A PDF answer in the document (the body is the file, not JSON). */
export const pdfResponse = (description = "PDF attachment") => ({ type: "application/pdf", description, schema: z.string().check(z.meta({ format: "binary" })) });
export const publicConfig = z.object({ turnstileSiteKey: nullable(text), turnstileScript: nullable(z.url()) });
export const health = z.object({ status: z.literal("ok") });
export const webhookResult = z.object({ ok: z.literal(true), suppressed: int });
export const devMailbox = z.object({
  messages: z.array(
    z.object({ id: int, to: text, subject: text, html: text, text, attachments: z.array(z.unknown()), createdAt: isoTime }),
  ),
});

/* ---------- console: sign-in ---------- */

export const meResponse: z.ZodMiniType<Console.MeResponse> = z.object({
  user: z.object({
    id: int,
    email: text,
    name: nullable(text),
    isAdmin: z.boolean(),
    memberships: z.array(z.object({ organisationId: int, organisationName: text, role: z.enum(ROLES) })),
    assignedEventIds: z.array(int),
  }),
  csrfToken: text.check(z.describe("Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE")),
});
export const signedIn = z.object({ status: z.literal("signed_in") });
export const signedOut = z.object({ status: z.literal("signed_out"), sessionsEnded: z.optional(int) });

/* ---------- console: events ---------- */

const location = z.object({ name: text, address: z.optional(text), accessibility: z.optional(localizedText) });
const question = z.object({
  id: text,
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  label: localizedText,
  options: z.optional(z.array(z.object({ id: text, label: localizedText }))),
});
const reminderRule = z.union([z.object({ kind: z.literal("before"), minutes: int }), z.object({ kind: z.literal("morning"), hour: int })]);
const poolStats = z.object({
  id: int,
  kind: z.enum(POOL_KINDS),
  key: text,
  slot: z.optional(nullable(text)),
  name: z.optional(nullable(localizedText)),
  capacity: int,
  startsAt: z.optional(nullable(isoTime)),
  endsAt: z.optional(nullable(isoTime)),
  confirmed: int,
  held: int,
  offered: int,
  waitlisted: int,
  waitlistLength: int,
});
const statusCounts = z.partialRecord(z.enum(REGISTRATION_STATUSES), int);
const needsSummary: z.ZodMiniType<Console.NeedsSummary> = named(
  "NeedsSummary",
  z.object({
    interpreter: z.record(z.string(), int).check(z.describe("Language → registrations asking for an interpreter")),
    childcare: z.object({ registrations: int, children: int, ages: z.array(text), byAge: z.record(z.string(), int).check(z.describe('Age in years ("?": not given) → children')) }),
    accessibility: z.array(text),
    stands: z.record(z.string(), int).check(z.describe("Stand need (table, power, wall) → stands asking for it")),
  }),
);
const consoleEvent: z.ZodMiniType<Console.ConsoleEvent> = named(
  "ConsoleEvent",
  z.object({
    id: int,
    organisationId: int,
    organisationName: text,
    timeZone: text,
    slug: text,
    format: z.enum(EVENT_FORMATS),
    status: z.enum(["draft", "published", "cancelled"]),
    cancellationReason: nullable(text),
    fundingLines: z.array(text),
    partners: z.array(text),
    texts: z.partialRecord(z.enum(LOCALES), z.object({ title: z.optional(text), summary: z.optional(text), description: z.optional(text) })),
    audience: z.array(text),
    languages: z.array(text),
    location: nullable(location),
    onlineUrl: nullable(text),
    registrationMode: z.enum(["open", "approval", "none"]),
    registrationOpensAt: nullable(isoTime),
    registrationClosesAt: nullable(isoTime),
    maxPlacesPerRegistration: int,
    emailConfirmation: z.boolean(),
    holdMinutes: int,
    waitlistEnabled: z.boolean(),
    waitlistMode: z.enum(["confirm", "offer"]),
    offerHours: int,
    questions: z.array(question),
    reminderRules: z.array(reminderRule),
    contact: z.optional(nullable(z.object({ name: z.optional(text), email: z.optional(text), phone: z.optional(text) }))),
    sessions: z.array(z.object({ id: int, startsAt: isoTime, endsAt: isoTime, title: z.optional(nullable(localizedText)), cancelled: z.boolean() })),
    pools: z.array(poolStats),
    counts: statusCounts,
    holdsRunning: int,
    offersRunning: int,
    pendingApplications: int,
    needs: needsSummary,
    needsByDate: z.array(z.object({ sessionId: int, startsAt: isoTime, registrations: int, places: int, children: int, needs: needsSummary })),
    countChildren: z.boolean(),
    allowLateRegistration: z.boolean(),
    checkinOpensMinutes: int,
    permissions: z.object({ manage: z.boolean(), checkin: z.boolean() }),
  }),
);
export const consoleEventResponse: z.ZodMiniType<Console.ConsoleEventResponse> = z.object({ event: consoleEvent });
export const consoleEventList: z.ZodMiniType<Console.ConsoleEventListResponse> = z.object({
  events: z.array(
    z.object({
      id: int,
      slug: text,
      title: text,
      titleEn: nullable(text),
      status: z.enum(["draft", "published", "cancelled"]),
      format: z.enum(EVENT_FORMATS),
      organisationId: int,
      organisationName: text,
      firstStartsAt: nullable(isoTime),
      capacity: nullable(int),
      confirmedPlaces: int,
      waitlistLength: int,
      pendingApplications: int,
    }),
  ),
});

/* ---------- console: translations ---------- */

const translationStatus = z.enum(["original", "machine", "reviewed", "missing"]);
export const consoleTranslationsResponse: z.ZodMiniType<Console.ConsoleTranslationsResponse> = z.object({
  translations: z.object({
    configured: z.boolean().check(z.describe("False while the Workers AI binding is missing: nothing is machine-translated, the pages fall back to English, then German")),
    locales: z.array(
      z.object({
        locale: z.enum(LOCALES),
        counts: z.record(translationStatus, int),
        fields: z.array(
          z.object({
            field: text,
            source: z.object({ locale: z.enum(LOCALES), text }),
            text: nullable(text),
            status: translationStatus,
            stale: z.boolean().check(z.describe("A reviewed text whose source changed since the review")),
          }),
        ),
      }),
    ),
  }),
});

/* ---------- console: registrations ---------- */

const needs = z.object({
  interpreter: z.optional(text),
  childcare: z.optional(z.object({ children: int, ages: z.optional(text) })),
  accessibility: z.optional(text),
});
const consoleRegistrationShape = {
  id: int,
  parentId: nullable(int),
  name: text,
  email: text,
  locale: z.enum(LOCALES),
  status: z.enum(REGISTRATION_STATUSES),
  places: int,
  poolId: int,
  poolKey: text,
  waitlistPosition: nullable(int),
  awaitingEmail: z.boolean(),
  holdExpiresAt: nullable(isoTime),
  offerExpiresAt: nullable(isoTime),
  answers: json,
  needs,
  createdAt: isoTime,
  emailStatus: nullable(z.object({ template: text, status: z.enum(["queued", "sending", "sent", "failed"]), lastError: nullable(text), at: isoTime })),
  bouncing: z.boolean(),
  children: int,
  exhibitor: nullable(z.object({ organisation: text, description: text, contact: z.optional(text), needs: z.array(z.enum(STAND_NEEDS)) })),
  workshops: z.array(
    z.object({ registrationId: int, poolId: int, poolKey: text, status: z.enum(REGISTRATION_STATUSES), preference: int, waitlistPosition: nullable(int) }),
  ),
  checkIns: z.array(z.object({ sessionId: int, places: int, at: isoTime, afterwards: z.boolean() })),
};
const consoleRegistration: z.ZodMiniType<Console.ConsoleRegistration> = named("ConsoleRegistration", z.object(consoleRegistrationShape));
const auditEntry: z.ZodMiniType<Console.ConsoleAuditEntry> = named(
  "ConsoleAuditEntry",
  z.object({ at: isoTime, actor: text.check(z.describe("participant, system or user:<id>")), actorEmail: nullable(text), action: text, registrationId: nullable(int), details: json }),
);
const consoleRegistrationDetail: z.ZodMiniType<Console.ConsoleRegistrationDetail> = z.object({
  ...consoleRegistrationShape,
  history: z.array(z.object({ at: isoTime, actor: text, actorEmail: nullable(text), action: text, details: json })),
  emails: z.array(
    z.object({ id: text, template: text, status: z.enum(["queued", "sending", "sent", "failed"]), attempts: int, lastError: nullable(text), createdAt: isoTime, sentAt: nullable(isoTime) }),
  ),
});
export const consoleRegistrationList: z.ZodMiniType<Console.ConsoleRegistrationListResponse> = z.object({ registrations: z.array(consoleRegistration) });
export const consoleRegistrationResponse: z.ZodMiniType<Console.ConsoleRegistrationResponse> = z.object({ registration: consoleRegistrationDetail });
export const auditResponse: z.ZodMiniType<Console.ConsoleAuditResponse> = z.object({ entries: z.array(auditEntry) });
export const messageResponse: z.ZodMiniType<Console.MessageResponse> = z.object({ queued: int });

/* ---------- console: organisations, members, helpers ---------- */

const organisation: z.ZodMiniType<Console.ConsoleOrganisation> = z.object({ id: int, slug: text, name: text, role: nullable(z.enum(ROLES)), timeZone: text });
const member: z.ZodMiniType<Console.ConsoleMember> = z.object({ userId: int, email: text, name: nullable(text), role: z.enum(ROLES) });
export const organisationsResponse: z.ZodMiniType<Console.ConsoleOrganisationsResponse> = z.object({ organisations: z.array(organisation) });
export const organisationResponse = z.object({ organisation });
export const membersResponse: z.ZodMiniType<Console.ConsoleMembersResponse> = z.object({ members: z.array(member) });
export const memberResponse = z.object({ member });
export const helpersResponse: z.ZodMiniType<Console.ConsoleHelpersResponse> = z.object({
  helpers: z.array(z.object({ userId: int, email: text, name: nullable(text) })),
});

/* ---------- console: check-in, attendance, certificates ---------- */

const doorPerson: z.ZodMiniType<Console.DoorPerson> = named(
  "DoorPerson",
  z.object({
    registrationId: int,
    name: text,
    places: int,
    status: z.enum(["confirmed", "cancelled", "waitlisted", "not_confirmed"]),
    checkedInPlaces: nullable(int),
    checkedInAt: nullable(isoTime),
    checkedInTime: nullable(text.check(z.describe('"17:32", in the organisation\'s time zone'))),
  }),
);
const count = z.object({ registrations: int, places: int });
/** What the door and the records say of every date; each adds its own counts. */
const consoleSessionFields = { id: int, startsAt: isoTime, endsAt: isoTime, title: nullable(text), cancelled: z.boolean() };
const doorEvent: z.ZodMiniType<Console.DoorEvent> = named(
  "DoorEvent",
  z.object({
    id: int,
    title: text,
    timeZone: text,
    sessions: z.array(
      z.object({
        ...consoleSessionFields,
        checkinOpensAt: isoTime,
        checkinClosesAt: isoTime,
        expected: count,
        checkedIn: count,
      }),
    ),
  }),
);
export const doorEventsResponse = z.object({ events: z.array(doorEvent) });
export const doorEventResponse = z.object({ event: doorEvent });
const personOutcome = z.object({
  outcome: z.enum(["checked_in", "already_checked_in", "cancelled", "waitlisted", "not_confirmed", "undone_meanwhile"]),
  person: doorPerson,
  afterwards: z.optional(z.boolean().check(z.describe("Recorded by an organiser after the date's check-in window"))),
});
const noPersonOutcome = z.object({ outcome: z.enum(["wrong_event", "wrong_session", "invalid"]) });
export const scanOutcome: z.ZodMiniType<Console.ScanOutcome> = z.union([personOutcome, noPersonOutcome]);
export const doorListResponse: z.ZodMiniType<Console.DoorListResponse> = z.object({ eventId: int, sessionId: int, people: z.array(doorPerson), at: isoTime });
export const checkInSyncResponse: z.ZodMiniType<Console.CheckInSyncResponse> = z.object({
  results: z.array(
    z.union([
      z.object({ clientId: text, ...personOutcome.shape }),
      z.object({ clientId: text, ...noPersonOutcome.shape }),
      z.object({ clientId: text, outcome: z.literal("refused"), code: text, message: text }),
    ]),
  ),
});
export const undoResponse = z.object({ outcome: z.literal("undone") });
export const placesResponse = z.object({ outcome: z.literal("checked_in"), person: doorPerson });
export const searchResponse = z.object({ people: z.array(doorPerson) });
export const walkInOutcome: z.ZodMiniType<WalkInOutcome> = z.union([
  z.object({ outcome: z.literal("checked_in"), person: doorPerson }),
  z.object({ outcome: z.literal("already_registered") }),
]);

const expectedPerson = z.object({ registrationId: int, name: text, places: int });
export const attendanceResponse: z.ZodMiniType<Console.AttendanceResponse> = z.object({
  eventId: int,
  title: text,
  expected: z.array(expectedPerson),
  sessions: z.array(
    z.object({
      ...consoleSessionFields,
      begun: z.boolean(),
      closed: z.boolean().check(z.describe("The check-in window has closed: only organisers record attendance now, as afterwards")),
      expected: int,
      attended: z.array(z.object({ registrationId: int, name: text, places: int, checkedInPlaces: int, checkedInAt: isoTime, stillConfirmed: z.boolean(), afterwards: z.boolean() })),
      noShows: z.array(expectedPerson),
    }),
  ),
});

const certificateRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("all_sessions") }),
  z.object({ kind: z.literal("min_sessions"), sessions: int }),
  z.object({ kind: z.literal("min_hours_percent"), percent: z.number() }),
]);
export const certificateSettings: z.ZodMiniType<Console.CertificateSettings> = named(
  "CertificateSettings",
  z.object({ rule: certificateRule, signer: nullable(z.object({ name: text, role: text })) }),
);
const certificateSummary: z.ZodMiniType<Console.CertificateSummary> = named(
  "CertificateSummary",
  z.object({ id: int, code: text, issuedAt: isoTime, revokedAt: nullable(isoTime), revokedReason: nullable(text) }),
);
export const certificateOverview: z.ZodMiniType<Console.CertificateOverview> = z.object({
  settings: certificateSettings,
  sessions: int,
  eligible: int,
  issued: int,
  registrations: z.array(
    z.object({
      registrationId: int,
      name: text,
      status: text,
      eligible: z.boolean(),
      attended: int,
      total: int,
      percent: z.number(),
      why: text,
      reason: z.object({ key: text, params: z.record(z.string(), z.number()) }),
      certificate: nullable(certificateSummary),
      revoked: z.array(certificateSummary),
    }),
  ),
});
export const issuedResponse = z.object({ issued: int, eligible: int });
export const certificateResponse = z.object({ certificate: certificateSummary });

/* ---------- console: people and operations ---------- */

export const operationsStatus: z.ZodMiniType<{ status: OperationsStatus }> = z.object({
  status: z.object({
    now: isoTime,
    outbox: z.object({ byStatus: z.record(z.string(), int), oldestWaitingAt: nullable(isoTime), oldestWaitingMinutes: nullable(z.number()), failedLast24h: int }),
    failures: z.array(
      z.object({
        id: text,
        template: text,
        status: z.enum(["failed", "queued"]),
        attempts: int,
        at: isoTime,
        createdAt: isoTime,
        nextAttemptAt: nullable(isoTime),
        giveUpAt: isoTime,
        error: nullable(text),
      }),
    ),
    jobs: z.array(
      z.object({
        job: text,
        lastRunAt: isoTime,
        minutesAgo: z.number(),
        outcome: z.enum(["ok", "error"]),
        durationMs: nullable(z.number()),
        error: nullable(text),
        lastOkAt: nullable(isoTime),
        result: z.unknown(),
      }),
    ),
    hints: z.array(
      z.object({
        code: z.enum(["cron_stale", "cron_never_ran", "job_failing", "mail_stuck_sending", "mail_retrying", "mail_given_up", "mail_backlog_old"]),
        count: z.optional(int),
        since: z.optional(isoTime),
        job: z.optional(text),
      }),
    ),
  }),
});
export const mailRetried = z.object({ status: z.literal("queued") });


/* ---------- statistics ---------- */

const share = { events: int, datesHeld: int, confirmed: int, attendedPlaces: int, participantHours: z.number() };
const statisticsDate = z.object({
  id: int,
  startsAt: isoTime,
  endsAt: isoTime,
  cancelled: z.boolean(),
  held: z.boolean().check(z.describe("Ended before the report was made, and not cancelled")),
  hours: z.number(),
  recorded: z.boolean().check(z.describe("Someone was checked in at it: only such dates give attendance figures")),
  expectedPlaces: int,
  attendedPlaces: int,
  noShows: int,
});
const statisticsEvent: z.ZodMiniType<Console.StatisticsEvent> = z.object({
  id: int,
  organisationId: int,
  title: text,
  format: z.enum(EVENT_FORMATS),
  status: z.enum(["published", "cancelled"]),
  fundingLines: z.array(text),
  partners: z.array(text),
  firstStartsAt: isoTime,
  dates: z.array(statisticsDate),
  registrations: int,
  confirmed: int,
  places: int,
  children: int,
  attendedPlaces: int,
  attendanceRate: nullable(z.number()),
  programmeHours: z.number(),
  participantHours: z.number(),
  noShows: int,
  cancelled: int,
  turnedAway: int,
  turnedAwayPlaces: int,
  certificates: int,
});
const statisticsFigures: z.ZodMiniType<Console.StatisticsFigures> = z.object({
  events: int,
  eventsCancelled: int,
  datesHeld: int,
  datesPlanned: int,
  datesCancelled: int,
  datesWithoutAttendance: int,
  registrations: int,
  confirmed: int,
  places: int,
  children: int,
  participants: z.object({ distinct: int, new: int, returning: int, withoutAddress: int }),
  attendance: z.object({ expectedPlaces: int, attendedPlaces: int, rate: nullable(z.number()) }),
  noShows: int,
  programmeHours: z.number(),
  participantHours: z.number(),
  certificates: int,
  turnedAway: z.object({ registrations: int, places: int }),
  cancellations: z.object({ registrations: int, places: int }),
});
export const statisticsResponse: z.ZodMiniType<Console.StatisticsResponse> = z.object({
  statistics: named(
    "StatisticsReport",
    z.object({
      period: z.object({ from: text, to: text }),
      organisations: z.array(z.object({ id: int, name: text, timeZone: text })),
      fundingLine: nullable(text),
      generatedAt: isoTime,
      totals: statisticsFigures,
      byFormat: z.array(z.object({ format: z.enum(EVENT_FORMATS), ...share })),
      byMonth: z.array(z.object({ month: text, ...share })),
      languages: z.array(z.object({ locale: text, registrations: int, places: int })),
      needs: z.object({
        interpreter: z.array(z.object({ language: text.check(z.describe("A language code, or \"other\"")), registrations: int, hours: z.number() })),
        childcare: z.object({ registrations: int, children: int }),
        accessibility: z.object({ registrations: int }),
      }),
      events: z.array(statisticsEvent),
      fundingLines: z.array(text),
    }),
  ),
});
export const eventReporting: z.ZodMiniType<Console.EventReportingInput> = z.object({ fundingLines: z.array(text), partners: z.array(text) });
