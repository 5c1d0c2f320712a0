/** Console API shapes, from the Worker's workers/src/console-types.ts (one source of truth). */
export type {
  ConsoleEvent,
  ConsoleEventListItem,
  ConsoleEventListResponse,
  ConsoleEventResponse,
  ConsoleRegistration,
  ConsoleRegistrationDetail as RegistrationDetail,
  ConsoleRegistrationListResponse,
  ConsoleRegistrationResponse,
  ConsoleOrganisation as Organisation,
  ConsoleOrganisationsResponse,
  ConsoleMember as Member,
  ConsoleMembersResponse,
  ConsoleHelper,
  ConsoleHelpersResponse,
  EventInput,
  MeResponse,
  MessageResponse,
  PoolStats,
} from "../../../workers/src/console-types";
export type { EventFormat, Locale, LocalizedText, Question, RegistrationStatus, ReminderRule, Role } from "../../../db/schema";
