// The multipart/form-data body of a delivery with a PDF, built from bytes. FormData cannot give
// the `correction` part a Content-Type without turning it into a file (a filename comes with it);
// and a body made as a Blob of strings around the PDF Blob read from IndexedDB hung
// every PDF delivery in Chromium's worker (soak: stuck "sending"). So the PDF is read into memory
// first (at most 10 MB) and the body is one byte array.

export interface MultipartBody {
  body: Uint8Array<ArrayBuffer>;
  /** The request's Content-Type, boundary included. */
  contentType: string;
}

/** RFC 8187 attr-char: the bytes `filename*` may carry as they are; every other is %XX. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/** `filename*` (RFC 8187 ext-value): UTF-8, percent-encoded, so any name arrives intact. */
export function extendedFilename(name: string): string {
  let encoded = '';
  for (const char of name) {
    if (ATTR_CHAR.test(char)) encoded += char;
    else
      for (const byte of new TextEncoder().encode(char))
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `UTF-8''${encoded}`;
}

/**
 * The `filename` parameter as browsers write it (HTML standard, multipart/form-data encoding):
 * UTF-8 as it is, with a quote, CR and LF percent-encoded so none can end the parameter or the
 * header; a backslash too, which some parsers read as an escape. Parsers made for browser
 * uploads read it as UTF-8 (busboy needs `defParamCharset: 'utf8'`). The JSON's `pdf.name`
 * stays the name that counts.
 */
export function plainFilename(name: string): string {
  return name.replace(/["\\\r\n]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Whether `filename*` (RFC 8187) goes beside `filename`. Not by default: RFC 7578 section 4.2 says
 * it MUST NOT be used in multipart/form-data, and Node's own parser (undici before 7.0, i.e.
 * `request.formData()` on Node 20 and 22) refuses the whole body when a part carries it
 * (nodejs/undici#3760; checked here on Node 20.20), so every PDF delivery to such an endpoint
 * would fail. Switch it on once those parsers are gone.
 */
export const SEND_FILENAME_STAR = false;

function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 128 random bits: the chance that a JSON text or a 10 MB PDF contains it is negligible.
  return `erratum-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Parts `correction` (application/json) and `pdf` (application/pdf, named), in that order. */
export function multipartBody(
  correctionJson: string,
  pdf: Uint8Array,
  fileName: string,
  { boundary = randomBoundary(), filenameStar = SEND_FILENAME_STAR } = {},
): MultipartBody {
  const star = filenameStar ? `; filename*=${extendedFilename(fileName)}` : '';
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\n` +
      'Content-Disposition: form-data; name="correction"\r\n' +
      'Content-Type: application/json\r\n\r\n' +
      `${correctionJson}\r\n` +
      `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="pdf"; filename="${plainFilename(fileName)}"${star}\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.byteLength + pdf.byteLength + tail.byteLength);
  body.set(head, 0);
  body.set(pdf, head.byteLength);
  body.set(tail, head.byteLength + pdf.byteLength);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
