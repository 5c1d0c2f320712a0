/**
 * Email texts (German, the reference catalogue).
 *
 * Plain language (B1): short sentences, no jargon, polite "Sie".
 * Placeholders are written `{name}`. Keys ending in `.one` / `.other` (and, in other
 * locales, `.few` / `.many` / `.two` / `.zero`) are plural forms chosen by Intl.PluralRules.
 */
const email = {
  // Shared parts
  "email.common.greeting": "Hallo {name},",
  "email.common.greeting_anonymous": "Guten Tag,",
  "email.common.event": "Veranstaltung",
  "email.common.when.one": "Termin",
  "email.common.when.other": "Termine",
  "email.common.where": "Ort",
  "email.common.accessibility": "Barrierefreiheit",
  "email.common.online": "Online-Teilnahme",
  "email.common.online_hint": "Mit diesem Link nehmen Sie online teil:",
  "email.common.places": "Plätze",
  "email.common.places_count.one": "{count} Platz",
  "email.common.places_count.other": "{count} Plätze",
  "email.common.places_requested": "Gewünschte Plätze",
  "email.common.session_titled": "{title}: {when}",
  "email.common.same_day": "{date}, {start} bis {end} Uhr",
  "email.common.multi_day": "{start} bis {end}",
  "email.common.datetime": "{date}, {time} Uhr",
  "email.common.deadline": "{date} um {time} Uhr",
  "email.common.manage_button": "Meine Anmeldung öffnen",
  "email.common.manage_intro": "Hier können Sie Ihre Anmeldung ansehen, ändern oder absagen:",
  "email.common.link_fallback": "Der Knopf funktioniert nicht? Dann kopieren Sie diesen Link in Ihren Browser:",
  "email.common.link_private": "Dieser Link gehört nur Ihnen. Bitte geben Sie ihn nicht weiter.",
  "email.common.calendar": "Im Anhang finden Sie eine Kalender-Datei. Damit können Sie die Termine in Ihren Kalender übernehmen.",
  "email.common.cancel_hint": "Sie können doch nicht kommen? Bitte sagen Sie über den Link ab. Dann bekommt eine andere Person Ihren Platz.",
  "email.common.footer": "Diese E-Mail kommt von {organiser}. Sie wurde automatisch verschickt.",

  // confirm_email: double opt-in
  "email.confirm_email.subject": "Bitte bestätigen Sie Ihre E-Mail-Adresse: {event}",
  "email.confirm_email.preview": "Bitte bestätigen Sie Ihre Anmeldung für „{event}“.",
  "email.confirm_email.heading": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
  "email.confirm_email.intro": "Sie möchten sich für „{event}“ anmelden.",
  "email.confirm_email.why": "Bitte bestätigen Sie Ihre E-Mail-Adresse. Erst dann ist Ihre Anmeldung gültig.",
  "email.confirm_email.deadline": "Bitte bestätigen Sie bis {deadline}. Danach ist die Anmeldung nicht mehr gültig.",
  "email.confirm_email.button": "E-Mail-Adresse bestätigen",
  "email.confirm_email.not_you": "Sie haben sich nicht angemeldet? Dann müssen Sie nichts tun. Ohne Bestätigung gibt es keine Anmeldung.",

  // confirmed
  "email.confirmed.subject": "Ihre Anmeldung ist bestätigt: {event}",
  "email.confirmed.preview": "Sie sind für „{event}“ angemeldet.",
  "email.confirmed.heading": "Sie sind angemeldet",
  "email.confirmed.intro": "Schön, dass Sie dabei sind! Ihre Anmeldung für „{event}“ ist bestätigt.",

  // waitlisted
  "email.waitlisted.subject": "Sie stehen auf der Warteliste: {event}",
  "email.waitlisted.preview": "Sie stehen auf der Warteliste für „{event}“.",
  "email.waitlisted.heading": "Sie stehen auf der Warteliste",
  "email.waitlisted.intro": "Die Veranstaltung „{event}“ ist im Moment voll. Darum stehen Sie jetzt auf der Warteliste.",
  "email.waitlisted.position": "Sie sind auf Platz {position} der Warteliste.",
  "email.waitlisted.next": "Wird ein Platz frei, dann schreiben wir Ihnen eine E-Mail.",
  "email.waitlisted.manage_intro": "Sie möchten nicht mehr warten? Hier können Sie sich abmelden oder Ihre Anmeldung ansehen:",

  // offer
  "email.offer.subject": "Ein Platz ist frei für Sie: {event}",
  "email.offer.preview": "Bitte nehmen Sie Ihren Platz für „{event}“ an.",
  "email.offer.heading": "Ein Platz ist frei geworden",
  "email.offer.intro": "Gute Nachricht: Bei „{event}“ ist jetzt ein Platz für Sie frei.",
  "email.offer.deadline": "Bitte nehmen Sie den Platz bis {deadline} an. Sonst bekommt die nächste Person auf der Warteliste den Platz.",
  "email.offer.how": "Öffnen Sie dazu Ihre Anmeldung über den Knopf. Dort können Sie den Platz annehmen.",
  "email.offer.button": "Platz annehmen",
  "email.offer.decline": "Sie möchten nicht mehr teilnehmen? Dann sagen Sie bitte auch über den Knopf ab.",

  // promoted
  "email.promoted.subject": "Sie haben einen Platz bekommen: {event}",
  "email.promoted.preview": "Sie sind jetzt für „{event}“ angemeldet.",
  "email.promoted.heading": "Sie haben einen Platz",
  "email.promoted.intro": "Gute Nachricht: Ein Platz ist frei geworden. Sie sind jetzt für „{event}“ angemeldet.",

  // cancelled
  "email.cancelled.subject": "Ihre Anmeldung ist abgesagt: {event}",
  "email.cancelled.preview": "Ihre Anmeldung für „{event}“ ist abgesagt.",
  "email.cancelled.heading": "Ihre Anmeldung ist abgesagt",
  "email.cancelled.intro": "Ihre Anmeldung für „{event}“ ist abgesagt. Sie haben dort keinen Platz mehr.",
  "email.cancelled.reason": "Grund: {reason}",
  "email.cancelled.not_you": "Sie haben nicht abgesagt? Dann wenden Sie sich bitte an {organiser}.",
  "email.cancelled.manage_intro": "Hier sehen Sie Ihre Anmeldung:",

  // expired
  "email.expired.subject": "Ihre Anmeldung ist abgelaufen: {event}",
  "email.expired.preview": "Ihre Anmeldung für „{event}“ ist abgelaufen.",
  "email.expired.heading": "Die Zeit ist abgelaufen",
  "email.expired.intro_hold": "Sie haben Ihre E-Mail-Adresse nicht rechtzeitig bestätigt. Darum ist Ihre Anmeldung für „{event}“ nicht gültig.",
  "email.expired.intro_offer": "Sie haben den freien Platz bei „{event}“ nicht rechtzeitig angenommen. Darum bekommt jetzt eine andere Person den Platz.",
  "email.expired.intro": "Ihre Anmeldung für „{event}“ ist abgelaufen.",
  "email.expired.again": "Sie möchten trotzdem teilnehmen? Dann melden Sie sich bitte neu an.",
  "email.expired.manage_intro": "Hier sehen Sie Ihre Anmeldung:",

  // manage_link: someone asked to register again with this address
  "email.manage_link.subject": "Ihr Link zur Anmeldung: {event}",
  "email.manage_link.preview": "Sie sind schon für „{event}“ angemeldet. Hier ist Ihr Link.",
  "email.manage_link.heading": "Sie sind schon angemeldet",
  "email.manage_link.intro": "Jemand wollte sich mit dieser E-Mail-Adresse noch einmal für „{event}“ anmelden. Wahrscheinlich waren Sie das.",
  "email.manage_link.already": "Mit dieser E-Mail-Adresse gibt es schon eine Anmeldung. Sie müssen sich nicht noch einmal anmelden.",
  "email.manage_link.manage_intro": "Über diesen Link sehen Sie Ihre Anmeldung. Dort können Sie sie auch ändern oder absagen:",
  "email.manage_link.not_you": "Das waren nicht Sie? Dann müssen Sie nichts tun. An Ihrer Anmeldung ändert sich nichts.",
} as const;

export type EmailKey = keyof typeof email;
export default email;
