import type { CertificateKey } from "../de/certificate";

/** Certificate texts (Ukrainian). */
const certificate: Record<CertificateKey, string> = {
  "certificate.title": "Довідка про участь",
  "certificate.intro": "Цим підтверджується, що",
  "certificate.took_part": "брав(-ла) участь у такому заході:",
  "certificate.dates": "Дати участі:",
  "certificate.hours": "Обсяг: {hours} год ({units} навчальних одиниць по 45 хвилин)",
  "certificate.organiser": "Організатор: {organiser}",
  "certificate.issued": "Видано {date}",
  "certificate.code": "Код перевірки: {code}",
  "certificate.verify": "Перевірити справжність: {url}",

  "certificate.why.no_rule": "Для цього заходу довідка не передбачена.",
  "certificate.why.not_confirmed": "Реєстрацію не підтверджено.",
  "certificate.why.no_dates": "Захід не має жодної дати, що відбувається.",
  "certificate.why.sessions_ok": "Відвідано {attended} з {total} дат, потрібно {required}",
  "certificate.why.sessions_short": "{attended} з {total} дат, потрібно {required}",
  "certificate.why.hours_ok": "Відвідано {percent} % годин, потрібно {required} %",
  "certificate.why.hours_short": "{percent} % годин, потрібно {required} %",
  "certificate.why.pending": "Відвідано {attended} з {total} дат, потрібно {required}; ще {pending} дат попереду (зараховуються лише дати, що вже минули)",

  "certificate.verify_page.title": "Перевірити довідку",
  "certificate.verify_page.intro": "Введіть код перевірки, надрукований на довідці.",
  "certificate.verify_page.code_label": "Код перевірки",
  "certificate.verify_page.code_hint": "16 символів, наприклад 7K3M-Q9XD-2RTB-HW4E",
  "certificate.verify_page.submit": "Перевірити",
  "certificate.verify_page.checking": "Перевіряємо …",
  "certificate.verify_page.valid": "Ця довідка справжня і дійсна.",
  "certificate.verify_page.revoked": "Цю довідку відкликано {date}. Вона більше не дійсна.",
  "certificate.verify_page.unknown": "Довідки з таким кодом немає. Будь ласка, перевірте введене.",
  "certificate.verify_page.failed": "Зараз перевірка неможлива. Спробуйте пізніше.",
  "certificate.verify_page.shown": "Показано лише те, що надруковано на довідці.",
  "certificate.verify_page.name": "Ім’я",
  "certificate.verify_page.event": "Захід",
  "certificate.verify_page.dates": "Дати",
  "certificate.verify_page.hours": "Обсяг",
  "certificate.verify_page.hours_value": "{hours} год",
  "certificate.verify_page.organiser": "Організатор",
  "certificate.verify_page.signer": "Підписав(-ла)",
  "certificate.verify_page.issued": "Видано",
  "certificate.verify_page.code": "Код перевірки",
};

export default certificate;
