import type { EmailCatalogue } from "../de/email";

/** Email texts (Russian, polite "Вы"). Plural forms: one, few, many, other. */
const email: EmailCatalogue = {
  // Shared parts
  "email.common.greeting": "Здравствуйте, {name}!",
  "email.common.greeting_anonymous": "Добрый день!",
  "email.common.event": "Мероприятие",
  "email.common.when.one": "Дата",
  "email.common.when.few": "Даты",
  "email.common.when.many": "Даты",
  "email.common.when.other": "Даты",
  "email.common.where": "Место",
  "email.common.accessibility": "Доступность",
  "email.common.online": "Участие онлайн",
  "email.common.online_hint": "По этой ссылке Вы участвуете онлайн:",
  "email.common.places": "Места",
  "email.common.places_count.one": "{count} место",
  "email.common.places_count.few": "{count} места",
  "email.common.places_count.many": "{count} мест",
  "email.common.places_count.other": "{count} места",
  "email.common.places_requested": "Желаемое количество мест",
  "email.common.session_titled": "{title}: {when}",
  "email.common.same_day": "{date}, с {start} до {end}",
  "email.common.multi_day": "с {start} до {end}",
  "email.common.datetime": "{date}, {time}",
  "email.common.deadline": "{date} в {time}",
  "email.common.manage_button": "Открыть мою регистрацию",
  "email.common.manage_intro": "Здесь Вы можете посмотреть, изменить или отменить регистрацию:",
  "email.common.link_fallback": "Кнопка не работает? Тогда скопируйте эту ссылку в свой браузер:",
  "email.common.link_private": "Эта ссылка только для Вас. Пожалуйста, никому её не передавайте.",
  "email.common.calendar": "В приложении есть файл календаря. С ним Вы можете добавить даты в свой календарь.",
  "email.common.cancel_hint": "Вы всё-таки не можете прийти? Пожалуйста, отмените регистрацию по ссылке. Тогда Ваше место получит другой человек.",
  "email.common.footer": "Это письмо от {organiser}. Оно отправлено автоматически.",

  // confirm_email
  "email.confirm_email.subject": "Пожалуйста, подтвердите свой адрес электронной почты: {event}",
  "email.confirm_email.preview": "Пожалуйста, подтвердите регистрацию на «{event}».",
  "email.confirm_email.heading": "Пожалуйста, подтвердите свой адрес электронной почты",
  "email.confirm_email.intro": "Вы хотите зарегистрироваться на «{event}».",
  "email.confirm_email.why": "Пожалуйста, подтвердите свой адрес электронной почты. Только тогда регистрация будет действительна.",
  "email.confirm_email.deadline": "Пожалуйста, подтвердите до {deadline}. После этого регистрация будет недействительна.",
  "email.confirm_email.button": "Подтвердить адрес электронной почты",
  "email.confirm_email.not_you": "Вы не регистрировались? Тогда ничего делать не нужно. Без подтверждения регистрации нет.",

  // confirmed
  "email.confirmed.subject": "Ваша регистрация подтверждена: {event}",
  "email.confirmed.preview": "Вы зарегистрированы на «{event}».",
  "email.confirmed.heading": "Вы зарегистрированы",
  "email.confirmed.intro": "Мы рады, что Вы придёте! Ваша регистрация на «{event}» подтверждена.",

  // waitlisted
  "email.waitlisted.subject": "Вы в листе ожидания: {event}",
  "email.waitlisted.preview": "Вы в листе ожидания на «{event}».",
  "email.waitlisted.heading": "Вы в листе ожидания",
  "email.waitlisted.intro": "На мероприятие «{event}» сейчас нет мест. Поэтому Вы теперь в листе ожидания.",
  "email.waitlisted.position": "Ваше место в листе ожидания: {position}.",
  "email.waitlisted.next": "Когда освободится место, мы напишем Вам письмо.",
  "email.waitlisted.manage_intro": "Вы больше не хотите ждать? Здесь Вы можете выйти из листа или посмотреть регистрацию:",

  // offer
  "email.offer.subject": "Для Вас есть свободное место: {event}",
  "email.offer.preview": "Пожалуйста, примите своё место на «{event}».",
  "email.offer.heading": "Освободилось место",
  "email.offer.intro": "Хорошая новость: на «{event}» теперь есть место для Вас.",
  "email.offer.deadline": "Пожалуйста, примите место до {deadline}. Иначе его получит следующий человек из листа ожидания.",
  "email.offer.how": "Для этого откройте свою регистрацию кнопкой. Там Вы можете принять место.",
  "email.offer.button": "Принять место",
  "email.offer.decline": "Вы больше не хотите участвовать? Тогда тоже откройте регистрацию кнопкой и отмените её там.",

  // promoted
  "email.promoted.subject": "Вы получили место: {event}",
  "email.promoted.preview": "Теперь Вы зарегистрированы на «{event}».",
  "email.promoted.heading": "У Вас есть место",
  "email.promoted.intro": "Хорошая новость: освободилось место. Теперь Вы зарегистрированы на «{event}».",

  // cancelled
  "email.cancelled.subject": "Ваша регистрация отменена: {event}",
  "email.cancelled.preview": "Ваша регистрация на «{event}» отменена.",
  "email.cancelled.heading": "Ваша регистрация отменена",
  "email.cancelled.intro": "Ваша регистрация на «{event}» отменена. У Вас больше нет там места.",
  "email.cancelled.reason": "Причина: {reason}",
  "email.cancelled.not_you": "Вы не отменяли? Тогда, пожалуйста, обратитесь к {organiser}.",
  "email.cancelled.manage_intro": "Здесь Вы видите свою регистрацию:",

  // expired
  "email.expired.subject": "Срок Вашей регистрации истёк: {event}",
  "email.expired.preview": "Срок Вашей регистрации на «{event}» истёк.",
  "email.expired.heading": "Время истекло",
  "email.expired.intro_hold": "Вы не подтвердили адрес электронной почты вовремя. Поэтому Ваша регистрация на «{event}» недействительна.",
  "email.expired.intro_offer": "Вы не приняли свободное место на «{event}» вовремя. Поэтому теперь это место получит другой человек.",
  "email.expired.intro": "Срок Вашей регистрации на «{event}» истёк.",
  "email.expired.again": "Вы всё-таки хотите участвовать? Тогда, пожалуйста, зарегистрируйтесь снова.",
  "email.expired.manage_intro": "Здесь Вы видите свою регистрацию:",

  // manage_link
  "email.manage_link.subject": "Ваша ссылка на регистрацию: {event}",
  "email.manage_link.preview": "Вы уже зарегистрированы на «{event}». Вот Ваша ссылка.",
  "email.manage_link.heading": "Вы уже зарегистрированы",
  "email.manage_link.intro": "Кто-то хотел ещё раз зарегистрироваться на «{event}» с этим адресом электронной почты. Скорее всего, это были Вы.",
  "email.manage_link.already": "С этим адресом электронной почты уже есть регистрация. Регистрироваться ещё раз не нужно.",
  "email.manage_link.manage_intro": "По этой ссылке Вы видите свою регистрацию. Там её также можно изменить или отменить:",
  "email.manage_link.not_you": "Это были не Вы? Тогда ничего делать не нужно. В Вашей регистрации ничего не изменится.",
  // Shared parts of the later emails
  "email.common.what_to_bring": "Пожалуйста, возьмите с собой",
  "email.common.check_in": "Вход",
  "email.common.check_in_hint": "Покажите этот QR-код на входе.",
  "email.common.check_in_alt": "QR-код для входа",
  "email.common.reason": "Причина",
  "email.common.questions": "Есть вопросы? Тогда, пожалуйста, обратитесь в {organiser}.",
  "email.common.link_valid": "Ссылка действительна {minutes} минут (до {deadline}) и только один раз.",

  // reminder
  "email.reminder.subject": "Напоминание: {event}, {date}",
  "email.reminder.preview": "Уже скоро: «{event}».",
  "email.reminder.heading": "Напоминание о Вашей дате",
  "email.reminder.intro": "Вы зарегистрированы на «{event}». Напоминаем Вам о следующей дате.",

  // event_changed
  "email.event_changed.subject": "Изменение: {event}",
  "email.event_changed.preview": "В мероприятии «{event}» что-то изменилось.",
  "email.event_changed.heading": "Есть изменение",
  "email.event_changed.intro": "В мероприятии «{event}» что-то изменилось. Пожалуйста, прочитайте новые данные.",
  "email.event_changed.changed": "Новое: {changes}",
  "email.event_changed.change.date": "дата",
  "email.event_changed.change.time": "время",
  "email.event_changed.change.place": "место",
  "email.event_changed.change.online": "ссылка для участия онлайн",
  "email.event_changed.calendar": "Во вложении Вы найдёте новый файл календаря. Он заменяет старый.",
  "email.event_changed.still_registered": "Ваша регистрация остаётся в силе. Вы не можете прийти? Тогда, пожалуйста, отмените её по ссылке.",

  // event_cancelled
  "email.event_cancelled.subject": "Отменено: {event}",
  "email.event_cancelled.preview": "«{event}» не состоится.",
  "email.event_cancelled.heading": "Мероприятие отменено",
  "email.event_cancelled.intro": "К сожалению, «{event}» не состоится. Поэтому Ваша регистрация завершена. Вам ничего не нужно делать.",
  "email.event_cancelled.sorry": "Нам очень жаль. Есть вопросы? Тогда, пожалуйста, обратитесь в {organiser}.",

  // cancelled_by_organiser
  "email.cancelled_by_organiser.subject": "Ваша регистрация отменена: {event}",
  "email.cancelled_by_organiser.preview": "Ваша регистрация на «{event}» отменена.",
  "email.cancelled_by_organiser.heading": "Ваша регистрация отменена",
  "email.cancelled_by_organiser.intro": "{organiser} отменил(а) Вашу регистрацию на «{event}». У Вас больше нет места.",

  // updated_by_organiser
  "email.updated_by_organiser.subject": "Ваша регистрация изменена: {event}",
  "email.updated_by_organiser.preview": "Ваша регистрация на «{event}» изменена.",
  "email.updated_by_organiser.heading": "Ваша регистрация изменена",
  "email.updated_by_organiser.intro": "{organiser} изменил(а) Вашу регистрацию на «{event}» за Вас. Вот как она выглядит теперь:",
  "email.updated_by_organiser.check": "Пожалуйста, проверьте данные. Что-то не так? Тогда обратитесь в {organiser}.",

  // organiser_message
  "email.organiser_message.subject": "{subject} ({event})",
  "email.organiser_message.intro": "Вы зарегистрированы на «{event}». {organiser} пишет Вам:",

  // certificate_issued
  "email.certificate_issued.subject": "Ваш сертификат об участии: {event}",
  "email.certificate_issued.preview": "Ваш сертификат за «{event}» готов.",
  "email.certificate_issued.heading": "Ваш сертификат готов",
  "email.certificate_issued.intro": "Спасибо за участие в «{event}». Ваш сертификат об участии готов.",
  "email.certificate_issued.how": "Вы можете скачать сертификат на странице своей регистрации:",
  "email.certificate_issued.button": "Скачать сертификат",

  // login_link
  "email.login_link.subject": "Ваша ссылка для входа в панель управления",
  "email.login_link.preview": "По этой ссылке Вы входите.",
  "email.login_link.heading": "Вход",
  "email.login_link.intro": "Нажмите кнопку, чтобы войти в панель управления.",
  "email.login_link.button": "Войти сейчас",
  "email.login_link.not_you": "Вы не запрашивали ссылку? Тогда не обращайте внимания на это письмо. Без ссылки никто не сможет войти.",

  // invitation
  "email.invitation.subject": "Приглашение: {organisation}",
  "email.invitation.preview": "{inviter} приглашает Вас в {organisation}.",
  "email.invitation.heading": "Вас пригласили",
  "email.invitation.intro": "{inviter} пригласил(а) Вас в панель управления {organisation}. Ваша роль: {role}.",
  "email.invitation.role.organiser": "организация (создание и проведение мероприятий)",
  "email.invitation.role.checkin_helper": "помощь на входе (учёт присутствия)",
  "email.invitation.button": "Принять приглашение",
  "email.invitation.valid": "Приглашение действительно до {deadline}.",
  "email.invitation.not_you": "Вы не знаете {inviter} или не хотите участвовать? Тогда не обращайте внимания на это письмо.",

  // application_received
  "email.application_received.subject": "Новая заявка: {event}",
  "email.application_received.preview": "Заявка на «{event}» ждёт Вашего одобрения.",
  "email.application_received.heading": "Новая заявка",
  "email.application_received.intro": "Поступила новая заявка на «{event}». Она ждёт Вашего одобрения.",
  "email.application_received.applicant": "От",
  "email.application_received.button": "Посмотреть заявку",

  // organiser_digest
  "email.organiser_digest.subject": "Ежедневная сводка: {date}",
  "email.organiser_digest.preview": "Что сегодня изменилось в Ваших мероприятиях.",
  "email.organiser_digest.heading": "Ежедневная сводка: {date}",
  "email.organiser_digest.intro": "Вот что изменилось в Ваших мероприятиях {date}:",
  "email.organiser_digest.new": "Новые регистрации: {count}",
  "email.organiser_digest.cancelled": "Отмены: {count}",
  "email.organiser_digest.promoted": "Переведены из списка ожидания: {count}",
  "email.organiser_digest.waitlist": "Сейчас в списке ожидания: {count}",
  "email.organiser_digest.failed_emails": "Письма, которые не удалось доставить: {count} (какие именно — видно в регистрациях в панели управления)",
  "email.organiser_digest.button": "Открыть панель управления",
  "email.organiser_digest.why": "Вы получаете эту сводку, потому что включили её в панели управления. Там её можно и выключить.",

  // data_access: the link to the participant's own data (privacy request)
  "email.data_access.subject": "Ваши сохранённые данные",
  "email.data_access.preview": "По этой ссылке Вы увидите, какие данные о Вас мы храним.",
  "email.data_access.heading": "Ваши данные у нас",
  "email.data_access.intro": "Кто-то, вероятно Вы, спросил, какие данные мы храним для этого адреса электронной почты.",
  "email.data_access.what": "На странице Вы увидите все свои регистрации со всеми данными. Вы можете сохранить данные в файл и попросить их удалить.",
  "email.data_access.button": "Посмотреть мои данные",
  "email.data_access.valid": "Ссылка действует 24 часа, до {deadline}. Потом Вы можете запросить новую ссылку.",
  "email.data_access.not_you": "Вы не спрашивали? Тогда просто не обращайте внимания на это письмо. Без ссылки никто не увидит Ваши данные.",
  "email.application_pending.subject": "Ваша заявка получена: {event}",
  "email.application_pending.preview": "Мы получили вашу заявку на „{event}“.",
  "email.application_pending.heading": "Ваша заявка получена",
  "email.application_pending.intro": "Спасибо за вашу заявку на „{event}“.",
  "email.application_pending.next": "Мы рассматриваем все заявки, а затем сообщим вам по электронной почте, участвуете ли вы.",
  "email.application_pending.manage_intro": "Здесь вы видите свою заявку. Вы также можете её отозвать:",
  "email.application_rejected.subject": "Ваша заявка: {event}",
  "email.application_rejected.preview": "Сообщение о вашей заявке на „{event}“.",
  "email.application_rejected.heading": "Спасибо за вашу заявку",
  "email.application_rejected.intro": "Большое спасибо за ваш интерес к „{event}“. К сожалению, в этот раз мы не можем предложить вам место.",
  "email.application_rejected.closing": "Будем рады, если вы подадите заявку снова. Если у вас есть вопросы, {organiser} охотно поможет.",
  "email.application_rejected.manage_intro": "Здесь вы видите свою заявку и свои данные:",
};

export default email;
