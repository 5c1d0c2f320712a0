import type { ReachKey } from "../de/reach";

/** Texts that leave the platform: feeds and the poster (Russian). */
const reach: Record<ReachKey, string> = {
  "feed.name": "Мероприятия",
  "feed.name_organisation": "Мероприятия: {organisation}",
  "feed.cancelled": "Отменено: {title}",
  "feed.date_cancelled": "Не состоится: {title}",
  "feed.cancellation_reason": "Причина: {reason}",
  "feed.part": "{title} (часть {part} из {parts})",
  "feed.period": "Период: с {from} по {to}",
  "feed.place": "Место: {place}",
  "feed.online": "Онлайн. Ссылку для участия вы получите по электронной почте после регистрации.",
  "feed.register": "Регистрация: {url}",
  "feed.apply": "Заявка: {url}",
  "feed.free_entry": "Вход свободный, регистрация не нужна.",
  "feed.more": "Подробнее: {url}",

  "poster.sign_up": "Зарегистрируйтесь здесь",
  "poster.apply": "Подайте заявку здесь",
  "poster.more_info": "Узнать больше",
  "poster.free_entry": "Вход свободный",
  "dates.more": "Другие даты: {count}",
  "poster.online": "Онлайн",
  "poster.cancelled": "Отменено",
  "poster.machine_translated": "Переведено автоматически",
  "poster.shown_in": "Доступно только на языке: {language}",
};

export default reach;
