import type { Role } from "../../../../db/schema";

/** A signed-in staff member, as the console guard puts it on the request (see access.ts). */
export type Staff = {
  id: number;
  email: string;
  name: string | null;
  isAdmin: boolean;
  /** organisationId → role */
  roles: Map<number, Role>;
  assignedEventIds: Set<number>;
};
