/**
 * Texts that leave the platform (German, the reference): the programme feeds (iCalendar and
 * JSON), which the city's app and website show as they are, and the poster. The poster
 * prints "sign up here" in every language at once, so the Worker holds all six.
 */
const reach = {
  // Feeds: the calendar's name, and the lines of an entry's description (plain text)
  "feed.name": "Veranstaltungen",
  "feed.name_organisation": "Veranstaltungen: {organisation}",
  "feed.cancelled": "Abgesagt: {title}",
  "feed.date_cancelled": "Fällt aus: {title}",
  "feed.cancellation_reason": "Grund: {reason}",
  "feed.part": "{title} (Teil {part} von {parts})",
  "feed.period": "Zeitraum: {from} bis {to}",
  "feed.place": "Ort: {place}",
  "feed.online": "Online. Den Link zur Teilnahme bekommen Sie nach der Anmeldung per E-Mail.",
  "feed.register": "Anmeldung: {url}",
  "feed.apply": "Bewerbung: {url}",
  "feed.free_entry": "Eintritt frei, keine Anmeldung nötig.",
  "feed.more": "Mehr Informationen: {url}",

  // The poster
  "poster.sign_up": "Hier anmelden",
  "poster.apply": "Hier bewerben",
  "poster.more_info": "Mehr erfahren",
  "poster.free_entry": "Eintritt frei",
  "dates.more": "Weitere Termine: {count}",
  "poster.online": "Online",
  "poster.cancelled": "Abgesagt",
  // Beneath a title the organiser did not write in the poster's language
  "poster.machine_translated": "Automatisch übersetzt",
  "poster.shown_in": "Nur auf {language} verfügbar",
} as const;

export type ReachKey = keyof typeof reach;
export default reach;
