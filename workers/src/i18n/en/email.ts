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
  // Shared parts of the later emails
  "email.common.what_to_bring": "Please bring",
  "email.common.check_in": "Check-in",
  "email.common.check_in_hint": "Show this QR code at the entrance.",
  "email.common.check_in_alt": "QR code for check-in",
  "email.common.reason": "Reason",
  "email.common.questions": "Do you have questions? Then please contact {organiser}.",
  "email.common.link_valid": "The link is valid for {minutes} minutes (until {deadline}) and only once.",

  // reminder
  "email.reminder.subject": "Reminder: {event} on {date}",
  "email.reminder.preview": "It is soon: “{event}”.",
  "email.reminder.heading": "A reminder of your date",
  "email.reminder.intro": "You are registered for “{event}”. This is a reminder of the next date.",

  // event_changed
  "email.event_changed.subject": "Change: {event}",
  "email.event_changed.preview": "Something has changed for “{event}”.",
  "email.event_changed.heading": "There is a change",
  "email.event_changed.intro": "Something has changed for “{event}”. Please read the new details.",
  "email.event_changed.changed": "New: {changes}",
  "email.event_changed.change.date": "the date",
  "email.event_changed.change.time": "the time",
  "email.event_changed.change.place": "the place",
  "email.event_changed.change.online": "the link for taking part online",
  "email.event_changed.calendar": "A new calendar file is attached. It replaces the old one.",
  "email.event_changed.still_registered": "Your registration is still valid. You cannot come any more? Then please cancel with the link.",

  // event_cancelled
  "email.event_cancelled.subject": "Cancelled: {event}",
  "email.event_cancelled.preview": "“{event}” will not take place.",
  "email.event_cancelled.heading": "The event is cancelled",
  "email.event_cancelled.intro": "Unfortunately, “{event}” will not take place. So your registration has ended. You do not need to do anything.",
  "email.event_cancelled.sorry": "We are sorry. Do you have questions? Then please contact {organiser}.",

  // cancelled_by_organiser
  "email.cancelled_by_organiser.subject": "Your registration was cancelled: {event}",
  "email.cancelled_by_organiser.preview": "Your registration for “{event}” was cancelled.",
  "email.cancelled_by_organiser.heading": "Your registration was cancelled",
  "email.cancelled_by_organiser.intro": "{organiser} has cancelled your registration for “{event}”. You no longer have a place.",

  // updated_by_organiser
  "email.updated_by_organiser.subject": "Your registration was changed: {event}",
  "email.updated_by_organiser.preview": "Your registration for “{event}” was changed.",
  "email.updated_by_organiser.heading": "Your registration was changed",
  "email.updated_by_organiser.intro": "{organiser} has changed your registration for “{event}” for you. This is how it looks now:",
  "email.updated_by_organiser.check": "Please check the details. Is something wrong? Then please contact {organiser}.",

  // organiser_message
  "email.organiser_message.subject": "{subject} ({event})",
  "email.organiser_message.intro": "You are registered for “{event}”. {organiser} writes to you:",

  // certificate_issued
  "email.certificate_issued.subject": "Your certificate of attendance: {event}",
  "email.certificate_issued.preview": "Your certificate for “{event}” is ready.",
  "email.certificate_issued.heading": "Your certificate is ready",
  "email.certificate_issued.intro": "Thank you for taking part in “{event}”. Your certificate of attendance is ready.",
  "email.certificate_issued.how": "You can download the certificate on your registration page:",
  "email.certificate_issued.button": "Download certificate",

  // login_link
  "email.login_link.subject": "Your link to sign in to the console",
  "email.login_link.preview": "Sign in with this link.",
  "email.login_link.heading": "Sign in",
  "email.login_link.intro": "Use the button to sign in to the console.",
  "email.login_link.button": "Sign in now",
  "email.login_link.not_you": "You did not ask for a link? Then ignore this email. Nobody can sign in without the link.",

  // invitation
  "email.invitation.subject": "Invitation: {organisation}",
  "email.invitation.preview": "{inviter} invites you to {organisation}.",
  "email.invitation.heading": "You are invited",
  "email.invitation.intro": "{inviter} has invited you to the console of {organisation}. Your role: {role}.",
  "email.invitation.role.organiser": "organiser (create and run events)",
  "email.invitation.role.checkin_helper": "check-in helper (record attendance at the entrance)",
  "email.invitation.button": "Accept invitation",
  "email.invitation.valid": "The invitation is valid until {deadline}.",
  "email.invitation.not_you": "You do not know {inviter} or do not want to join? Then ignore this email.",

  // application_received
  "email.application_received.subject": "New application: {event}",
  "email.application_received.preview": "An application for “{event}” is waiting for your approval.",
  "email.application_received.heading": "A new application",
  "email.application_received.intro": "A new application has arrived for “{event}”. It is waiting for your approval.",
  "email.application_received.applicant": "From",
  "email.application_received.button": "View application",

  // organiser_digest
  "email.organiser_digest.subject": "Daily summary: {date}",
  "email.organiser_digest.preview": "What changed today for your events.",
  "email.organiser_digest.heading": "Daily summary: {date}",
  "email.organiser_digest.intro": "This is what changed for your events on {date}:",
  "email.organiser_digest.new": "New registrations: {count}",
  "email.organiser_digest.cancelled": "Cancellations: {count}",
  "email.organiser_digest.promoted": "Moved up from the waiting list: {count}",
  "email.organiser_digest.waitlist": "On the waiting list now: {count}",
  "email.organiser_digest.failed_emails": "Emails that could not be delivered: {count} (the registrations in the console show which)",
  "email.organiser_digest.button": "Open the console",
  "email.organiser_digest.why": "You get this summary because you switched it on in the console. You can switch it off there too.",

  // data_access: the link to the participant's own data (privacy request)
  "email.data_access.subject": "Your stored data",
  "email.data_access.preview": "With this link you can see which data we hold about you.",
  "email.data_access.heading": "Your data with us",
  "email.data_access.intro": "Someone, probably you, asked which data we hold for this email address.",
  "email.data_access.what": "The page shows all your registrations with everything you told us. You can save the data as a file and have it deleted.",
  "email.data_access.button": "See my data",
  "email.data_access.valid": "The link is valid for 24 hours, until {deadline}. After that you can ask for a new link.",
  "email.data_access.not_you": "You did not ask? Then please ignore this email. Without the link nobody can see your data.",
  "email.application_pending.subject": "Your application has arrived: {event}",
  "email.application_pending.preview": "We have received your application for “{event}”.",
  "email.application_pending.heading": "Your application has arrived",
  "email.application_pending.intro": "Thank you for applying for “{event}”.",
  "email.application_pending.next": "We look at all applications and then tell you by email whether you can take part.",
  "email.application_pending.manage_intro": "Here you can see your application. You can also withdraw it:",
  "email.application_rejected.subject": "Your application: {event}",
  "email.application_rejected.preview": "A message about your application for “{event}”.",
  "email.application_rejected.heading": "Thank you for your application",
  "email.application_rejected.intro": "Thank you for your interest in “{event}”. Unfortunately we cannot offer you a place this time.",
  "email.application_rejected.closing": "We would be glad if you applied again. If you have questions, {organiser} is happy to help.",
  "email.application_rejected.manage_intro": "Here you can see your application and your data:",
};

export default email;
