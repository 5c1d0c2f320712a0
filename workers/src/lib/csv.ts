/**
 * CSV that opens correctly in Excel (for funders and spreadsheets). Pure: the Worker's exports
 * and the console's statistics page (in the browser) write it alike.
 *
 * RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF between records, fields with the
 * delimiter, a quote, CR or LF in double quotes, quotes doubled. It starts with a UTF-8 byte
 * order mark, without which Excel reads UTF-8 as Windows-1252 (umlauts, Arabic and Cyrillic
 * would break). The delimiter is `;` by default, as Excel expects in a German locale, or `,`.
 *
 * Formula injection (https://owasp.org/www-community/attacks/CSV_Injection): a cell that
 * starts with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by spreadsheet
 * programs, so it is prefixed with a single quote, which makes it text. Participants type
 * names and answers; organisers open the file.
 */
export type CsvDelimiter = ";" | ",";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text no spreadsheet runs as a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: neutralised, then quoted when it holds the delimiter, a quote, CR or LF. */
export function csvField(value: string, delimiter: CsvDelimiter): string {
  const safe = neutraliseFormula(value);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: BOM, records joined by CRLF (and ending with one). */
export function toCsv(records: string[][], delimiter: CsvDelimiter): string {
  return "\uFEFF" + records.map((record) => record.map((field) => csvField(field, delimiter)).join(delimiter) + "\r\n").join("");
}
