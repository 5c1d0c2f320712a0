import type { CertificateKey } from "../de/certificate";

/** Certificate texts (English). */
const certificate: Record<CertificateKey, string> = {
  "certificate.title": "Certificate of attendance",
  "certificate.intro": "This is to certify that",
  "certificate.took_part": "took part in the following event:",
  "certificate.dates": "Attended on these dates:",
  "certificate.hours": "Scope: {hours} hours ({units} teaching units of 45 minutes)",
  "certificate.organiser": "Organiser: {organiser}",
  "certificate.issued": "Issued on {date}",
  "certificate.code": "Verification code: {code}",
  "certificate.verify": "Check that it is genuine: {url}",

  "certificate.why.no_rule": "This event has no certificate.",
  "certificate.why.not_confirmed": "The registration is not confirmed.",
  "certificate.why.no_dates": "The event has no date that takes place.",
  "certificate.why.sessions_ok": "{attended} of {total} dates attended, needs {required}",
  "certificate.why.sessions_short": "{attended} of {total} dates, needs {required}",
  "certificate.why.hours_ok": "{percent} % of the hours attended, needs {required} %",
  "certificate.why.hours_short": "{percent} % of the hours, needs {required} %",
  "certificate.why.pending": "{attended} of {total} dates attended, needs {required}; {pending} dates are still to come (only dates that have ended count)",

  "certificate.verify_page.title": "Check a certificate",
  "certificate.verify_page.intro": "Enter the verification code printed on the certificate.",
  "certificate.verify_page.code_label": "Verification code",
  "certificate.verify_page.code_hint": "16 characters, for example 7K3M-Q9XD-2RTB-HW4E",
  "certificate.verify_page.submit": "Check",
  "certificate.verify_page.checking": "Checking …",
  "certificate.verify_page.valid": "This certificate is genuine and valid.",
  "certificate.verify_page.revoked": "This certificate was withdrawn on {date}. It is no longer valid.",
  "certificate.verify_page.unknown": "There is no certificate with this code. Please check what you entered.",
  "certificate.verify_page.failed": "The check is not possible right now. Please try again later.",
  "certificate.verify_page.shown": "Only what is printed on the certificate is shown.",
  "certificate.verify_page.name": "Name",
  "certificate.verify_page.event": "Event",
  "certificate.verify_page.dates": "Dates",
  "certificate.verify_page.hours": "Scope",
  "certificate.verify_page.hours_value": "{hours} hours",
  "certificate.verify_page.organiser": "Organiser",
  "certificate.verify_page.signer": "Signed by",
  "certificate.verify_page.issued": "Issued on",
  "certificate.verify_page.code": "Verification code",
};

export default certificate;
