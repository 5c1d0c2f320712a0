import type { CertificateKey } from "../de/certificate";

/** Certificate texts (Russian). */
const certificate: Record<CertificateKey, string> = {
  "certificate.title": "Справка об участии",
  "certificate.intro": "Настоящим подтверждается, что",
  "certificate.took_part": "принял(-а) участие в следующем мероприятии:",
  "certificate.dates": "Даты участия:",
  "certificate.hours": "Объём: {hours} ч ({units} учебных единиц по 45 минут)",
  "certificate.organiser": "Организатор: {organiser}",
  "certificate.issued": "Выдано {date}",
  "certificate.code": "Код проверки: {code}",
  "certificate.verify": "Проверить подлинность: {url}",

  "certificate.why.no_rule": "Для этого мероприятия справка не предусмотрена.",
  "certificate.why.not_confirmed": "Регистрация не подтверждена.",
  "certificate.why.no_dates": "У мероприятия нет ни одной проводимой даты.",
  "certificate.why.sessions_ok": "Посещено {attended} из {total} дат, требуется {required}",
  "certificate.why.sessions_short": "{attended} из {total} дат, требуется {required}",
  "certificate.why.hours_ok": "Посещено {percent} % часов, требуется {required} %",
  "certificate.why.hours_short": "{percent} % часов, требуется {required} %",
  "certificate.why.pending": "Посещено {attended} из {total} дат, нужно {required}; ещё {pending} дат впереди (учитываются только прошедшие даты)",

  "certificate.verify_page.title": "Проверить справку",
  "certificate.verify_page.intro": "Введите код проверки, напечатанный на справке.",
  "certificate.verify_page.code_label": "Код проверки",
  "certificate.verify_page.code_hint": "16 символов, например 7K3M-Q9XD-2RTB-HW4E",
  "certificate.verify_page.submit": "Проверить",
  "certificate.verify_page.checking": "Проверяем …",
  "certificate.verify_page.valid": "Эта справка подлинная и действительная.",
  "certificate.verify_page.revoked": "Эта справка отозвана {date}. Она больше не действительна.",
  "certificate.verify_page.unknown": "Справки с таким кодом нет. Пожалуйста, проверьте ввод.",
  "certificate.verify_page.failed": "Сейчас проверка невозможна. Пожалуйста, попробуйте позже.",
  "certificate.verify_page.shown": "Показано только то, что напечатано на справке.",
  "certificate.verify_page.name": "Имя",
  "certificate.verify_page.event": "Мероприятие",
  "certificate.verify_page.dates": "Даты",
  "certificate.verify_page.hours": "Объём",
  "certificate.verify_page.hours_value": "{hours} ч",
  "certificate.verify_page.organiser": "Организатор",
  "certificate.verify_page.signer": "Подписал(-а)",
  "certificate.verify_page.issued": "Выдано",
  "certificate.verify_page.code": "Код проверки",
};

export default certificate;
