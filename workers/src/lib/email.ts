/**
 * The form email addresses are compared and looked up in (registrations.email_normalized,
 * users.email_normalized, email suppressions, rate-limit subjects): trimmed and in lower case.
 * Only for comparing: the address as typed is what we write to.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
