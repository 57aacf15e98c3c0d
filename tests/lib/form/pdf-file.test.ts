import { describe, expect, it } from 'vitest';
import { checkPdfFile, formatFileSize, sha256Hex } from '../../../lib/form/pdf-file';
import { MAX_PDF_BYTES } from '../../../lib/schema/fields';

describe('checkPdfFile', () => {
  it('goes by content, not by name or type', async () => {
    expect(await checkPdfFile(new File(['%PDF-1.7\n'], 'paper.bin', { type: 'application/octet-stream' }))).toEqual({
      ok: true,
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await checkPdfFile(new File([png], 'paper.pdf', { type: 'application/pdf' }))).toEqual({
      ok: false,
      problem: 'not-pdf',
    });
  });

  it('refuses empty files and files over the limit', async () => {
    expect(await checkPdfFile(new File([], 'a.pdf'))).toEqual({ ok: false, problem: 'empty' });
    const big = new File(['%PDF-', new Uint8Array(MAX_PDF_BYTES)], 'big.pdf');
    expect(await checkPdfFile(big)).toEqual({ ok: false, problem: 'too-large' });
    expect(await checkPdfFile(new File(['%PDF-', new Uint8Array(MAX_PDF_BYTES - 5)], 'max.pdf'))).toEqual({ ok: true });
  });
});

describe('sha256Hex and formatFileSize', () => {
  it('hashes the bytes', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('formats sizes in the UI language', () => {
    expect(formatFileSize(10.5 * 1024 * 1024, 'en')).toEqual({ amount: '10.5', unit: 'MB' });
    expect(formatFileSize(2048, 'en')).toEqual({ amount: '2', unit: 'KB' });
    expect(formatFileSize(12, 'ja')).toEqual({ amount: '12', unit: 'bytes' });
  });
});
