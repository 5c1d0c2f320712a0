/**
 * QR codes: one encoder (uqr, https://github.com/unjs/uqr, no dependencies) and three
 * outputs: SVG for pages, PNG for email clients (many block SVG; Gmail drops data: URIs,
 * so emails link a hosted PNG), and vector squares in PDFs (the documents Worker's
 * workers/documents/qr.ts, which uses this encoder).
 */
import { encode } from "uqr";

/** The modules of a QR code (true: dark), with a quiet zone of `border` modules. */
export function qrMatrix(value: string, border = 4): boolean[][] {
  return encode(value, { ecc: "M", border }).data;
}

/** An SVG drawing the dark modules as one path (small, crisp at any size). */
export function qrSvg(value: string, title?: string): string {
  const matrix = qrMatrix(value);
  const size = matrix.length;
  let path = "";
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < size && row[end]) end++;
      path += `M${x} ${y}h${end - x}v1h${x - end}z`;
      x = end;
    }
  });
  const label = title ? `<title>${title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img">${label}<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}

/* ---------- PNG (1 bit greyscale), in pure JS with the platform's deflate ---------- */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function deflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A PNG of the code, `scale` pixels per module (about 150 px for a check-in code at 4). */
export async function qrPng(value: string, scale = 4): Promise<Uint8Array<ArrayBuffer>> {
  const matrix = qrMatrix(value);
  const width = matrix.length * scale;
  const rowBytes = Math.ceil(width / 8);
  const raw = new Uint8Array((rowBytes + 1) * width);
  for (let y = 0; y < width; y++) {
    const row = matrix[Math.floor(y / scale)]!;
    const offset = y * (rowBytes + 1); // filter byte 0 (none) first
    for (let x = 0; x < width; x++) {
      // 1-bit greyscale: 1 is white.
      if (!row[Math.floor(x / scale)]) raw[offset + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, width);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", await deflate(raw)),
    chunk("IEND", new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
