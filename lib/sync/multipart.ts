// The multipart/form-data body of a correction with its PDF (protocol 1.1, docs/endpoint.md).
// Built by hand rather than with FormData: FormData gives the JSON part no Content-Type (a parser
// then reads it as text/plain) and writes the file name only as `filename="…"`, with quotes and
// newlines escaped differently by each browser and non-ASCII bytes read in the parser's default
// charset. Here every part says its type and the name also goes in `filename*` (RFC 8187, as
// RFC 7578 §4.2 allows); the JSON's `pdf.name` stays the source of truth.

/** The protocol's plain `filename`: printable ASCII, with quotes, backslash and control characters as `_`. */
export function asciiFileName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** RFC 8187 ext-value: UTF-8 and percent-encoding of everything outside attr-char. */
export function rfc8187Value(name: string): string {
  const encoded = Array.from(new TextEncoder().encode(name), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9!#$&+\-.^_`|~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  return `UTF-8''${encoded}`;
}

export interface MultipartCorrection {
  /** The request's Content-Type, with the boundary. */
  contentType: string;
  /** The parts around the PDF Blob, which is referenced, not copied, so it streams as stored. */
  body: Blob;
}

/** Random, and 1.1's boundary never occurs in the JSON (it holds no CR LF "--"). */
function newBoundary(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `erratum-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function multipartCorrection(
  json: string,
  pdf: Blob,
  fileName: string,
  boundary = newBoundary(),
): MultipartCorrection {
  const head =
    `--${boundary}\r\n` +
    'Content-Disposition: form-data; name="correction"\r\n' +
    'Content-Type: application/json\r\n\r\n' +
    `${json}\r\n` +
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="pdf"; filename="${asciiFileName(fileName)}"; filename*=${rfc8187Value(fileName)}\r\n` +
    'Content-Type: application/pdf\r\n\r\n';
  const tail = `\r\n--${boundary}--\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: new Blob([head, pdf, tail], { type: `multipart/form-data; boundary=${boundary}` }),
  };
}
