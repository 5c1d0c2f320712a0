import type { CertificateKey } from "../de/certificate";

/** Certificate texts (Turkish). */
const certificate: Record<CertificateKey, string> = {
  "certificate.title": "Katılım belgesi",
  "certificate.intro": "Bu belge ile",
  "certificate.took_part": "adlı kişinin aşağıdaki etkinliğe katıldığı onaylanır:",
  "certificate.dates": "Katıldığı tarihler:",
  "certificate.hours": "Kapsam: {hours} saat (45 dakikalık {units} ders saati)",
  "certificate.organiser": "Düzenleyen: {organiser}",
  "certificate.issued": "Düzenlenme tarihi: {date}",
  "certificate.code": "Doğrulama kodu: {code}",
  "certificate.verify": "Belgenin gerçekliğini kontrol edin: {url}",

  "certificate.why.no_rule": "Bu etkinlik için belge verilmiyor.",
  "certificate.why.not_confirmed": "Kayıt onaylanmamış.",
  "certificate.why.no_dates": "Etkinliğin gerçekleşen bir tarihi yok.",
  "certificate.why.sessions_ok": "{total} tarihten {attended} tanesine katıldı, gereken {required}",
  "certificate.why.sessions_short": "{total} tarihten {attended}, gereken {required}",
  "certificate.why.hours_ok": "Saatlerin % {percent} kadarına katıldı, gereken % {required}",
  "certificate.why.hours_short": "Saatlerin % {percent} kadarı, gereken % {required}",
  "certificate.why.pending": "{total} tarihten {attended} tanesine katıldı, {required} gerekli; {pending} tarih daha var (yalnızca sona eren tarihler sayılır)",

  "certificate.verify_page.title": "Belgeyi kontrol et",
  "certificate.verify_page.intro": "Belgenin üzerindeki doğrulama kodunu girin.",
  "certificate.verify_page.code_label": "Doğrulama kodu",
  "certificate.verify_page.code_hint": "16 karakter, örneğin 7K3M-Q9XD-2RTB-HW4E",
  "certificate.verify_page.submit": "Kontrol et",
  "certificate.verify_page.checking": "Kontrol ediliyor …",
  "certificate.verify_page.valid": "Bu belge gerçek ve geçerlidir.",
  "certificate.verify_page.revoked": "Bu belge {date} tarihinde geri alındı. Artık geçerli değildir.",
  "certificate.verify_page.unknown": "Bu kodla bir belge bulunamadı. Lütfen girdiğiniz kodu kontrol edin.",
  "certificate.verify_page.failed": "Kontrol şu anda yapılamıyor. Lütfen daha sonra tekrar deneyin.",
  "certificate.verify_page.shown": "Yalnızca belgenin üzerinde yazanlar gösterilir.",
  "certificate.verify_page.name": "Ad",
  "certificate.verify_page.event": "Etkinlik",
  "certificate.verify_page.dates": "Tarihler",
  "certificate.verify_page.hours": "Kapsam",
  "certificate.verify_page.hours_value": "{hours} saat",
  "certificate.verify_page.organiser": "Düzenleyen",
  "certificate.verify_page.signer": "İmzalayan",
  "certificate.verify_page.issued": "Düzenlenme tarihi",
  "certificate.verify_page.code": "Doğrulama kodu",
};

export default certificate;
