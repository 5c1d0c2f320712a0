/**
 * The signature list of one date: the attendance list German funders ask for. A4 portrait,
 * on every page the same header (event, date, place, organiser) and table head, one row per
 * expected participant with an empty cell to sign in, a few empty rows for walk-ins, and
 * "Seite X von Y" at the foot. A German form (it is a document for German funders): the
 * table's head and the page numbers are part of the layout; everything else comes from the
 * API Worker (domain/attendance/signature-list.ts); names in any script (see ./text.ts).
 */
import { PDFDocument, rgb, type PDFPage } from "pdf-lib";
import type { SignatureListContent } from "./contract";
import { embedFonts } from "./fonts";
import { savePdf, setInfo } from "./pdf";
import { drawLine, fitLine, wrapLines, type FontSet } from "./text";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;
const ROW_HEIGHT = 30;
const EMPTY_ROWS = 5;
const GREY = rgb(0.35, 0.35, 0.35);
const LINE = rgb(0.55, 0.55, 0.55);

type Column = { title: string; width: number };
const COLUMNS: Column[] = [
  { title: "Nr.", width: 34 },
  { title: "Name", width: 215 },
  { title: "Personen", width: 62 },
  { title: "Unterschrift", width: 0 }, // the rest of the width
];
/** With empty columns to write the time of arrival and of leaving in (funders of courses ask for them). */
const TIME_COLUMNS: Column[] = [
  { title: "Nr.", width: 34 },
  { title: "Name", width: 175 },
  { title: "Personen", width: 56 },
  { title: "Ankunft", width: 56 },
  { title: "Gehen", width: 56 },
  { title: "Unterschrift", width: 0 },
];

const columnsOf = (input: SignatureListContent) => (input.timeColumns ? TIME_COLUMNS : COLUMNS);

function columnEdges(columns: Column[]): number[] {
  const total = A4[0] - 2 * MARGIN;
  const widths = columns.map((c) => c.width);
  widths[widths.length - 1] = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const edges = [MARGIN];
  for (const width of widths) edges.push(edges.at(-1)! + width);
  return edges;
}

/** Draws the header and the table head; returns the y where the first row begins. */
function drawHeader(page: PDFPage, input: SignatureListContent, fonts: FontSet): number {
  let y = A4[1] - MARGIN - 14;
  drawLine(page, input.heading, { x: MARGIN, y, size: 15, font: fonts.bold });
  y -= 20;
  for (const line of wrapLines(input.eventTitle, 12, fonts.bold, A4[0] - 2 * MARGIN).slice(0, 2)) {
    drawLine(page, line, { x: MARGIN, y, size: 12, font: fonts.bold });
    y -= 16;
  }
  for (const [label, value] of input.facts) {
    drawLine(page, `${label}:`, { x: MARGIN, y, size: 10, font: fonts.bold });
    drawLine(page, fitLine(value, 10, fonts.regular, A4[0] - 2 * MARGIN - 80), { x: MARGIN + 80, y, size: 10, font: fonts.regular });
    y -= 14;
  }
  y -= 8;
  const columns = columnsOf(input);
  const edges = columnEdges(columns);
  page.drawRectangle({ x: MARGIN, y: y - 20, width: A4[0] - 2 * MARGIN, height: 20, color: rgb(0.92, 0.92, 0.92), borderColor: LINE, borderWidth: 0.6 });
  columns.forEach((column, i) => drawLine(page, column.title, { x: edges[i]! + 5, y: y - 14, size: 9.5, font: fonts.bold }));
  return y - 20;
}

type Row = SignatureListContent["participants"][number];

function drawRow(page: PDFPage, columns: Column[], top: number, number: number, person: Row | null, fonts: FontSet): void {
  const edges = columnEdges(columns);
  page.drawRectangle({ x: MARGIN, y: top - ROW_HEIGHT, width: A4[0] - 2 * MARGIN, height: ROW_HEIGHT, borderColor: LINE, borderWidth: 0.6 });
  for (const edge of edges.slice(1, -1)) page.drawLine({ start: { x: edge, y: top }, end: { x: edge, y: top - ROW_HEIGHT }, thickness: 0.6, color: LINE });
  const baseline = top - ROW_HEIGHT / 2 - 3.5;
  drawLine(page, String(number), { x: edges[1]! - 6, y: baseline, size: 10, font: fonts.regular, align: "right", color: GREY });
  if (!person) return;
  const nameLine = person.note ? baseline + 5 : baseline;
  drawLine(page, fitLine(person.name, 10.5, fonts.regular, columns[1]!.width - 10), { x: edges[1]! + 5, y: nameLine, size: 10.5, font: fonts.regular });
  if (person.note) drawLine(page, fitLine(person.note, 7.5, fonts.regular, columns[1]!.width - 10), { x: edges[1]! + 5, y: baseline - 7, size: 7.5, font: fonts.regular, color: GREY });
  drawLine(page, String(person.places), { x: edges[3]! - 8, y: baseline, size: 10.5, font: fonts.regular, align: "right" });
}

/** The signature list as PDF bytes. */
export function renderSignatureList(input: SignatureListContent): Promise<Uint8Array<ArrayBuffer>> {
  return renderSignatureLists([input]);
}

/** Several lists in one PDF (the dates of a series), each starting on a new page and numbered on its own. */
export async function renderSignatureLists(inputs: SignatureListContent[]): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  setInfo(doc, inputs[0]!.info);
  for (const input of inputs) drawList(doc, input, fonts);
  return savePdf(doc);
}

function drawList(doc: PDFDocument, input: SignatureListContent, fonts: FontSet): void {
  const rows: (Row | null)[] = [...input.participants, ...Array<null>(EMPTY_ROWS).fill(null)];
  const footerSpace = MARGIN + 24;
  const first = doc.getPageCount();
  let page = doc.addPage(A4);
  let top = drawHeader(page, input, fonts);
  rows.forEach((person, i) => {
    if (top - ROW_HEIGHT < footerSpace) {
      page = doc.addPage(A4);
      top = drawHeader(page, input, fonts);
    }
    drawRow(page, columnsOf(input), top, i + 1, person, fonts);
    top -= ROW_HEIGHT;
  });

  const pages = doc.getPages().slice(first);
  pages.forEach((p, i) => {
    drawLine(p, `Seite ${i + 1} von ${pages.length}`, { x: A4[0] - MARGIN, y: MARGIN - 8, size: 9, font: fonts.regular, align: "right", color: GREY });
    drawLine(p, input.footer, {
      x: MARGIN,
      y: MARGIN - 8,
      size: 7.5,
      font: fonts.regular,
      color: GREY,
    });
  });
}
