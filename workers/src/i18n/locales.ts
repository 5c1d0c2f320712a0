/**
 * The languages of the platform, German first (the fallback). A leaf module: db/schema.ts
 * builds its column enums from it and vocabulary.ts (shared with the frontend) re-exports it.
 */
export const LOCALES = ["de", "en", "tr", "ar", "uk", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
