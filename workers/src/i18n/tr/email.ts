import type { EmailCatalogue } from "../de/email";

/** Email texts (Turkish, formal "siz"). */
const email: EmailCatalogue = {
  // Shared parts
  "email.common.greeting": "Merhaba {name},",
  "email.common.greeting_anonymous": "İyi günler,",
  "email.common.event": "Etkinlik",
  "email.common.when.one": "Tarih",
  "email.common.when.other": "Tarihler",
  "email.common.where": "Yer",
  "email.common.accessibility": "Erişilebilirlik",
  "email.common.online": "Çevrim içi katılım",
  "email.common.online_hint": "Bu bağlantı ile çevrim içi katılırsınız:",
  "email.common.places": "Yer",
  "email.common.places_count.one": "{count} yer",
  "email.common.places_count.other": "{count} yer",
  "email.common.places_requested": "İstenen yer sayısı",
  "email.common.session_titled": "{title}: {when}",
  "email.common.same_day": "{date}, saat {start}–{end}",
  "email.common.multi_day": "{start} – {end}",
  "email.common.datetime": "{date}, saat {time}",
  "email.common.deadline": "{date}, saat {time}",
  "email.common.manage_button": "Kaydımı aç",
  "email.common.manage_intro": "Kaydınızı burada görebilir, değiştirebilir veya iptal edebilirsiniz:",
  "email.common.link_fallback": "Düğme çalışmıyor mu? O zaman bu bağlantıyı tarayıcınıza kopyalayın:",
  "email.common.link_private": "Bu bağlantı sadece size aittir. Lütfen başkasına vermeyin.",
  "email.common.calendar": "Ekte bir takvim dosyası var. Bu dosya ile tarihleri takviminize ekleyebilirsiniz.",
  "email.common.cancel_hint": "Gelemeyecek misiniz? Lütfen bağlantı üzerinden iptal edin. Böylece yerinizi başka biri alabilir.",
  "email.common.footer": "Bu e-posta {organiser} tarafından gönderildi. Otomatik olarak gönderildi.",

  // confirm_email
  "email.confirm_email.subject": "Lütfen e-posta adresinizi onaylayın: {event}",
  "email.confirm_email.preview": "Lütfen “{event}” kaydınızı onaylayın.",
  "email.confirm_email.heading": "Lütfen e-posta adresinizi onaylayın",
  "email.confirm_email.intro": "“{event}” etkinliğine kayıt olmak istiyorsunuz.",
  "email.confirm_email.why": "Lütfen e-posta adresinizi onaylayın. Kaydınız ancak o zaman geçerli olur.",
  "email.confirm_email.deadline": "Lütfen şu zamana kadar onaylayın: {deadline}. Sonra kayıt geçersiz olur.",
  "email.confirm_email.button": "E-posta adresini onayla",
  "email.confirm_email.not_you": "Kayıt olmadınız mı? O zaman hiçbir şey yapmanız gerekmez. Onay olmadan kayıt olmaz.",

  // confirmed
  "email.confirmed.subject": "Kaydınız onaylandı: {event}",
  "email.confirmed.preview": "“{event}” için kaydınız yapıldı.",
  "email.confirmed.heading": "Kaydınız yapıldı",
  "email.confirmed.intro": "Katılacağınıza sevindik! “{event}” için kaydınız onaylandı.",

  // waitlisted
  "email.waitlisted.subject": "Bekleme listesindesiniz: {event}",
  "email.waitlisted.preview": "“{event}” için bekleme listesindesiniz.",
  "email.waitlisted.heading": "Bekleme listesindesiniz",
  "email.waitlisted.intro": "“{event}” etkinliği şu anda dolu. Bu yüzden şimdi bekleme listesindesiniz.",
  "email.waitlisted.position": "Bekleme listesinde {position}. sıradasınız.",
  "email.waitlisted.next": "Bir yer boşalırsa size e-posta yazarız.",
  "email.waitlisted.manage_intro": "Artık beklemek istemiyor musunuz? Burada listeden çıkabilir veya kaydınızı görebilirsiniz:",

  // offer
  "email.offer.subject": "Sizin için bir yer boşaldı: {event}",
  "email.offer.preview": "Lütfen “{event}” için yerinizi kabul edin.",
  "email.offer.heading": "Bir yer boşaldı",
  "email.offer.intro": "İyi haber: “{event}” etkinliğinde şimdi sizin için bir yer var.",
  "email.offer.deadline": "Lütfen yeri şu zamana kadar kabul edin: {deadline}. Yoksa yeri bekleme listesindeki sıradaki kişi alır.",
  "email.offer.how": "Bunun için düğme ile kaydınızı açın. Orada yeri kabul edebilirsiniz.",
  "email.offer.button": "Yeri kabul et",
  "email.offer.decline": "Artık katılmak istemiyor musunuz? O zaman lütfen düğme ile kaydınızı açın ve orada iptal edin.",

  // promoted
  "email.promoted.subject": "Bir yer aldınız: {event}",
  "email.promoted.preview": "Artık “{event}” için kaydınız var.",
  "email.promoted.heading": "Bir yeriniz var",
  "email.promoted.intro": "İyi haber: Bir yer boşaldı. Artık “{event}” için kaydınız var.",

  // cancelled
  "email.cancelled.subject": "Kaydınız iptal edildi: {event}",
  "email.cancelled.preview": "“{event}” için kaydınız iptal edildi.",
  "email.cancelled.heading": "Kaydınız iptal edildi",
  "email.cancelled.intro": "“{event}” için kaydınız iptal edildi. Artık orada yeriniz yok.",
  "email.cancelled.reason": "Sebep: {reason}",
  "email.cancelled.not_you": "İptal etmediniz mi? O zaman lütfen {organiser} ile iletişime geçin.",
  "email.cancelled.manage_intro": "Kaydınızı burada görebilirsiniz:",

  // expired
  "email.expired.subject": "Kaydınızın süresi doldu: {event}",
  "email.expired.preview": "“{event}” için kaydınızın süresi doldu.",
  "email.expired.heading": "Süre doldu",
  "email.expired.intro_hold": "E-posta adresinizi zamanında onaylamadınız. Bu yüzden “{event}” için kaydınız geçerli değil.",
  "email.expired.intro_offer": "“{event}” etkinliğindeki boş yeri zamanında kabul etmediniz. Bu yüzden yeri şimdi başka biri alıyor.",
  "email.expired.intro": "“{event}” için kaydınızın süresi doldu.",
  "email.expired.again": "Yine de katılmak istiyor musunuz? O zaman lütfen yeniden kayıt olun.",
  "email.expired.manage_intro": "Kaydınızı burada görebilirsiniz:",

  // manage_link
  "email.manage_link.subject": "Kayıt bağlantınız: {event}",
  "email.manage_link.preview": "“{event}” için zaten kaydınız var. İşte bağlantınız.",
  "email.manage_link.heading": "Zaten kaydınız var",
  "email.manage_link.intro": "Birisi bu e-posta adresi ile “{event}” için tekrar kayıt olmak istedi. Muhtemelen sizdiniz.",
  "email.manage_link.already": "Bu e-posta adresi ile zaten bir kayıt var. Tekrar kayıt olmanız gerekmez.",
  "email.manage_link.manage_intro": "Bu bağlantı ile kaydınızı görebilirsiniz. Orada kaydı değiştirebilir veya iptal edebilirsiniz:",
  "email.manage_link.not_you": "Siz değil miydiniz? O zaman hiçbir şey yapmanız gerekmez. Kaydınızda hiçbir şey değişmez.",
  // Shared parts of the later emails
  "email.common.what_to_bring": "Lütfen yanınızda getirin",
  "email.common.check_in": "Giriş",
  "email.common.check_in_hint": "Girişte bu QR kodunu gösterin.",
  "email.common.check_in_alt": "Giriş için QR kodu",
  "email.common.reason": "Neden",
  "email.common.questions": "Sorularınız mı var? O zaman lütfen {organiser} ile iletişime geçin.",
  "email.common.link_valid": "Bağlantı {minutes} dakika ({deadline} tarihine kadar) ve yalnızca bir kez geçerlidir.",

  // reminder
  "email.reminder.subject": "Hatırlatma: {event}, {date}",
  "email.reminder.preview": "Yakında başlıyor: „{event}“.",
  "email.reminder.heading": "Randevunuzu hatırlatıyoruz",
  "email.reminder.intro": "„{event}“ için kaydınız var. Size bir sonraki tarihi hatırlatıyoruz.",

  // event_changed
  "email.event_changed.subject": "Değişiklik: {event}",
  "email.event_changed.preview": "„{event}“ etkinliğinde bir değişiklik var.",
  "email.event_changed.heading": "Bir değişiklik var",
  "email.event_changed.intro": "„{event}“ etkinliğinde bir şey değişti. Lütfen yeni bilgileri okuyun.",
  "email.event_changed.changed": "Yeni olan: {changes}",
  "email.event_changed.change.date": "tarih",
  "email.event_changed.change.time": "saat",
  "email.event_changed.change.place": "yer",
  "email.event_changed.change.online": "çevrimiçi katılım bağlantısı",
  "email.event_changed.calendar": "Ekte yeni bir takvim dosyası bulunuyor. Eski dosyanın yerine geçer.",
  "email.event_changed.still_registered": "Kaydınız geçerliliğini koruyor. Artık gelemiyor musunuz? O zaman lütfen bağlantı üzerinden iptal edin.",

  // event_cancelled
  "email.event_cancelled.subject": "İptal edildi: {event}",
  "email.event_cancelled.preview": "„{event}“ gerçekleşmeyecek.",
  "email.event_cancelled.heading": "Etkinlik iptal edildi",
  "email.event_cancelled.intro": "Maalesef „{event}“ gerçekleşmeyecek. Bu nedenle kaydınız sona erdi. Bir şey yapmanız gerekmiyor.",
  "email.event_cancelled.sorry": "Bunun için üzgünüz. Sorularınız mı var? O zaman lütfen {organiser} ile iletişime geçin.",

  // cancelled_by_organiser
  "email.cancelled_by_organiser.subject": "Kaydınız iptal edildi: {event}",
  "email.cancelled_by_organiser.preview": "„{event}“ için kaydınız iptal edildi.",
  "email.cancelled_by_organiser.heading": "Kaydınız iptal edildi",
  "email.cancelled_by_organiser.intro": "{organiser}, „{event}“ için kaydınızı iptal etti. Artık bir yeriniz yok.",

  // updated_by_organiser
  "email.updated_by_organiser.subject": "Kaydınız değiştirildi: {event}",
  "email.updated_by_organiser.preview": "„{event}“ için kaydınız değiştirildi.",
  "email.updated_by_organiser.heading": "Kaydınız değiştirildi",
  "email.updated_by_organiser.intro": "{organiser}, „{event}“ için kaydınızı sizin adınıza değiştirdi. Kaydınız şimdi böyle görünüyor:",
  "email.updated_by_organiser.check": "Lütfen bilgileri kontrol edin. Yanlış bir şey mi var? O zaman lütfen {organiser} ile iletişime geçin.",

  // organiser_message
  "email.organiser_message.subject": "{subject} ({event})",
  "email.organiser_message.intro": "„{event}“ için kaydınız var. {organiser} size yazıyor:",

  // certificate_issued
  "email.certificate_issued.subject": "Katılım belgeniz: {event}",
  "email.certificate_issued.preview": "„{event}“ için belgeniz hazır.",
  "email.certificate_issued.heading": "Belgeniz hazır",
  "email.certificate_issued.intro": "„{event}“ etkinliğine katıldığınız için teşekkür ederiz. Katılım belgeniz hazır.",
  "email.certificate_issued.how": "Belgeyi kayıt sayfanızdan indirebilirsiniz:",
  "email.certificate_issued.button": "Belgeyi indir",

  // login_link
  "email.login_link.subject": "Yönetim paneline giriş bağlantınız",
  "email.login_link.preview": "Bu bağlantı ile giriş yaparsınız.",
  "email.login_link.heading": "Giriş yap",
  "email.login_link.intro": "Düğme ile yönetim paneline giriş yaparsınız.",
  "email.login_link.button": "Şimdi giriş yap",
  "email.login_link.not_you": "Bağlantı istemediniz mi? O zaman bu e-postayı dikkate almayın. Bağlantı olmadan kimse giriş yapamaz.",

  // invitation
  "email.invitation.subject": "Davet: {organisation}",
  "email.invitation.preview": "{inviter} sizi {organisation} kuruluşuna davet ediyor.",
  "email.invitation.heading": "Davet edildiniz",
  "email.invitation.intro": "{inviter} sizi {organisation} yönetim paneline davet etti. Rolünüz: {role}.",
  "email.invitation.role.organiser": "organizasyon (etkinlik oluşturma ve yürütme)",
  "email.invitation.role.checkin_helper": "giriş yardımı (girişte katılımı kaydetme)",
  "email.invitation.button": "Daveti kabul et",
  "email.invitation.valid": "Davet {deadline} tarihine kadar geçerlidir.",
  "email.invitation.not_you": "{inviter} kişisini tanımıyor musunuz veya katılmak istemiyor musunuz? O zaman bu e-postayı dikkate almayın.",

  // application_received
  "email.application_received.subject": "Yeni başvuru: {event}",
  "email.application_received.preview": "„{event}“ için bir başvuru onayınızı bekliyor.",
  "email.application_received.heading": "Yeni bir başvuru",
  "email.application_received.intro": "„{event}“ için yeni bir başvuru geldi. Onayınızı bekliyor.",
  "email.application_received.applicant": "Gönderen",
  "email.application_received.button": "Başvuruyu görüntüle",

  // organiser_digest
  "email.organiser_digest.subject": "Günlük özet: {date}",
  "email.organiser_digest.preview": "Bugün etkinliklerinizde neler değişti.",
  "email.organiser_digest.heading": "Günlük özet: {date}",
  "email.organiser_digest.intro": "{date} tarihinde etkinliklerinizde şunlar değişti:",
  "email.organiser_digest.new": "Yeni kayıtlar: {count}",
  "email.organiser_digest.cancelled": "İptaller: {count}",
  "email.organiser_digest.promoted": "Bekleme listesinden yer alanlar: {count}",
  "email.organiser_digest.waitlist": "Şu anda bekleme listesinde: {count}",
  "email.organiser_digest.failed_emails": "Teslim edilemeyen e-postalar: {count} (hangileri olduğunu yönetim panelindeki kayıtlar gösterir)",
  "email.organiser_digest.button": "Yönetim panelini aç",
  "email.organiser_digest.why": "Bu özeti yönetim panelinde açtığınız için alıyorsunuz. Orada kapatabilirsiniz de.",

  // data_access: the link to the participant's own data (privacy request)
  "email.data_access.subject": "Kayıtlı verileriniz",
  "email.data_access.preview": "Bu bağlantıyla hakkınızda hangi verileri sakladığımızı görebilirsiniz.",
  "email.data_access.heading": "Bizdeki verileriniz",
  "email.data_access.intro": "Birisi, büyük olasılıkla siz, bu e-posta adresi için hangi verileri sakladığımızı sordu.",
  "email.data_access.what": "Sayfada tüm kayıtlarınızı ve bize verdiğiniz tüm bilgileri görürsünüz. Verileri dosya olarak kaydedebilir ve sildirebilirsiniz.",
  "email.data_access.button": "Verilerimi gör",
  "email.data_access.valid": "Bağlantı 24 saat, {deadline} tarihine kadar geçerlidir. Sonra yeni bir bağlantı isteyebilirsiniz.",
  "email.data_access.not_you": "Siz sormadınız mı? O zaman bu e-postayı dikkate almayın. Bağlantı olmadan kimse verilerinizi göremez.",
  "email.application_pending.subject": "Başvurunuz bize ulaştı: {event}",
  "email.application_pending.preview": "„{event}“ için başvurunuzu aldık.",
  "email.application_pending.heading": "Başvurunuz bize ulaştı",
  "email.application_pending.intro": "„{event}“ için başvurduğunuz için teşekkür ederiz.",
  "email.application_pending.next": "Tüm başvuruları inceliyoruz ve katılıp katılamayacağınızı size e-postayla bildiriyoruz.",
  "email.application_pending.manage_intro": "Başvurunuzu burada görebilirsiniz. Başvurunuzu geri de çekebilirsiniz:",
  "email.application_rejected.subject": "Başvurunuz: {event}",
  "email.application_rejected.preview": "„{event}“ başvurunuzla ilgili bir mesaj.",
  "email.application_rejected.heading": "Başvurunuz için teşekkürler",
  "email.application_rejected.intro": "„{event}“ ile ilgilendiğiniz için çok teşekkür ederiz. Maalesef bu sefer size yer veremiyoruz.",
  "email.application_rejected.closing": "Tekrar başvurursanız seviniriz. Sorularınız olursa {organiser} size memnuniyetle yardımcı olur.",
  "email.application_rejected.manage_intro": "Başvurunuzu ve verilerinizi burada görebilirsiniz:",
};

export default email;
