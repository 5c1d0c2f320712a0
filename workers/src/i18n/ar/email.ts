import type { EmailCatalogue } from "../de/email";

/** Email texts (Arabic, right to left). Arabic has six plural forms (Intl.PluralRules "ar"). */
const email: EmailCatalogue = {
  // Shared parts
  "email.common.greeting": "مرحبًا {name}،",
  "email.common.greeting_anonymous": "تحية طيبة،",
  "email.common.event": "الفعالية",
  "email.common.when.one": "الموعد",
  "email.common.when.two": "الموعدان",
  "email.common.when.other": "المواعيد",
  "email.common.where": "المكان",
  "email.common.accessibility": "إمكانية الوصول",
  "email.common.online": "المشاركة عبر الإنترنت",
  "email.common.online_hint": "بهذا الرابط تشاركون عبر الإنترنت:",
  "email.common.places": "الأماكن",
  "email.common.places_count.zero": "لا أماكن",
  "email.common.places_count.one": "مكان واحد",
  "email.common.places_count.two": "مكانان",
  "email.common.places_count.few": "{count} أماكن",
  "email.common.places_count.many": "{count} مكانًا",
  "email.common.places_count.other": "{count} مكان",
  "email.common.places_requested": "الأماكن المطلوبة",
  "email.common.session_titled": "{title}: {when}",
  "email.common.same_day": "{date}، من الساعة {start} إلى الساعة {end}",
  "email.common.multi_day": "من {start} إلى {end}",
  "email.common.datetime": "{date}، الساعة {time}",
  "email.common.deadline": "{date}، الساعة {time}",
  "email.common.manage_button": "فتح تسجيلي",
  "email.common.manage_intro": "هنا يمكنكم عرض التسجيل أو تغييره أو إلغاؤه:",
  "email.common.link_fallback": "الزر لا يعمل؟ يُرجى نسخ هذا الرابط إلى المتصفح:",
  "email.common.link_private": "هذا الرابط خاص بكم وحدكم. يُرجى عدم مشاركته مع أحد.",
  "email.common.calendar": "في المرفق ملف تقويم. به يمكن إضافة المواعيد إلى تقويمكم.",
  "email.common.cancel_hint": "لا تستطيعون الحضور؟ يُرجى الإلغاء عبر الرابط. عندها يحصل شخص آخر على مكانكم.",
  "email.common.footer": "هذه الرسالة من {organiser}. أُرسلت تلقائيًا.",

  // confirm_email
  "email.confirm_email.subject": "يُرجى تأكيد عنوان البريد الإلكتروني: {event}",
  "email.confirm_email.preview": "يُرجى تأكيد التسجيل في «{event}».",
  "email.confirm_email.heading": "يُرجى تأكيد عنوان البريد الإلكتروني",
  "email.confirm_email.intro": "طلبتم التسجيل في «{event}».",
  "email.confirm_email.why": "يُرجى تأكيد عنوان البريد الإلكتروني. لا يصبح التسجيل ساريًا إلا بعد ذلك.",
  "email.confirm_email.deadline": "يُرجى التأكيد قبل {deadline}. بعد ذلك لا يعود التسجيل ساريًا.",
  "email.confirm_email.button": "تأكيد عنوان البريد الإلكتروني",
  "email.confirm_email.not_you": "لم تسجلوا؟ إذن لا حاجة إلى فعل أي شيء. من دون تأكيد لا يوجد تسجيل.",

  // confirmed
  "email.confirmed.subject": "تم تأكيد تسجيلكم: {event}",
  "email.confirmed.preview": "تم تسجيلكم في «{event}».",
  "email.confirmed.heading": "تم التسجيل",
  "email.confirmed.intro": "يسعدنا حضوركم! تم تأكيد تسجيلكم في «{event}».",

  // waitlisted
  "email.waitlisted.subject": "أنتم في قائمة الانتظار: {event}",
  "email.waitlisted.preview": "أنتم في قائمة الانتظار لـ «{event}».",
  "email.waitlisted.heading": "أنتم في قائمة الانتظار",
  "email.waitlisted.intro": "الفعالية «{event}» ممتلئة حاليًا. لذلك أنتم الآن في قائمة الانتظار.",
  "email.waitlisted.position": "ترتيبكم في قائمة الانتظار: {position}.",
  "email.waitlisted.next": "إذا أصبح مكان شاغرًا، نرسل إليكم رسالة بالبريد الإلكتروني.",
  "email.waitlisted.manage_intro": "لا تريدون الانتظار بعد الآن؟ هنا يمكنكم مغادرة قائمة الانتظار أو عرض التسجيل:",

  // offer
  "email.offer.subject": "أصبح مكان شاغرًا لكم: {event}",
  "email.offer.preview": "يُرجى قبول مكانكم في «{event}».",
  "email.offer.heading": "أصبح مكان شاغرًا",
  "email.offer.intro": "خبر سار: يوجد الآن مكان لكم في «{event}».",
  "email.offer.deadline": "يُرجى قبول المكان قبل {deadline}. وإلا يحصل عليه الشخص التالي في قائمة الانتظار.",
  "email.offer.how": "لذلك يُرجى فتح التسجيل عبر الزر. هناك يمكن قبول المكان.",
  "email.offer.button": "قبول المكان",
  "email.offer.decline": "لا تريدون المشاركة بعد الآن؟ يُرجى أيضًا فتح التسجيل عبر الزر والإلغاء هناك.",

  // promoted
  "email.promoted.subject": "حصلتم على مكان: {event}",
  "email.promoted.preview": "أنتم الآن مسجلون في «{event}».",
  "email.promoted.heading": "لديكم مكان",
  "email.promoted.intro": "خبر سار: أصبح مكان شاغرًا. أنتم الآن مسجلون في «{event}».",

  // cancelled
  "email.cancelled.subject": "أُلغي تسجيلكم: {event}",
  "email.cancelled.preview": "أُلغي تسجيلكم في «{event}».",
  "email.cancelled.heading": "أُلغي تسجيلكم",
  "email.cancelled.intro": "أُلغي تسجيلكم في «{event}». لم يعد لكم مكان فيها.",
  "email.cancelled.reason": "السبب: {reason}",
  "email.cancelled.not_you": "لم تقوموا بالإلغاء؟ يُرجى التواصل مع {organiser}.",
  "email.cancelled.manage_intro": "هنا يمكنكم عرض التسجيل:",

  // expired
  "email.expired.subject": "انتهت صلاحية تسجيلكم: {event}",
  "email.expired.preview": "انتهت صلاحية تسجيلكم في «{event}».",
  "email.expired.heading": "انتهت المدة",
  "email.expired.intro_hold": "لم تؤكدوا عنوان البريد الإلكتروني في الوقت المحدد. لذلك تسجيلكم في «{event}» غير ساري.",
  "email.expired.intro_offer": "لم تقبلوا المكان الشاغر في «{event}» في الوقت المحدد. لذلك يحصل عليه الآن شخص آخر.",
  "email.expired.intro": "انتهت صلاحية تسجيلكم في «{event}».",
  "email.expired.again": "هل ما زلتم تريدون المشاركة؟ يُرجى التسجيل من جديد.",
  "email.expired.manage_intro": "هنا يمكنكم عرض التسجيل:",

  // manage_link
  "email.manage_link.subject": "رابط تسجيلكم: {event}",
  "email.manage_link.preview": "أنتم مسجلون بالفعل في «{event}». هذا هو الرابط.",
  "email.manage_link.heading": "أنتم مسجلون بالفعل",
  "email.manage_link.intro": "حاول أحدهم التسجيل مرة أخرى في «{event}» بعنوان البريد الإلكتروني هذا. غالبًا كنتم أنتم.",
  "email.manage_link.already": "يوجد بالفعل تسجيل بعنوان البريد الإلكتروني هذا. لا حاجة إلى التسجيل مرة أخرى.",
  "email.manage_link.manage_intro": "بهذا الرابط يمكنكم عرض التسجيل. وهناك يمكنكم أيضًا تغييره أو إلغاؤه:",
  "email.manage_link.not_you": "لم تكونوا أنتم؟ إذن لا حاجة إلى فعل أي شيء. لا يتغير شيء في تسجيلكم.",
  // Shared parts of the later emails
  "email.common.what_to_bring": "يرجى إحضار",
  "email.common.check_in": "الدخول",
  "email.common.check_in_hint": "أظهروا رمز QR هذا عند الدخول.",
  "email.common.check_in_alt": "رمز QR للدخول",
  "email.common.reason": "السبب",
  "email.common.questions": "هل لديكم أسئلة؟ يرجى التواصل مع {organiser}.",
  "email.common.link_valid": "الرابط صالح لمدة {minutes} دقائق (حتى {deadline}) ولمرة واحدة فقط.",

  // reminder
  "email.reminder.subject": "تذكير: {event} في {date}",
  "email.reminder.preview": "الموعد قريب: „{event}“.",
  "email.reminder.heading": "تذكير بموعدكم",
  "email.reminder.intro": "أنتم مسجلون في „{event}“. نذكركم بالموعد القادم.",

  // event_changed
  "email.event_changed.subject": "تغيير: {event}",
  "email.event_changed.preview": "تغيّر شيء في „{event}“.",
  "email.event_changed.heading": "هناك تغيير",
  "email.event_changed.intro": "تغيّر شيء في „{event}“. يرجى قراءة المعلومات الجديدة.",
  "email.event_changed.changed": "الجديد: {changes}",
  "email.event_changed.change.date": "التاريخ",
  "email.event_changed.change.time": "الوقت",
  "email.event_changed.change.place": "المكان",
  "email.event_changed.change.online": "رابط المشاركة عبر الإنترنت",
  "email.event_changed.calendar": "ستجدون في المرفق ملف تقويم جديدًا. وهو يحل محل الملف القديم.",
  "email.event_changed.still_registered": "تسجيلكم ما زال ساريًا. لا تستطيعون الحضور؟ يرجى إلغاء التسجيل عبر الرابط.",

  // event_cancelled
  "email.event_cancelled.subject": "أُلغيت: {event}",
  "email.event_cancelled.preview": "„{event}“ لن تُقام.",
  "email.event_cancelled.heading": "أُلغيت الفعالية",
  "email.event_cancelled.intro": "للأسف لن تُقام „{event}“. وبذلك انتهى تسجيلكم. لا حاجة إلى فعل أي شيء.",
  "email.event_cancelled.sorry": "نأسف لذلك. هل لديكم أسئلة؟ يرجى التواصل مع {organiser}.",

  // cancelled_by_organiser
  "email.cancelled_by_organiser.subject": "أُلغي تسجيلكم: {event}",
  "email.cancelled_by_organiser.preview": "أُلغي تسجيلكم في „{event}“.",
  "email.cancelled_by_organiser.heading": "أُلغي تسجيلكم",
  "email.cancelled_by_organiser.intro": "ألغت {organiser} تسجيلكم في „{event}“. لم يعد لديكم مكان.",

  // updated_by_organiser
  "email.updated_by_organiser.subject": "تم تغيير تسجيلكم: {event}",
  "email.updated_by_organiser.preview": "تم تغيير تسجيلكم في „{event}“.",
  "email.updated_by_organiser.heading": "تم تغيير تسجيلكم",
  "email.updated_by_organiser.intro": "غيّرت {organiser} تسجيلكم في „{event}“ نيابةً عنكم. هكذا يبدو الآن:",
  "email.updated_by_organiser.check": "يرجى التحقق من المعلومات. هل هناك خطأ؟ يرجى التواصل مع {organiser}.",

  // organiser_message
  "email.organiser_message.subject": "{subject} ({event})",
  "email.organiser_message.intro": "أنتم مسجلون في „{event}“. {organiser} تكتب إليكم:",

  // certificate_issued
  "email.certificate_issued.subject": "شهادة المشاركة: {event}",
  "email.certificate_issued.preview": "شهادتكم لـ „{event}“ جاهزة.",
  "email.certificate_issued.heading": "شهادتكم جاهزة",
  "email.certificate_issued.intro": "شكرًا لمشاركتكم في „{event}“. شهادة المشاركة جاهزة.",
  "email.certificate_issued.how": "يمكنكم تنزيل الشهادة من صفحة تسجيلكم:",
  "email.certificate_issued.button": "تنزيل الشهادة",

  // login_link
  "email.login_link.subject": "رابط تسجيل الدخول إلى لوحة الإدارة",
  "email.login_link.preview": "بهذا الرابط تسجلون الدخول.",
  "email.login_link.heading": "تسجيل الدخول",
  "email.login_link.intro": "بالزر تسجلون الدخول إلى لوحة الإدارة.",
  "email.login_link.button": "تسجيل الدخول الآن",
  "email.login_link.not_you": "لم تطلبوا رابطًا؟ إذن تجاهلوا هذا البريد. لا يمكن لأحد تسجيل الدخول دون الرابط.",

  // invitation
  "email.invitation.subject": "دعوة: {organisation}",
  "email.invitation.preview": "{inviter} يدعوكم إلى {organisation}.",
  "email.invitation.heading": "أنتم مدعوون",
  "email.invitation.intro": "دعاكم {inviter} إلى لوحة إدارة {organisation}. دوركم: {role}.",
  "email.invitation.role.organiser": "التنظيم (إنشاء الفعاليات وإدارتها)",
  "email.invitation.role.checkin_helper": "المساعدة عند الدخول (تسجيل الحضور)",
  "email.invitation.button": "قبول الدعوة",
  "email.invitation.valid": "الدعوة صالحة حتى {deadline}.",
  "email.invitation.not_you": "لا تعرفون {inviter} أو لا تريدون المشاركة؟ إذن تجاهلوا هذا البريد.",

  // application_received
  "email.application_received.subject": "طلب جديد: {event}",
  "email.application_received.preview": "طلب لـ „{event}“ ينتظر موافقتكم.",
  "email.application_received.heading": "طلب جديد",
  "email.application_received.intro": "وصل طلب جديد لـ „{event}“. وهو ينتظر موافقتكم.",
  "email.application_received.applicant": "من",
  "email.application_received.button": "عرض الطلب",

  // organiser_digest
  "email.organiser_digest.subject": "الملخص اليومي: {date}",
  "email.organiser_digest.preview": "ما الذي تغيّر اليوم في فعالياتكم.",
  "email.organiser_digest.heading": "الملخص اليومي: {date}",
  "email.organiser_digest.intro": "هذا ما تغيّر في فعالياتكم يوم {date}:",
  "email.organiser_digest.new": "تسجيلات جديدة: {count}",
  "email.organiser_digest.cancelled": "إلغاءات: {count}",
  "email.organiser_digest.promoted": "انتقلوا من قائمة الانتظار: {count}",
  "email.organiser_digest.waitlist": "في قائمة الانتظار الآن: {count}",
  "email.organiser_digest.failed_emails": "رسائل بريد إلكتروني تعذّر تسليمها: {count} (تُظهر التسجيلات في لوحة الإدارة أيّها)",
  "email.organiser_digest.button": "فتح لوحة الإدارة",
  "email.organiser_digest.why": "تصلكم هذه الملخصات لأنكم فعّلتموها في لوحة الإدارة. ويمكنكم إيقافها هناك أيضًا.",

  // data_access: the link to the participant's own data (privacy request)
  "email.data_access.subject": "بياناتك المحفوظة",
  "email.data_access.preview": "بهذا الرابط ترى البيانات التي نحفظها عنك.",
  "email.data_access.heading": "بياناتك لدينا",
  "email.data_access.intro": "سأل شخص ما، على الأرجح أنت، عن البيانات التي نحفظها لعنوان البريد الإلكتروني هذا.",
  "email.data_access.what": "تعرض الصفحة جميع تسجيلاتك وكل ما أخبرتنا به. يمكنك حفظ البيانات كملف وطلب حذفها.",
  "email.data_access.button": "عرض بياناتي",
  "email.data_access.valid": "الرابط صالح لمدة 24 ساعة، حتى {deadline}. بعد ذلك يمكنك طلب رابط جديد.",
  "email.data_access.not_you": "لم تطلب ذلك؟ إذن تجاهل هذه الرسالة. بدون الرابط لا يستطيع أحد رؤية بياناتك.",
  "email.application_pending.subject": "وصل طلبك: {event}",
  "email.application_pending.preview": "استلمنا طلبك للمشاركة في „{event}“.",
  "email.application_pending.heading": "وصل طلبك",
  "email.application_pending.intro": "شكرًا على تقديم طلبك للمشاركة في „{event}“.",
  "email.application_pending.next": "ندرس جميع الطلبات ثم نخبرك بالبريد الإلكتروني إن كان بإمكانك المشاركة.",
  "email.application_pending.manage_intro": "هنا ترى طلبك. يمكنك أيضًا سحبه:",
  "email.application_rejected.subject": "طلبك: {event}",
  "email.application_rejected.preview": "رسالة بخصوص طلبك للمشاركة في „{event}“.",
  "email.application_rejected.heading": "شكرًا على طلبك",
  "email.application_rejected.intro": "شكرًا جزيلًا على اهتمامك بـ „{event}“. للأسف لا نستطيع أن نقدم لك مكانًا هذه المرة.",
  "email.application_rejected.closing": "يسعدنا أن تتقدم بطلب مرة أخرى. إذا كانت لديك أسئلة، يسعد {organiser} بمساعدتك.",
  "email.application_rejected.manage_intro": "هنا ترى طلبك وبياناتك:",
};

export default email;
