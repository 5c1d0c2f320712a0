import type { ReachKey } from "../de/reach";

/** Texts that leave the platform: feeds and the poster (Arabic). */
const reach: Record<ReachKey, string> = {
  "feed.name": "الفعاليات",
  "feed.name_organisation": "الفعاليات: {organisation}",
  "feed.cancelled": "أُلغيت: {title}",
  "feed.date_cancelled": "لن يُعقد هذا الموعد: {title}",
  "feed.cancellation_reason": "السبب: {reason}",
  "feed.part": "{title} (الجزء {part} من {parts})",
  "feed.period": "الفترة: من {from} إلى {to}",
  "feed.place": "المكان: {place}",
  "feed.online": "عبر الإنترنت. سيصلك رابط المشاركة بالبريد الإلكتروني بعد التسجيل.",
  "feed.register": "التسجيل: {url}",
  "feed.apply": "التقديم: {url}",
  "feed.free_entry": "الدخول مجاني، لا حاجة إلى التسجيل.",
  "feed.more": "مزيد من المعلومات: {url}",

  "poster.sign_up": "سجل هنا",
  "poster.apply": "قدم طلبك هنا",
  "poster.more_info": "اعرف المزيد",
  "poster.free_entry": "الدخول مجاني",
  "dates.more": "مواعيد أخرى: {count}",
  "poster.online": "عبر الإنترنت",
  "poster.cancelled": "أُلغيت",
  "poster.machine_translated": "ترجمة آلية",
  "poster.shown_in": "متاح فقط باللغة: {language}",
};

export default reach;
