import type { ReachKey } from "../de/reach";

/** Texts that leave the platform: feeds and the poster (Turkish). */
const reach: Record<ReachKey, string> = {
  "feed.name": "Etkinlikler",
  "feed.name_organisation": "Etkinlikler: {organisation}",
  "feed.cancelled": "İptal edildi: {title}",
  "feed.date_cancelled": "Bu tarih yapılmayacak: {title}",
  "feed.cancellation_reason": "Neden: {reason}",
  "feed.part": "{title} (Bölüm {part} / {parts})",
  "feed.period": "Tarihler: {from} – {to}",
  "feed.place": "Yer: {place}",
  "feed.online": "Çevrim içi. Katılım bağlantısı kayıttan sonra e-posta ile gönderilir.",
  "feed.register": "Kayıt: {url}",
  "feed.apply": "Başvuru: {url}",
  "feed.free_entry": "Giriş ücretsiz, kayıt gerekmez.",
  "feed.more": "Daha fazla bilgi: {url}",

  "poster.sign_up": "Buradan kaydolun",
  "poster.apply": "Buradan başvurun",
  "poster.more_info": "Daha fazla bilgi",
  "poster.free_entry": "Giriş ücretsiz",
  "dates.more": "Diğer tarihler: {count}",
  "poster.online": "Çevrim içi",
  "poster.cancelled": "İptal edildi",
  "poster.machine_translated": "Otomatik çevrildi",
  "poster.shown_in": "Yalnızca şu dilde var: {language}",
};

export default reach;
