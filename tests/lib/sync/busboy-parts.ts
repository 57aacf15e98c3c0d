// Reads a multipart body with busboy, a parser nobody here wrote, the way an endpoint would.
import busboy from 'busboy';

export interface ParsedPart {
  name: string;
  /** The part's Content-Type as busboy read it (text/plain when the part gave none). */
  mimeType: string;
  /** For file parts: the name busboy settled on (filename* wins over filename, per RFC 6266). */
  filename?: string;
  bytes: Buffer;
}

export async function busboyParts(contentType: string, body: Blob | Uint8Array): Promise<ParsedPart[]> {
  const bytes = body instanceof Blob ? Buffer.from(await body.arrayBuffer()) : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const parts: ParsedPart[] = [];
    // latin1 is busboy's default for plain filename=: a UTF-8 name only survives through filename*.
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('field', (name, value, info) =>
      parts.push({ name, mimeType: info.mimeType, bytes: Buffer.from(value, 'utf8') }),
    );
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        parts.push({ name, mimeType: info.mimeType, filename: info.filename, bytes: Buffer.concat(chunks) }),
      );
    });
    parser.on('close', () => resolve(parts));
    parser.on('error', reject);
    parser.end(bytes);
  });
}
