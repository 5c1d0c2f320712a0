/**
 * A spreadsheet file (Office Open XML, .xlsx) from sheets of typed cells: numbers as numbers,
 * dates and times as dates (serial days with a date format, so Excel and LibreOffice sort,
 * filter and compute with them), shares as percentages, text as text. The parts are the
 * smallest set Excel opens without repairing (ECMA-376 Part 1, SpreadsheetML): content
 * types, relationships, workbook, styles and one worksheet each, with inline strings; fflate
 * zips them in the page (no Web Worker, which the console's CSP would refuse, no request).
 *
 * Written here rather than taken from a library: about 4.6 KB gzipped with fflate against
 * about 20 KB for write-excel-file, whose browser build also zips in a Worker from a blob URL.
 */
import { strToU8, zipSync } from "fflate";

/** A date or a date with time, as the wall clock showed it (Excel has no time zones). */
export type DateCell = { date: { year: number; month: number; day: number; hour?: number; minute?: number }; withTime?: boolean };
/** A share (0.75), shown as "75 %". */
export type PercentCell = { percent: number };
export type Cell = string | number | null | DateCell | PercentCell;

export type Sheet = {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rule; longer names are cut). */
  name: string;
  /** The first row, in bold, kept in view while scrolling. */
  header: string[];
  rows: Cell[][];
  /** Column widths in characters (default: from the header). */
  widths?: number[];
};

const STYLE = { text: 0, header: 1, date: 2, dateTime: 3, percent: 4, decimal: 5 } as const;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
/** Text for XML: escaped, and without the control characters XML 1.0 cannot hold. */
function xmlText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

/** "A", "B", …, "Z", "AA", … */
function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30 (Excel's day 0, with its 1900 leap-year quirk behind it for any date after February 1900). */
export function serialDay(d: DateCell["date"]): number {
  const ms = Date.UTC(d.year, d.month - 1, d.day, d.hour ?? 0, d.minute ?? 0);
  return ms / 86_400_000 + 25_569;
}

function cellXml(ref: string, cell: Cell, header: boolean): string {
  if (cell === null || cell === "") return "";
  if (typeof cell === "string") return `<c r="${ref}" t="inlineStr"${header ? ` s="${STYLE.header}"` : ""}><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return "";
    return `<c r="${ref}"${Number.isInteger(cell) ? "" : ` s="${STYLE.decimal}"`}><v>${cell}</v></c>`;
  }
  if ("percent" in cell) return `<c r="${ref}" s="${STYLE.percent}"><v>${cell.percent}</v></c>`;
  return `<c r="${ref}" s="${cell.withTime ? STYLE.dateTime : STYLE.date}"><v>${serialDay(cell.date)}</v></c>`;
}

function sheetXml(sheet: Sheet): string {
  const widths = sheet.header.map((title, i) => sheet.widths?.[i] ?? Math.min(60, Math.max(10, title.length + 2)));
  const rows = [sheet.header, ...sheet.rows]
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell, r === 0)).join("")}</row>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}

/** Excel's rule for sheet names, and unique names. */
function sheetNames(sheets: Sheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, i) => {
    let name = sheet.name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31).trim() || `Sheet${i + 1}`;
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${i + 1}`;
    used.add(name.toLowerCase());
    return name;
  });
}

// Built-in number formats: 14 short date, 22 date and time (both follow the reader's locale), 9 "0%", 2 "0.00".
const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="6">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** The .xlsx file's bytes. */
export function workbook(sheets: Sheet[], info: { title: string; createdAt: Date }): Uint8Array<ArrayBuffer> {
  const names = sheetNames(sheets);
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `</Relationships>`,
    ),
    "docProps/core.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${xmlText(info.title)}</dc:title><dc:creator>zusammen</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${info.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z")}</dcterms:created>` +
        `</cp:coreProperties>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<sheets>${names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
        `</workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    "xl/styles.xml": strToU8(STYLES_XML),
  };
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet))));
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
