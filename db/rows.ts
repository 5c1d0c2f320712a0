/**
 * The schema's tables and constants in the form raw SQL sees them. Drizzle's `$inferSelect`
 * describes rows as drizzle returns them (booleans as booleans, JSON parsed); a raw D1 query
 * returns the stored values (booleans as 0/1, JSON as text). `StoredRow` is the latter, so a
 * raw query's row type is picked from the schema instead of typed by hand.
 */
import type { Column, Table } from "drizzle-orm";
import type {
  attendance,
  auditLog,
  capacityPools,
  certificates,
  devMailbox,
  emailSuppressions,
  eventTranslations,
  events,
  jobRuns,
  memberships,
  organisations,
  outbox,
  rateLimits,
  registrations,
  sessions,
  users,
  userSessions,
} from "./schema";

type StoredValue<C extends Column> =
  | (C["_"]["dataType"] extends "boolean" | "json" ? C["_"]["driverParam"] : C["_"]["data"])
  | (C["_"]["notNull"] extends true ? never : null);

/** A row of `T` as raw SQL returns it, keyed by the schema's (camelCase) names: alias columns to match. */
export type StoredRow<T extends Table> = { [K in keyof T["_"]["columns"]]: StoredValue<T["_"]["columns"][K]> };

export type StoredRegistration = StoredRow<typeof registrations>;
export type StoredPool = StoredRow<typeof capacityPools>;
export type StoredEvent = StoredRow<typeof events>;
export type StoredOutbox = StoredRow<typeof outbox>;
export type StoredAudit = StoredRow<typeof auditLog>;
export type StoredOrganisation = StoredRow<typeof organisations>;
export type StoredSession = StoredRow<typeof sessions>;
export type StoredEventTranslation = StoredRow<typeof eventTranslations>;
export type StoredCertificate = StoredRow<typeof certificates>;
export type StoredSuppression = StoredRow<typeof emailSuppressions>;
export type StoredJobRun = StoredRow<typeof jobRuns>;
export type StoredMembership = StoredRow<typeof memberships>;
export type StoredUserSession = StoredRow<typeof userSessions>;
export type StoredRateLimit = StoredRow<typeof rateLimits>;
export type StoredUser = StoredRow<typeof users>;
export type StoredDevMail = StoredRow<typeof devMailbox>;
export type StoredAttendance = StoredRow<typeof attendance>;
