import type { EmailKey } from "../de/email";

/** Email texts (English). */
const email: Record<EmailKey, string> = {
  // Shared parts
  "email.common.greeting": "Hello {name},",
  "email.common.greeting_anonymous": "Hello,",
  "email.common.event": "Event",
  "email.common.when.one": "Date",
  "email.common.when.other": "Dates",
  "email.common.where": "Place",
  "email.common.accessibility": "Accessibility",
  "email.common.online": "Taking part online",
  "email.common.online_hint": "Use this link to take part online:",
  "email.common.places": "Places",
  "email.common.places_count.one": "{count} place",
  "email.common.places_count.other": "{count} places",
  "email.common.places_requested": "Places requested",
  "email.common.session_titled": "{title}: {when}",
  "email.common.same_day": "{date}, {start} to {end}",
  "email.common.multi_day": "{start} to {end}",
  "email.common.datetime": "{date}, {time}",
  "email.common.deadline": "{date} at {time}",
  "email.common.manage_button": "Open my registration",
  "email.common.manage_intro": "Here you can see, change or cancel your registration:",
  "email.common.link_fallback": "The button does not work? Copy this link into your browser:",
  "email.common.link_private": "This link is only for you. Please do not share it.",
  "email.common.calendar": "A calendar file is attached. Use it to add the dates to your calendar.",
  "email.common.cancel_hint": "You cannot come after all? Please cancel with the link. Then someone else can have your place.",
  "email.common.footer": "This email is from {organiser}. It was sent automatically.",

  // confirm_email
  "email.confirm_email.subject": "Please confirm your email address: {event}",
  "email.confirm_email.preview": "Please confirm your registration for “{event}”.",
  "email.confirm_email.heading": "Please confirm your email address",
  "email.confirm_email.intro": "You would like to register for “{event}”.",
  "email.confirm_email.why": "Please confirm your email address. Your registration is only valid after that.",
  "email.confirm_email.deadline": "Please confirm by {deadline}. After that, the registration is no longer valid.",
  "email.confirm_email.button": "Confirm email address",
  "email.confirm_email.not_you": "You did not register? Then you do not need to do anything. Without confirmation there is no registration.",

  // confirmed
  "email.confirmed.subject": "Your registration is confirmed: {event}",
  "email.confirmed.preview": "You are registered for “{event}”.",
  "email.confirmed.heading": "You are registered",
  "email.confirmed.intro": "We are glad you are coming! Your registration for “{event}” is confirmed.",

  // waitlisted
  "email.waitlisted.subject": "You are on the waiting list: {event}",
  "email.waitlisted.preview": "You are on the waiting list for “{event}”.",
  "email.waitlisted.heading": "You are on the waiting list",
  "email.waitlisted.intro": "“{event}” is full at the moment. So you are now on the waiting list.",
  "email.waitlisted.position": "You are number {position} on the waiting list.",
  "email.waitlisted.next": "If a place becomes free, we will send you an email.",
  "email.waitlisted.manage_intro": "You do not want to wait any more? Here you can leave the waiting list or see your registration:",

  // offer
  "email.offer.subject": "A place is free for you: {event}",
  "email.offer.preview": "Please accept your place for “{event}”.",
  "email.offer.heading": "A place has become free",
  "email.offer.intro": "Good news: there is now a place for you at “{event}”.",
  "email.offer.deadline": "Please accept the place by {deadline}. Otherwise the next person on the waiting list gets the place.",
  "email.offer.how": "To do this, open your registration with the button. There you can accept the place.",
  "email.offer.button": "Accept place",
  "email.offer.decline": "You do not want to take part any more? Then please cancel with the button too.",

  // promoted
  "email.promoted.subject": "You have got a place: {event}",
  "email.promoted.preview": "You are now registered for “{event}”.",
  "email.promoted.heading": "You have a place",
  "email.promoted.intro": "Good news: a place has become free. You are now registered for “{event}”.",

  // cancelled
  "email.cancelled.subject": "Your registration is cancelled: {event}",
  "email.cancelled.preview": "Your registration for “{event}” is cancelled.",
  "email.cancelled.heading": "Your registration is cancelled",
  "email.cancelled.intro": "Your registration for “{event}” is cancelled. You no longer have a place.",
  "email.cancelled.reason": "Reason: {reason}",
  "email.cancelled.not_you": "You did not cancel? Then please contact {organiser}.",
  "email.cancelled.manage_intro": "Here you can see your registration:",

  // expired
  "email.expired.subject": "Your registration has expired: {event}",
  "email.expired.preview": "Your registration for “{event}” has expired.",
  "email.expired.heading": "The time has run out",
  "email.expired.intro_hold": "You did not confirm your email address in time. So your registration for “{event}” is not valid.",
  "email.expired.intro_offer": "You did not accept the free place at “{event}” in time. So another person now gets the place.",
  "email.expired.intro": "Your registration for “{event}” has expired.",
  "email.expired.again": "You would still like to take part? Then please register again.",
  "email.expired.manage_intro": "Here you can see your registration:",

  // manage_link
  "email.manage_link.subject": "Your registration link: {event}",
  "email.manage_link.preview": "You are already registered for “{event}”. Here is your link.",
  "email.manage_link.heading": "You are already registered",
  "email.manage_link.intro": "Someone tried to register for “{event}” again with this email address. It was probably you.",
  "email.manage_link.already": "There is already a registration with this email address. You do not need to register again.",
  "email.manage_link.manage_intro": "With this link you can see your registration. There you can also change or cancel it:",
  "email.manage_link.not_you": "It was not you? Then you do not need to do anything. Nothing changes in your registration.",
};

export default email;
