import type { ReachKey } from "../de/reach";

/** Texts that leave the platform: feeds and the poster (English). */
const reach: Record<ReachKey, string> = {
  "feed.name": "Events",
  "feed.name_organisation": "Events: {organisation}",
  "feed.cancelled": "Cancelled: {title}",
  "feed.date_cancelled": "Not taking place: {title}",
  "feed.cancellation_reason": "Reason: {reason}",
  "feed.part": "{title} (part {part} of {parts})",
  "feed.period": "Dates: {from} to {to}",
  "feed.place": "Place: {place}",
  "feed.online": "Online. You receive the link to join by email after registering.",
  "feed.register": "Registration: {url}",
  "feed.apply": "Application: {url}",
  "feed.free_entry": "Free entry, no registration needed.",
  "feed.more": "More information: {url}",

  "poster.sign_up": "Sign up here",
  "poster.apply": "Apply here",
  "poster.more_info": "Find out more",
  "poster.free_entry": "Free entry",
  "dates.more": "More dates: {count}",
  "poster.online": "Online",
  "poster.cancelled": "Cancelled",
  "poster.machine_translated": "Automatically translated",
  "poster.shown_in": "Only available in {language}",
};

export default reach;
