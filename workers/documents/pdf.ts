/** Document metadata and saving, the same for every PDF. */
import type { PDFDocument } from "pdf-lib";
import type { DocumentInfo } from "./contract";

export function setInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title);
  if (info.subject) doc.setSubject(info.subject);
  doc.setAuthor(info.author);
  doc.setCreator("zusammen");
  doc.setProducer("zusammen (pdf-lib)");
  doc.setLanguage(info.language);
  doc.setCreationDate(new Date(info.createdAt));
  doc.setModificationDate(new Date(info.createdAt));
}

/**
 * Saves a document, one at a time per isolate. pdf-lib writes font subsets through fontkit's
 * stream shim, whose process.nextTick queue is module-wide: two documents saved at once run
 * each other's callbacks in the other request's context, and workerd cancels a request as
 * hung (seen with 4 concurrent downloads in scripts/bench-certificates.mjs). Waiting is done
 * with each request's own timer (a promise handed between requests would cross contexts);
 * a save that never finished (its request was cancelled) is given up after 15 s.
 */
let savingSince = 0;
export async function savePdf(doc: PDFDocument): Promise<Uint8Array<ArrayBuffer>> {
  while (savingSince !== 0 && Date.now() - savingSince < 15_000) await new Promise((resolve) => setTimeout(resolve, 2));
  savingSince = Date.now() || 1;
  try {
    return (await doc.save({ useObjectStreams: true })) as Uint8Array<ArrayBuffer>;
  } finally {
    savingSince = 0;
  }
}
