import type { ReachKey } from "../de/reach";

/** Texts that leave the platform: feeds and the poster (Ukrainian). */
const reach: Record<ReachKey, string> = {
  "feed.name": "Заходи",
  "feed.name_organisation": "Заходи: {organisation}",
  "feed.cancelled": "Скасовано: {title}",
  "feed.date_cancelled": "Не відбудеться: {title}",
  "feed.cancellation_reason": "Причина: {reason}",
  "feed.part": "{title} (частина {part} з {parts})",
  "feed.period": "Період: з {from} до {to}",
  "feed.place": "Місце: {place}",
  "feed.online": "Онлайн. Посилання для участі ви отримаєте електронною поштою після реєстрації.",
  "feed.register": "Реєстрація: {url}",
  "feed.apply": "Заявка: {url}",
  "feed.free_entry": "Вхід вільний, реєстрація не потрібна.",
  "feed.more": "Більше інформації: {url}",

  "poster.sign_up": "Зареєструйтеся тут",
  "poster.apply": "Подайте заявку тут",
  "poster.more_info": "Дізнайтеся більше",
  "poster.free_entry": "Вхід вільний",
  "dates.more": "Інші дати: {count}",
  "poster.online": "Онлайн",
  "poster.cancelled": "Скасовано",
  "poster.machine_translated": "Перекладено автоматично",
  "poster.shown_in": "Доступно лише мовою: {language}",
};

export default reach;
