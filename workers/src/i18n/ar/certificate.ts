import type { CertificateKey } from "../de/certificate";

/** Certificate texts (Arabic). */
const certificate: Record<CertificateKey, string> = {
  "certificate.title": "شهادة حضور",
  "certificate.intro": "نشهد بأن",
  "certificate.took_part": "قد شارك في الفعالية التالية:",
  "certificate.dates": "المواعيد التي حضرها:",
  "certificate.hours": "المدة: {hours} ساعة ({units} وحدة تعليمية مدة كل منها 45 دقيقة)",
  "certificate.organiser": "الجهة المنظمة: {organiser}",
  "certificate.issued": "تاريخ الإصدار: {date}",
  "certificate.code": "رمز التحقق: {code}",
  "certificate.verify": "للتحقق من صحة الشهادة: {url}",

  "certificate.why.no_rule": "لا توجد شهادة لهذه الفعالية.",
  "certificate.why.not_confirmed": "التسجيل غير مؤكد.",
  "certificate.why.no_dates": "ليس للفعالية موعد يُعقد.",
  "certificate.why.sessions_ok": "حضر {attended} من {total} مواعيد، المطلوب {required}",
  "certificate.why.sessions_short": "{attended} من {total} مواعيد، المطلوب {required}",
  "certificate.why.hours_ok": "حضر {percent} % من الساعات، المطلوب {required} %",
  "certificate.why.hours_short": "{percent} % من الساعات، المطلوب {required} %",
  "certificate.why.pending": "حضر {attended} من {total} مواعيد، المطلوب {required}؛ لا تزال {pending} مواعيد قادمة (تُحتسب المواعيد المنتهية فقط)",

  "certificate.verify_page.title": "التحقق من شهادة",
  "certificate.verify_page.intro": "أدخل رمز التحقق المطبوع على الشهادة.",
  "certificate.verify_page.code_label": "رمز التحقق",
  "certificate.verify_page.code_hint": "16 حرفًا، مثلًا 7K3M-Q9XD-2RTB-HW4E",
  "certificate.verify_page.submit": "تحقق",
  "certificate.verify_page.checking": "جارٍ التحقق …",
  "certificate.verify_page.valid": "هذه الشهادة أصلية وصالحة.",
  "certificate.verify_page.revoked": "سُحبت هذه الشهادة بتاريخ {date}. لم تعد صالحة.",
  "certificate.verify_page.unknown": "لا توجد شهادة بهذا الرمز. يرجى التحقق مما أدخلته.",
  "certificate.verify_page.failed": "التحقق غير ممكن الآن. يرجى المحاولة لاحقًا.",
  "certificate.verify_page.shown": "لا يُعرض إلا ما هو مطبوع على الشهادة.",
  "certificate.verify_page.name": "الاسم",
  "certificate.verify_page.event": "الفعالية",
  "certificate.verify_page.dates": "المواعيد",
  "certificate.verify_page.hours": "المدة",
  "certificate.verify_page.hours_value": "{hours} ساعة",
  "certificate.verify_page.organiser": "الجهة المنظمة",
  "certificate.verify_page.signer": "الموقّع",
  "certificate.verify_page.issued": "تاريخ الإصدار",
  "certificate.verify_page.code": "رمز التحقق",
};

export default certificate;
