/**
 * CSV that opens correctly in Excel (for funders and spreadsheets). Pure: the Worker's exports
 * and the console's statistics page (in the browser) write it alike.
 *
 * CSV follows RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF between records,
 * quotes doubled inside quoted fields, and a UTF-8 byte order mark, without which Excel reads
 * UTF-8 as Windows-1252. The delimiter is `;` by default, as Excel expects in a German
 * locale, or `,`. A field is quoted when it holds EITHER delimiter (not only the file's): a
 * file made with `,` opened by a German Excel, which splits on `;`, must not split a cell
 * either. Quoted too: a quote, CR, LF, and leading or trailing white space (which some
 * programs trim, and which hides a formula behind it).
 *
 * Formula injection (https://owasp.org/www-community/attacks/CSV_Injection): a cell that
 * starts with `=`, `+`, `-`, `@`, tab or CR (after any white space) would be run as a formula
 * by spreadsheet programs, so it is prefixed with a single quote, which makes it text; so is
 * such a character after either delimiter or a line break inside the cell, because a program
 * that splits the file with the other delimiter (or ignores the quotes) would start a cell there. Participants
 * type names and answers; organisers open the file.
 */
export type CsvDelimiter = ";" | ",";

/** Characters that start a formula, after any white space at a cell's start or after a delimiter inside it. */
const FORMULA_AT_START = /^(\s*)([=+\-@\t\r])/;
const FORMULA_AFTER_DELIMITER = /([;,\r\n]\s*)([=+\-@])/g;

/** A cell as text no spreadsheet runs as a formula, whichever delimiter splits it. */
export function neutraliseFormula(value: string): string {
  return value.replace(FORMULA_AT_START, "$1'$2").replace(FORMULA_AFTER_DELIMITER, "$1'$2");
}

/** One field: neutralised, then quoted when it holds either delimiter, a quote, CR, LF, or white space at its ends. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[;,"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: BOM, records joined by CRLF (and ending with one). */
export function toCsv(records: string[][], delimiter: CsvDelimiter): string {
  return "\uFEFF" + records.map((record) => record.map(csvField).join(delimiter) + "\r\n").join("");
}
