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
  "email.waitlisted.next": "Wenn ein Platz frei wird, schreiben wir Ihnen eine E-Mail.",
  "email.waitlisted.manage_intro": "Sie möchten nicht mehr warten? Hier können Sie sich abmelden oder Ihre Anmeldung ansehen:",

  // offer
  "email.offer.subject": "Ein Platz ist frei für Sie: {event}",
  "email.offer.preview": "Bitte nehmen Sie Ihren Platz für „{event}“ an.",
  "email.offer.heading": "Ein Platz ist frei geworden",
  "email.offer.intro": "Gute Nachricht: Bei „{event}“ ist jetzt ein Platz für Sie frei.",
  "email.offer.deadline": "Bitte nehmen Sie den Platz bis {deadline} an. Sonst bekommt die nächste Person auf der Warteliste den Platz.",
  "email.offer.how": "Öffnen Sie dazu Ihre Anmeldung über den Knopf. Dort können Sie den Platz annehmen.",
  "email.offer.button": "Platz annehmen",
  "email.offer.decline": "Sie möchten nicht mehr teilnehmen? Dann öffnen Sie bitte auch Ihre Anmeldung über den Knopf und sagen dort ab.",

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
  // Shared parts of the later emails
  "email.common.what_to_bring": "Bitte mitbringen",
  "email.common.check_in": "Einlass",
  "email.common.check_in_hint": "Zeigen Sie diesen QR-Code beim Einlass.",
  "email.common.check_in_alt": "QR-Code für den Einlass",
  "email.common.reason": "Grund",
  "email.common.questions": "Haben Sie Fragen? Dann wenden Sie sich bitte an {organiser}.",
  "email.common.link_valid": "Der Link gilt {minutes} Minuten (bis {deadline}) und nur einmal.",

  // reminder: before each session
  "email.reminder.subject": "Erinnerung: {event} am {date}",
  "email.reminder.preview": "Bald ist es so weit: „{event}“.",
  "email.reminder.heading": "Erinnerung an Ihren Termin",
  "email.reminder.intro": "Sie sind für „{event}“ angemeldet. Wir erinnern Sie an den nächsten Termin.",

  // event_changed: date, time or place changed
  "email.event_changed.subject": "Änderung: {event}",
  "email.event_changed.preview": "Bei „{event}“ hat sich etwas geändert.",
  "email.event_changed.heading": "Es gibt eine Änderung",
  "email.event_changed.intro": "Bei „{event}“ hat sich etwas geändert. Bitte lesen Sie die neuen Angaben.",
  "email.event_changed.changed": "Neu ist: {changes}",
  "email.event_changed.change.date": "das Datum",
  "email.event_changed.change.time": "die Uhrzeit",
  "email.event_changed.change.place": "der Ort",
  "email.event_changed.change.online": "der Link für die Online-Teilnahme",
  "email.event_changed.calendar": "Im Anhang finden Sie eine neue Kalender-Datei. Sie ersetzt die alte.",
  "email.event_changed.still_registered": "Ihre Anmeldung gilt weiter. Sie können nicht mehr kommen? Dann sagen Sie bitte über den Link ab.",

  // event_cancelled: the organiser cancelled the whole event
  "email.event_cancelled.subject": "Abgesagt: {event}",
  "email.event_cancelled.preview": "„{event}“ findet nicht statt.",
  "email.event_cancelled.heading": "Die Veranstaltung fällt aus",
  "email.event_cancelled.intro": "Leider findet „{event}“ nicht statt. Ihre Anmeldung ist damit beendet. Sie müssen nichts tun.",
  "email.event_cancelled.sorry": "Das tut uns leid. Haben Sie Fragen? Dann wenden Sie sich bitte an {organiser}.",

  // cancelled_by_organiser: one registration cancelled by the organiser
  "email.cancelled_by_organiser.subject": "Ihre Anmeldung wurde storniert: {event}",
  "email.cancelled_by_organiser.preview": "Ihre Anmeldung für „{event}“ wurde storniert.",
  "email.cancelled_by_organiser.heading": "Ihre Anmeldung wurde storniert",
  "email.cancelled_by_organiser.intro": "{organiser} hat Ihre Anmeldung für „{event}“ storniert. Sie haben keinen Platz mehr.",

  // updated_by_organiser: registration edited on the participant's behalf
  "email.updated_by_organiser.subject": "Ihre Anmeldung wurde geändert: {event}",
  "email.updated_by_organiser.preview": "Ihre Anmeldung für „{event}“ wurde geändert.",
  "email.updated_by_organiser.heading": "Ihre Anmeldung wurde geändert",
  "email.updated_by_organiser.intro": "{organiser} hat Ihre Anmeldung für „{event}“ für Sie geändert. So sieht sie jetzt aus:",
  "email.updated_by_organiser.check": "Bitte prüfen Sie die Angaben. Stimmt etwas nicht? Dann wenden Sie sich bitte an {organiser}.",

  // organiser_message: free text from the organisers
  "email.organiser_message.subject": "{subject} ({event})",
  "email.organiser_message.intro": "Sie sind für „{event}“ angemeldet. {organiser} schreibt Ihnen:",

  // certificate_issued
  "email.certificate_issued.subject": "Ihre Teilnahmebescheinigung: {event}",
  "email.certificate_issued.preview": "Ihre Bescheinigung für „{event}“ ist fertig.",
  "email.certificate_issued.heading": "Ihre Bescheinigung ist fertig",
  "email.certificate_issued.intro": "Vielen Dank für Ihre Teilnahme an „{event}“. Ihre Teilnahmebescheinigung ist fertig.",
  "email.certificate_issued.how": "Sie können die Bescheinigung auf Ihrer Anmeldeseite herunterladen:",
  "email.certificate_issued.button": "Bescheinigung herunterladen",

  // login_link: console sign-in
  "email.login_link.subject": "Ihr Link zum Anmelden in der Verwaltung",
  "email.login_link.preview": "Mit diesem Link melden Sie sich an.",
  "email.login_link.heading": "Anmelden",
  "email.login_link.intro": "Mit dem Knopf melden Sie sich in der Verwaltung an.",
  "email.login_link.button": "Jetzt anmelden",
  "email.login_link.not_you": "Sie haben keinen Link angefordert? Dann beachten Sie diese E-Mail nicht. Ohne den Link kann sich niemand anmelden.",

  // invitation: to an organisation's console
  "email.invitation.subject": "Einladung: {organisation}",
  "email.invitation.preview": "{inviter} lädt Sie zu {organisation} ein.",
  "email.invitation.heading": "Sie sind eingeladen",
  "email.invitation.intro": "{inviter} hat Sie in die Verwaltung von {organisation} eingeladen. Ihre Rolle: {role}.",
  "email.invitation.role.organiser": "Organisation (Veranstaltungen anlegen und betreuen)",
  "email.invitation.role.checkin_helper": "Hilfe beim Einlass (Anwesenheit erfassen)",
  "email.invitation.button": "Einladung annehmen",
  "email.invitation.valid": "Die Einladung gilt bis {deadline}.",
  "email.invitation.not_you": "Sie kennen {inviter} nicht oder möchten nicht mitmachen? Dann beachten Sie diese E-Mail nicht.",

  // application_received: to organisers
  "email.application_received.subject": "Neue Bewerbung: {event}",
  "email.application_received.preview": "Eine Bewerbung für „{event}“ wartet auf Ihre Freigabe.",
  "email.application_received.heading": "Eine neue Bewerbung",
  "email.application_received.intro": "Für „{event}“ ist eine neue Bewerbung eingegangen. Sie wartet auf Ihre Freigabe.",
  "email.application_received.applicant": "Von",
  "email.application_received.button": "Bewerbung ansehen",

  // organiser_digest: the day's changes
  "email.organiser_digest.subject": "Tagesübersicht: {date}",
  "email.organiser_digest.preview": "Was sich heute bei Ihren Veranstaltungen geändert hat.",
  "email.organiser_digest.heading": "Tagesübersicht: {date}",
  "email.organiser_digest.intro": "Das hat sich am {date} bei Ihren Veranstaltungen geändert:",
  "email.organiser_digest.new": "Neue Anmeldungen: {count}",
  "email.organiser_digest.cancelled": "Abmeldungen: {count}",
  "email.organiser_digest.promoted": "Von der Warteliste nachgerückt: {count}",
  "email.organiser_digest.waitlist": "Jetzt auf der Warteliste: {count}",
  "email.organiser_digest.failed_emails": "Nicht zugestellte E-Mails: {count} (die Anmeldungen in der Verwaltung zeigen, welche)",
  "email.organiser_digest.button": "Verwaltung öffnen",
  "email.organiser_digest.why": "Sie bekommen diese Übersicht, weil Sie sie in der Verwaltung eingeschaltet haben. Dort können Sie sie auch ausschalten.",

  // data_access: the link to the participant's own data (privacy request)
  "email.data_access.subject": "Ihre gespeicherten Daten",
  "email.data_access.preview": "Mit diesem Link sehen Sie, welche Daten wir über Sie gespeichert haben.",
  "email.data_access.heading": "Ihre Daten bei uns",
  "email.data_access.intro": "Jemand, wahrscheinlich Sie, hat gefragt, welche Daten wir zu dieser E-Mail-Adresse gespeichert haben.",
  "email.data_access.what": "Auf der Seite sehen Sie alle Ihre Anmeldungen mit allen Angaben. Sie können die Daten als Datei speichern und löschen lassen.",
  "email.data_access.button": "Meine Daten ansehen",
  "email.data_access.valid": "Der Link gilt 24 Stunden, bis {deadline}. Danach können Sie einen neuen Link anfordern.",
  "email.data_access.not_you": "Sie haben nicht gefragt? Dann beachten Sie diese E-Mail nicht. Ohne den Link sieht niemand Ihre Daten.",
  "email.application_pending.subject": "Ihre Bewerbung ist angekommen: {event}",
  "email.application_pending.preview": "Wir haben Ihre Bewerbung für „{event}“ bekommen.",
  "email.application_pending.heading": "Ihre Bewerbung ist angekommen",
  "email.application_pending.intro": "Danke für Ihre Bewerbung für „{event}“.",
  "email.application_pending.next": "Wir prüfen alle Bewerbungen und schreiben Ihnen dann per E-Mail, ob Sie dabei sind.",
  "email.application_pending.manage_intro": "Hier sehen Sie Ihre Bewerbung. Sie können sie auch zurückziehen:",
  "email.application_rejected.subject": "Ihre Bewerbung: {event}",
  "email.application_rejected.preview": "Eine Nachricht zu Ihrer Bewerbung für „{event}“.",
  "email.application_rejected.heading": "Danke für Ihre Bewerbung",
  "email.application_rejected.intro": "Vielen Dank für Ihr Interesse an „{event}“. Leider können wir Ihnen dieses Mal keinen Platz geben.",
  "email.application_rejected.closing": "Wir freuen uns, wenn Sie sich wieder bewerben. Bei Fragen hilft Ihnen {organiser} gern.",
  "email.application_rejected.manage_intro": "Hier sehen Sie Ihre Bewerbung und Ihre Daten:",
  "email.common.workshops.one": "Workshop",
  "email.common.workshops.other": "Workshops",
  "email.common.workshop_time": "{name} ({start} bis {end} Uhr)",
  "email.common.workshop_confirmed": "{workshop}: Ihr Platz ist bestätigt.",
  "email.common.workshop_kept": "{workshop}: Ihr bisheriger Platz. Sie behalten ihn, bis in Ihrem Wunsch-Workshop ein Platz frei wird.",
  "email.common.workshop_waitlisted": "{workshop}: Sie stehen auf der Warteliste.",
  "email.common.workshop_waitlisted_position": "{workshop}: Sie stehen auf der Warteliste, auf Platz {position}.",
  "email.common.workshop_other": "{workshop}: Bitte bestätigen Sie zuerst Ihre Anmeldung.",
  "email.common.online_later": "Den Link zur Teilnahme bekommen Sie per E-Mail, sobald Ihr Platz bestätigt ist.",
  "email.common.online_how": "Öffnen Sie den Link ein paar Minuten vor dem Beginn. Bitte geben Sie ihn nicht weiter.",
  "email.common.contact_intro": "Haben Sie Fragen zur Veranstaltung? Ihre Ansprechperson:",
  "email.updated_by_organiser.changed": "Geändert: {fields}",
  "email.updated_by_organiser.field.name": "Name",
  "email.updated_by_organiser.field.email": "E-Mail-Adresse",
  "email.updated_by_organiser.field.places": "Anzahl der Plätze",
  "email.updated_by_organiser.field.answers": "Ihre Antworten",
  "email.updated_by_organiser.field.needs": "Was Sie für die Teilnahme brauchen",
  "email.updated_by_organiser.field.locale": "Sprache der E-Mails",
  "email.workshops_changed.subject": "Ihre Workshops: {event}",
  "email.workshops_changed.preview": "Bei Ihren Workshops für „{event}“ hat sich etwas geändert.",
  "email.workshops_changed.heading": "Ihre Workshops haben sich geändert",
  "email.workshops_changed.switched": "Sie haben den Workshop gewechselt. Sie haben jetzt einen Platz in „{workshop}“.",
  "email.workshops_changed.switched_previous": "Ihren Platz in „{previous}“ haben Sie dafür freigegeben.",
  "email.workshops_changed.waiting": "„{workshop}“ ist im Moment voll. Sie stehen dort auf der Warteliste.",
  "email.workshops_changed.waiting_kept": "Ihren Platz in „{previous}“ behalten Sie. Erst wenn in „{workshop}“ ein Platz frei wird, wechseln wir Sie. Dann geben wir Ihren alten Platz frei und schreiben Ihnen.",
  "email.workshops_changed.promoted": "Gute Nachricht: In „{workshop}“ ist ein Platz für Sie frei geworden.",
  "email.workshops_changed.promoted_previous": "Ihren Platz in „{previous}“ haben wir dafür freigegeben.",
  "email.workshops_changed.now": "So sehen Ihre Workshops jetzt aus:",
  "email.manage_links.subject": "Ihre Links zu Ihren Anmeldungen",
  "email.manage_links.preview": "Hier sind die Links zu Ihren Anmeldungen.",
  "email.manage_links.heading": "Ihre Anmeldungen",
  "email.manage_links.intro": "Jemand, wahrscheinlich Sie, hat nach den Links zu den Anmeldungen mit dieser E-Mail-Adresse gefragt.",
  "email.manage_links.list": "Mit diesen Links sehen Sie Ihre Anmeldungen. Dort können Sie sie auch ändern oder absagen:",
  "email.manage_links.open": "Anmeldung öffnen",
  "email.manage_links.not_you": "Sie haben nicht gefragt? Dann müssen Sie nichts tun. An Ihren Anmeldungen ändert sich nichts.",
  "email.manage_links.status.confirmed": "Ihr Platz ist bestätigt.",
  "email.manage_links.status.waitlisted": "Sie stehen auf der Warteliste.",
  "email.manage_links.status.offered": "Ein Platz ist für Sie frei. Bitte nehmen Sie ihn an.",
  "email.manage_links.status.check_email": "Bitte bestätigen Sie noch Ihre E-Mail-Adresse.",
  "email.manage_links.status.pending_approval": "Ihre Bewerbung wird geprüft.",
} as const;

export type EmailKey = keyof typeof email;

type PluralBase<K> = K extends `${infer Base}.other` ? Base : never;
/** Intl.PluralRules categories; German uses only "one" and "other". */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";
/** Plural forms a locale may add for a base that German has (e.g. "….few" in Ukrainian). */
export type EmailPluralKey = `${PluralBase<EmailKey>}.${PluralCategory}`;
/** What every other locale's email catalogue must be: German's keys, plus its own plural forms. */
export type EmailCatalogue = Record<EmailKey, string> & Partial<Record<EmailPluralKey, string>>;
export default email;
