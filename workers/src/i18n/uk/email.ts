import type { EmailCatalogue } from "../de/email";

/** Email texts (Ukrainian, polite "Ви"). Plural forms: one, few, many, other. */
const email: EmailCatalogue = {
  // Shared parts
  "email.common.greeting": "Вітаємо, {name}!",
  "email.common.greeting_anonymous": "Добрий день!",
  "email.common.event": "Захід",
  "email.common.when.one": "Дата",
  "email.common.when.few": "Дати",
  "email.common.when.many": "Дати",
  "email.common.when.other": "Дати",
  "email.common.where": "Місце",
  "email.common.accessibility": "Доступність",
  "email.common.online": "Участь онлайн",
  "email.common.online_hint": "За цим посиланням Ви берете участь онлайн:",
  "email.common.places": "Місця",
  "email.common.places_count.one": "{count} місце",
  "email.common.places_count.few": "{count} місця",
  "email.common.places_count.many": "{count} місць",
  "email.common.places_count.other": "{count} місця",
  "email.common.places_requested": "Бажана кількість місць",
  "email.common.session_titled": "{title}: {when}",
  "email.common.same_day": "{date}, з {start} до {end}",
  "email.common.multi_day": "з {start} до {end}",
  "email.common.datetime": "{date}, {time}",
  "email.common.deadline": "{date} о {time}",
  "email.common.manage_button": "Відкрити мою реєстрацію",
  "email.common.manage_intro": "Тут Ви можете переглянути, змінити або скасувати реєстрацію:",
  "email.common.link_fallback": "Кнопка не працює? Тоді скопіюйте це посилання у свій браузер:",
  "email.common.link_private": "Це посилання лише для Вас. Будь ласка, нікому його не передавайте.",
  "email.common.calendar": "У додатку є файл календаря. З ним Ви можете додати дати до свого календаря.",
  "email.common.cancel_hint": "Ви все ж не можете прийти? Будь ласка, скасуйте реєстрацію за посиланням. Тоді Ваше місце отримає інша людина.",
  "email.common.footer": "Цей лист від {organiser}. Його надіслано автоматично.",

  // confirm_email
  "email.confirm_email.subject": "Будь ласка, підтвердьте свою електронну адресу: {event}",
  "email.confirm_email.preview": "Будь ласка, підтвердьте реєстрацію на «{event}».",
  "email.confirm_email.heading": "Будь ласка, підтвердьте свою електронну адресу",
  "email.confirm_email.intro": "Ви хочете зареєструватися на «{event}».",
  "email.confirm_email.why": "Будь ласка, підтвердьте свою електронну адресу. Лише тоді реєстрація буде дійсною.",
  "email.confirm_email.deadline": "Будь ласка, підтвердьте до {deadline}. Після цього реєстрація вже не буде дійсною.",
  "email.confirm_email.button": "Підтвердити електронну адресу",
  "email.confirm_email.not_you": "Ви не реєструвалися? Тоді нічого робити не треба. Без підтвердження реєстрації немає.",

  // confirmed
  "email.confirmed.subject": "Вашу реєстрацію підтверджено: {event}",
  "email.confirmed.preview": "Ви зареєстровані на «{event}».",
  "email.confirmed.heading": "Ви зареєстровані",
  "email.confirmed.intro": "Ми раді, що Ви прийдете! Вашу реєстрацію на «{event}» підтверджено.",

  // waitlisted
  "email.waitlisted.subject": "Ви в списку очікування: {event}",
  "email.waitlisted.preview": "Ви в списку очікування на «{event}».",
  "email.waitlisted.heading": "Ви в списку очікування",
  "email.waitlisted.intro": "На захід «{event}» зараз немає місць. Тому Ви тепер у списку очікування.",
  "email.waitlisted.position": "Ваше місце в списку очікування: {position}.",
  "email.waitlisted.next": "Коли звільниться місце, ми напишемо Вам листа.",
  "email.waitlisted.manage_intro": "Ви більше не хочете чекати? Тут Ви можете вийти зі списку або переглянути реєстрацію:",

  // offer
  "email.offer.subject": "Для Вас є вільне місце: {event}",
  "email.offer.preview": "Будь ласка, прийміть своє місце на «{event}».",
  "email.offer.heading": "Звільнилося місце",
  "email.offer.intro": "Добра новина: на «{event}» тепер є місце для Вас.",
  "email.offer.deadline": "Будь ласка, прийміть місце до {deadline}. Інакше його отримає наступна людина зі списку очікування.",
  "email.offer.how": "Для цього відкрийте свою реєстрацію кнопкою. Там Ви можете прийняти місце.",
  "email.offer.button": "Прийняти місце",
  "email.offer.decline": "Ви більше не хочете брати участь? Тоді теж відкрийте реєстрацію кнопкою і скасуйте її там.",

  // promoted
  "email.promoted.subject": "Ви отримали місце: {event}",
  "email.promoted.preview": "Тепер Ви зареєстровані на «{event}».",
  "email.promoted.heading": "У Вас є місце",
  "email.promoted.intro": "Добра новина: звільнилося місце. Тепер Ви зареєстровані на «{event}».",

  // cancelled
  "email.cancelled.subject": "Вашу реєстрацію скасовано: {event}",
  "email.cancelled.preview": "Вашу реєстрацію на «{event}» скасовано.",
  "email.cancelled.heading": "Вашу реєстрацію скасовано",
  "email.cancelled.intro": "Вашу реєстрацію на «{event}» скасовано. У Вас більше немає там місця.",
  "email.cancelled.reason": "Причина: {reason}",
  "email.cancelled.not_you": "Ви не скасовували? Тоді, будь ласка, зверніться до {organiser}.",
  "email.cancelled.manage_intro": "Тут Ви бачите свою реєстрацію:",

  // expired
  "email.expired.subject": "Термін Вашої реєстрації минув: {event}",
  "email.expired.preview": "Термін Вашої реєстрації на «{event}» минув.",
  "email.expired.heading": "Час минув",
  "email.expired.intro_hold": "Ви не підтвердили електронну адресу вчасно. Тому Ваша реєстрація на «{event}» недійсна.",
  "email.expired.intro_offer": "Ви не прийняли вільне місце на «{event}» вчасно. Тому тепер це місце отримає інша людина.",
  "email.expired.intro": "Термін Вашої реєстрації на «{event}» минув.",
  "email.expired.again": "Ви все ж хочете взяти участь? Тоді, будь ласка, зареєструйтеся знову.",
  "email.expired.manage_intro": "Тут Ви бачите свою реєстрацію:",

  // manage_link
  "email.manage_link.subject": "Ваше посилання на реєстрацію: {event}",
  "email.manage_link.preview": "Ви вже зареєстровані на «{event}». Ось Ваше посилання.",
  "email.manage_link.heading": "Ви вже зареєстровані",
  "email.manage_link.intro": "Хтось хотів ще раз зареєструватися на «{event}» з цією електронною адресою. Ймовірно, це були Ви.",
  "email.manage_link.already": "З цією електронною адресою вже є реєстрація. Реєструватися ще раз не треба.",
  "email.manage_link.manage_intro": "За цим посиланням Ви бачите свою реєстрацію. Там її також можна змінити або скасувати:",
  "email.manage_link.not_you": "Це були не Ви? Тоді нічого робити не треба. У Вашій реєстрації нічого не зміниться.",
  // Shared parts of the later emails
  "email.common.what_to_bring": "Будь ласка, візьміть із собою",
  "email.common.check_in": "Вхід",
  "email.common.check_in_hint": "Покажіть цей QR-код на вході.",
  "email.common.check_in_alt": "QR-код для входу",
  "email.common.reason": "Причина",
  "email.common.questions": "Маєте запитання? Тоді, будь ласка, зверніться до {organiser}.",
  "email.common.link_valid": "Посилання дійсне {minutes} хвилин (до {deadline}) і лише один раз.",

  // reminder
  "email.reminder.subject": "Нагадування: {event}, {date}",
  "email.reminder.preview": "Уже скоро: «{event}».",
  "email.reminder.heading": "Нагадування про Вашу дату",
  "email.reminder.intro": "Ви зареєстровані на «{event}». Нагадуємо Вам про наступну дату.",

  // event_changed
  "email.event_changed.subject": "Зміна: {event}",
  "email.event_changed.preview": "У заході «{event}» щось змінилося.",
  "email.event_changed.heading": "Є зміна",
  "email.event_changed.intro": "У заході «{event}» щось змінилося. Будь ласка, прочитайте нові дані.",
  "email.event_changed.changed": "Нове: {changes}",
  "email.event_changed.change.date": "дата",
  "email.event_changed.change.time": "час",
  "email.event_changed.change.place": "місце",
  "email.event_changed.change.online": "посилання для участі онлайн",
  "email.event_changed.calendar": "У вкладенні Ви знайдете новий файл календаря. Він замінює старий.",
  "email.event_changed.still_registered": "Ваша реєстрація залишається дійсною. Ви не можете прийти? Тоді, будь ласка, скасуйте її за посиланням.",

  // event_cancelled
  "email.event_cancelled.subject": "Скасовано: {event}",
  "email.event_cancelled.preview": "«{event}» не відбудеться.",
  "email.event_cancelled.heading": "Захід скасовано",
  "email.event_cancelled.intro": "На жаль, «{event}» не відбудеться. Тому Ваша реєстрація завершена. Вам нічого не потрібно робити.",
  "email.event_cancelled.sorry": "Нам шкода. Маєте запитання? Тоді, будь ласка, зверніться до {organiser}.",

  // cancelled_by_organiser
  "email.cancelled_by_organiser.subject": "Вашу реєстрацію скасовано: {event}",
  "email.cancelled_by_organiser.preview": "Вашу реєстрацію на «{event}» скасовано.",
  "email.cancelled_by_organiser.heading": "Вашу реєстрацію скасовано",
  "email.cancelled_by_organiser.intro": "{organiser} скасував(-ла) Вашу реєстрацію на «{event}». У Вас більше немає місця.",

  // updated_by_organiser
  "email.updated_by_organiser.subject": "Вашу реєстрацію змінено: {event}",
  "email.updated_by_organiser.preview": "Вашу реєстрацію на «{event}» змінено.",
  "email.updated_by_organiser.heading": "Вашу реєстрацію змінено",
  "email.updated_by_organiser.intro": "{organiser} змінив(-ла) Вашу реєстрацію на «{event}» замість Вас. Ось як вона виглядає тепер:",
  "email.updated_by_organiser.check": "Будь ласка, перевірте дані. Щось не так? Тоді зверніться до {organiser}.",

  // organiser_message
  "email.organiser_message.subject": "{subject} ({event})",
  "email.organiser_message.intro": "Ви зареєстровані на «{event}». {organiser} пише Вам:",

  // certificate_issued
  "email.certificate_issued.subject": "Ваш сертифікат про участь: {event}",
  "email.certificate_issued.preview": "Ваш сертифікат за «{event}» готовий.",
  "email.certificate_issued.heading": "Ваш сертифікат готовий",
  "email.certificate_issued.intro": "Дякуємо за участь у «{event}». Ваш сертифікат про участь готовий.",
  "email.certificate_issued.how": "Ви можете завантажити сертифікат на сторінці своєї реєстрації:",
  "email.certificate_issued.button": "Завантажити сертифікат",

  // login_link
  "email.login_link.subject": "Ваше посилання для входу до панелі керування",
  "email.login_link.preview": "За цим посиланням Ви входите.",
  "email.login_link.heading": "Вхід",
  "email.login_link.intro": "Натисніть кнопку, щоб увійти до панелі керування.",
  "email.login_link.button": "Увійти зараз",
  "email.login_link.not_you": "Ви не запитували посилання? Тоді не звертайте уваги на цей лист. Без посилання ніхто не зможе увійти.",

  // invitation
  "email.invitation.subject": "Запрошення: {organisation}",
  "email.invitation.preview": "{inviter} запрошує Вас до {organisation}.",
  "email.invitation.heading": "Вас запрошено",
  "email.invitation.intro": "{inviter} запросив(-ла) Вас до панелі керування {organisation}. Ваша роль: {role}.",
  "email.invitation.role.organiser": "організація (створення та проведення заходів)",
  "email.invitation.role.checkin_helper": "допомога на вході (облік присутності)",
  "email.invitation.button": "Прийняти запрошення",
  "email.invitation.valid": "Запрошення дійсне до {deadline}.",
  "email.invitation.not_you": "Ви не знаєте {inviter} або не хочете долучатися? Тоді не звертайте уваги на цей лист.",

  // application_received
  "email.application_received.subject": "Нова заявка: {event}",
  "email.application_received.preview": "Заявка на «{event}» чекає на Ваше схвалення.",
  "email.application_received.heading": "Нова заявка",
  "email.application_received.intro": "Надійшла нова заявка на «{event}». Вона чекає на Ваше схвалення.",
  "email.application_received.applicant": "Від",
  "email.application_received.button": "Переглянути заявку",

  // organiser_digest
  "email.organiser_digest.subject": "Щоденний огляд: {date}",
  "email.organiser_digest.preview": "Що сьогодні змінилося у Ваших заходах.",
  "email.organiser_digest.heading": "Щоденний огляд: {date}",
  "email.organiser_digest.intro": "Ось що змінилося у Ваших заходах {date}:",
  "email.organiser_digest.new": "Нові реєстрації: {count}",
  "email.organiser_digest.cancelled": "Скасування: {count}",
  "email.organiser_digest.promoted": "Переведено зі списку очікування: {count}",
  "email.organiser_digest.waitlist": "Зараз у списку очікування: {count}",
  "email.organiser_digest.failed_emails": "Листи, які не вдалося доставити: {count} (які саме — видно в реєстраціях у панелі керування)",
  "email.organiser_digest.button": "Відкрити панель керування",
  "email.organiser_digest.why": "Ви отримуєте цей огляд, бо увімкнули його в панелі керування. Там його можна й вимкнути.",

  // data_access: the link to the participant's own data (privacy request)
  "email.data_access.subject": "Ваші збережені дані",
  "email.data_access.preview": "За цим посиланням Ви побачите, які дані про Вас ми зберігаємо.",
  "email.data_access.heading": "Ваші дані в нас",
  "email.data_access.intro": "Хтось, імовірно Ви, запитав, які дані ми зберігаємо для цієї електронної адреси.",
  "email.data_access.what": "На сторінці Ви побачите всі свої реєстрації з усіма даними. Ви можете зберегти дані як файл і попросити їх видалити.",
  "email.data_access.button": "Переглянути мої дані",
  "email.data_access.valid": "Посилання дійсне 24 години, до {deadline}. Потім Ви можете попросити нове посилання.",
  "email.data_access.not_you": "Ви не запитували? Тоді не зважайте на цей лист. Без посилання ніхто не побачить Ваших даних.",
  "email.application_pending.subject": "Вашу заявку отримано: {event}",
  "email.application_pending.preview": "Ми отримали вашу заявку на „{event}“.",
  "email.application_pending.heading": "Вашу заявку отримано",
  "email.application_pending.intro": "Дякуємо за вашу заявку на „{event}“.",
  "email.application_pending.next": "Ми розглядаємо всі заявки, а потім повідомимо вас електронною поштою, чи ви берете участь.",
  "email.application_pending.manage_intro": "Тут ви бачите свою заявку. Ви також можете її відкликати:",
  "email.application_rejected.subject": "Ваша заявка: {event}",
  "email.application_rejected.preview": "Повідомлення щодо вашої заявки на „{event}“.",
  "email.application_rejected.heading": "Дякуємо за вашу заявку",
  "email.application_rejected.intro": "Щиро дякуємо за ваш інтерес до „{event}“. На жаль, цього разу ми не можемо запропонувати вам місце.",
  "email.application_rejected.closing": "Будемо раді, якщо ви подасте заявку знову. Якщо у вас є запитання, {organiser} охоче допоможе.",
  "email.application_rejected.manage_intro": "Тут ви бачите свою заявку та свої дані:",
};

export default email;
