// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extendedFilename, multipartBody } from '../../../lib/sync/multipart';
import { parseWithBusboy } from './busboy';

describe('filename* (RFC 8187), when switched on', () => {
  it('encodes UTF-8 with attr-chars as they are, as RFC 8187 section 3.2.3’s example has it', () => {
    // RFC 8187: "foo-ä-€.html" is  UTF-8''foo-%c3%a4-%e2%82%ac.html  (hex case is free).
    expect(extendedFilename('foo-ä-€.html')).toBe("UTF-8''foo-%C3%A4-%E2%82%AC.html");
  });

  it('gives busboy, in its default latin1 configuration, the exact name', async () => {
    const name = 'Ōtsuka "draft"\nv2.pdf';
    const { body, contentType } = multipartBody('{}', new TextEncoder().encode('%PDF-1.7'), name, {
      filenameStar: true,
    });
    const [, file] = await parseWithBusboy(contentType, body, {});
    expect(file).toMatchObject({ name: 'pdf', kind: 'file', filename: name });
  });
});
