/**
 * The documents Worker: renders PDFs for the API Worker, which calls it over RPC through its
 * service binding DOCUMENTS (wrangler.toml [[services]]). Apart, so that the API Worker
 * carries neither pdf-lib nor fontkit (about 2 MB of the bundle), starts fast and fits the
 * free plan, while rendering (tens of milliseconds of CPU per document) runs where the paid
 * plan's CPU limit applies (README, "Cloudflare plans").
 *
 * Certificates, signature lists, event posters, the year's review and attendance records. Its input is the finished content (./contract.ts); it decides nothing about who gets what.
 * It has no public address: fetch answers 404.
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { renderAttendanceRecord } from "./attendance-record";
import { renderCertificate } from "./certificate";
import type { AttendanceRecordContent, CertificateContent, DocumentRenderer, PosterContent, ReviewContent, SignatureListContent } from "./contract";
import { renderPoster } from "./poster";
import { renderReview } from "./review";
import { renderSignatureList, renderSignatureLists } from "./signature-list";

export default class DocumentsWorker extends WorkerEntrypoint implements DocumentRenderer {
  override async fetch(): Promise<Response> {
    return new Response("Not found", { status: 404 });
  }

  certificate(content: CertificateContent): Promise<Uint8Array<ArrayBuffer>> {
    return renderCertificate(content);
  }

  signatureList(content: SignatureListContent): Promise<Uint8Array<ArrayBuffer>> {
    return renderSignatureList(content);
  }

  poster(content: PosterContent): Promise<Uint8Array<ArrayBuffer>> {
    return renderPoster(content);
  }

  signatureLists(contents: SignatureListContent[]): Promise<Uint8Array<ArrayBuffer>> {
    return renderSignatureLists(contents);
  }

  review(content: ReviewContent): Promise<Uint8Array<ArrayBuffer>> {
    return renderReview(content);
  }

  attendanceRecord(content: AttendanceRecordContent): Promise<Uint8Array<ArrayBuffer>> {
    return renderAttendanceRecord(content);
  }
}
