/**
 * Certificate texts (German, the reference): the certificate PDF, the reasons the console
 * shows for (not) being eligible, and the public verification page.
 * The certificate is printed in German with the participant's language alongside.
 */
const certificate = {
  // The certificate (PDF)
  "certificate.title": "Teilnahmebescheinigung",
  "certificate.intro": "Hiermit wird bestätigt, dass",
  "certificate.took_part": "an der folgenden Veranstaltung teilgenommen hat:",
  "certificate.dates": "Teilgenommen an diesen Terminen:",
  "certificate.hours": "Umfang: {hours} Zeitstunden ({units} Unterrichtseinheiten zu 45 Minuten)",
  "certificate.organiser": "Veranstalter: {organiser}",
  "certificate.issued": "Ausgestellt am {date}",
  "certificate.code": "Prüfcode: {code}",
  "certificate.verify": "Echtheit prüfen: {url}",

  // Eligibility, as the console shows it
  "certificate.why.no_rule": "Für diese Veranstaltung ist keine Bescheinigung vorgesehen.",
  "certificate.why.not_confirmed": "Die Anmeldung ist nicht bestätigt.",
  "certificate.why.no_dates": "Die Veranstaltung hat keinen stattfindenden Termin.",
  "certificate.why.sessions_ok": "{attended} von {total} Terminen besucht, benötigt {required}",
  "certificate.why.sessions_short": "{attended} von {total} Terminen, benötigt {required}",
  "certificate.why.hours_ok": "{percent} % der Stunden besucht, benötigt {required} %",
  "certificate.why.hours_short": "{percent} % der Stunden, benötigt {required} %",
  "certificate.why.pending": "{attended} von {total} Terminen besucht, benötigt {required}; {pending} Termine stehen noch aus (gezählt wird erst, was vorbei ist)",

  // The verification page
  "certificate.verify_page.title": "Bescheinigung prüfen",
  "certificate.verify_page.intro": "Geben Sie den Prüfcode ein, der auf der Bescheinigung steht.",
  "certificate.verify_page.code_label": "Prüfcode",
  "certificate.verify_page.code_hint": "16 Zeichen, zum Beispiel 7K3M-Q9XD-2RTB-HW4E",
  "certificate.verify_page.submit": "Prüfen",
  "certificate.verify_page.checking": "Wird geprüft …",
  "certificate.verify_page.valid": "Diese Bescheinigung ist echt und gültig.",
  "certificate.verify_page.revoked": "Diese Bescheinigung wurde am {date} zurückgezogen. Sie ist nicht mehr gültig.",
  "certificate.verify_page.unknown": "Zu diesem Prüfcode gibt es keine Bescheinigung. Bitte prüfen Sie Ihre Eingabe.",
  "certificate.verify_page.failed": "Die Prüfung ist gerade nicht möglich. Bitte versuchen Sie es später noch einmal.",
  "certificate.verify_page.shown": "Angezeigt wird nur, was auf der Bescheinigung steht.",
  "certificate.verify_page.name": "Name",
  "certificate.verify_page.event": "Veranstaltung",
  "certificate.verify_page.dates": "Termine",
  "certificate.verify_page.hours": "Umfang",
  "certificate.verify_page.hours_value": "{hours} Zeitstunden",
  "certificate.verify_page.organiser": "Veranstalter",
  "certificate.verify_page.signer": "Unterzeichnet von",
  "certificate.verify_page.issued": "Ausgestellt am",
  "certificate.verify_page.code": "Prüfcode",
} as const;

export type CertificateKey = keyof typeof certificate;
export default certificate;
