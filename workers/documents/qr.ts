/** QR codes in PDFs, as vector squares (the encoder is the API Worker's, domain/documents/qr.ts). */
import { rgb, type PDFPage } from "pdf-lib";
import { qrMatrix } from "../src/domain/documents/qr";

/** Draws the code into a PDF page as squares: `size` points wide, lower-left corner at (x, y). */
export function drawQr(page: PDFPage, value: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(value, 0);
  const module = size / matrix.length;
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      let end = c;
      while (end < row.length && row[end]) end++;
      page.drawRectangle({ x: x + c * module, y: y + size - (r + 1) * module, width: (end - c) * module, height: module, color: rgb(0, 0, 0) });
      c = end;
    }
  });
}
