/**
 * Texts of the translation review page, German and English like the rest of the console. They
 * live beside the page (not in strings.ts) so the page stays a separate piece the console's
 * rebuild can take as it is; the language is the console's (consoleLocale).
 */
import { format } from "../../../../workers/src/i18n/vocabulary";
import { consoleLocale } from "../strings";

const de = {
  title: "Übersetzungen",
  heading: "Übersetzungen: {event}",
  back: "Zurück zur Veranstaltung",
  intro:
    "Hier sehen Sie jeden Text der Veranstaltung in jeder Sprache. Sie können maschinelle Übersetzungen korrigieren oder bestätigen. Was Sie hier speichern, überschreibt keine spätere maschinelle Übersetzung.",
  not_configured:
    "Die automatische Übersetzung ist nicht eingerichtet (Workers AI fehlt). Die Seiten zeigen dann den englischen Text, sonst den deutschen, mit einem Hinweis. Sie können Übersetzungen hier selbst eintragen.",
  missing_event: "Bitte öffnen Sie diese Seite von einer Veranstaltung aus.",
  counts: "vom Veranstalter: {original} · maschinell: {machine} · geprüft: {reviewed} · fehlt: {missing}",
  source: "Vorlage ({language})",
  translation: "Text auf {language}",
  save: "Speichern und als geprüft markieren",
  saved: "Gespeichert. Dieser Text wird nicht mehr maschinell überschrieben.",
  "status.original": "vom Veranstalter geschrieben",
  "status.machine": "maschinell übersetzt",
  "status.reviewed": "geprüft",
  "status.missing": "fehlt: die Seite zeigt Englisch oder Deutsch",
  stale: "Die Vorlage wurde nach Ihrer Prüfung geändert. Bitte prüfen Sie den Text noch einmal.",
  original_hint: "Diesen Text ändern Sie in der Veranstaltung selbst.",
  "field.title": "Titel",
  "field.summary": "Kurzbeschreibung",
  "field.description": "Beschreibung",
  "field.location.name": "Ort",
  "field.location.accessibility": "Barrierefreiheit",
  "field.session": "Termin",
  "field.question": "Frage",
  "field.option": "Antwort zur Auswahl",
  "field.pool": "Workshop oder Stand",
};
type Key = keyof typeof de;

const en: Record<Key, string> = {
  title: "Translations",
  heading: "Translations: {event}",
  back: "Back to the event",
  intro:
    "Here you see every text of the event in every language. You can correct or approve machine translations. What you save here is never overwritten by a later machine translation.",
  not_configured:
    "Automatic translation is not configured (Workers AI is missing). The pages then show the English text, otherwise the German one, with a note. You can enter translations here yourself.",
  missing_event: "Please open this page from an event.",
  counts: "by the organiser: {original} · machine: {machine} · reviewed: {reviewed} · missing: {missing}",
  source: "Source ({language})",
  translation: "Text in {language}",
  save: "Save and mark as reviewed",
  saved: "Saved. This text is no longer overwritten by machine translation.",
  "status.original": "written by the organiser",
  "status.machine": "machine-translated",
  "status.reviewed": "reviewed",
  "status.missing": "missing: the page shows English or German",
  stale: "The source changed after your review. Please check the text again.",
  original_hint: "You change this text in the event itself.",
  "field.title": "Title",
  "field.summary": "Summary",
  "field.description": "Description",
  "field.location.name": "Place",
  "field.location.accessibility": "Accessibility",
  "field.session": "Date",
  "field.question": "Question",
  "field.option": "Answer option",
  "field.pool": "Workshop or stand",
};

export function tr(key: Key, params: Record<string, string | number> = {}): string {
  return format((consoleLocale() === "en" ? en : de)[key], params);
}

/** What kind of text a field is ("question.school.option.x" → "Antwort zur Auswahl"). */
export function fieldKind(field: string): string {
  if (field === "title" || field === "summary" || field === "description" || field === "location.name" || field === "location.accessibility") return tr(`field.${field}`);
  if (field.startsWith("session.")) return tr("field.session");
  if (field.includes(".option.")) return tr("field.option");
  if (field.startsWith("question.")) return tr("field.question");
  return tr("field.pool");
}
