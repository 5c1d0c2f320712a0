import type { ErrorKey } from "../de/errors";

/** Error messages shown to participants (English). */
const errors: Record<ErrorKey, string> = {
  "error.validation": "Please check what you entered.",
  "error.not_found": "We could not find that.",
  "error.event_not_found": "This event does not exist or is not published.",
  "error.registration_not_found": "We could not find this registration. Please check the link in your email.",
  "error.registration_closed": "Registration for this event is closed.",
  "error.registration_not_open_yet": "Registration opens on {date}.",
  "error.no_registration_needed": "You do not need to register for this event. Just come along.",
  "error.event_cancelled": "This event has been cancelled.",
  "error.event_full": "This event is fully booked and has no waiting list.",
  "error.invalid_state": "This is not possible for this registration right now.",
  "error.offer_expired": "The offer has expired.",
  "error.hold_expired": "The time to confirm has run out. Please register again.",
  "error.unsupported_media_type": "Please send the data as JSON.",
  "error.malformed_json": "The data is not valid JSON.",
  "error.payload_too_large": "The request is too large.",
  "error.internal": "Something went wrong. Please try again later.",
  "field.required": "Please fill in this field.",
  "field.invalid_type": "This value has the wrong format.",
  "field.too_long": "Please use at most {max} characters.",
  "field.email": "Please enter a valid email address.",
  "field.locale": "Please choose one of the languages offered.",
  "field.places_min": "Please choose at least 1 place.",
  "field.places_max": "One registration can take at most {max} places.",
  "field.consent": "Please agree to the privacy notice.",
  "field.unknown_question": "This event has no such question.",
  "field.unknown_option": "Please choose one of the answers offered.",
  "field.unknown_field": "This field is unknown.",
  "field.line_break": "Line breaks are not allowed here.",
  "field.number_min": "Please enter at least {min}.",
  "field.number_max": "Please enter at most {max}.",
  "field.number": "Please enter a number.",
};

export default errors;
