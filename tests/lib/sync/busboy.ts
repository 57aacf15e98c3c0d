// Parses a multipart/form-data body with busboy, a parser Erratum did not write, as an endpoint
// built on Node would: the parts in order, each with what busboy made of its headers.
import busboy from 'busboy';

export interface ParsedPart {
  name: string;
  kind: 'field' | 'file';
  mimeType: string;
  filename?: string;
  bytes: Buffer;
}

/** `defParamCharset: 'utf8'` reads file names as browsers send them; busboy's default is latin1. */
export function parseWithBusboy(
  contentType: string,
  body: Uint8Array,
  options: { defParamCharset?: string } = { defParamCharset: 'utf8' },
): Promise<ParsedPart[]> {
  return new Promise((resolve, reject) => {
    const parts: ParsedPart[] = [];
    const parser = busboy({ headers: { 'content-type': contentType }, ...options });
    parser.on('field', (name, value, info) => {
      parts.push({ name, kind: 'field', mimeType: info.mimeType, bytes: Buffer.from(value, 'utf8') });
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      const part: ParsedPart = {
        name,
        kind: 'file',
        mimeType: info.mimeType,
        filename: info.filename,
        bytes: Buffer.alloc(0),
      };
      parts.push(part);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        part.bytes = Buffer.concat(chunks);
      });
    });
    parser.on('close', () => resolve(parts));
    parser.on('error', reject);
    parser.end(Buffer.from(body));
  });
}
