import { sha256Hex, startsAsPdf } from '../pdf';
import { MAX_PDF_BYTES } from '../schema/fields';

export type PdfCheck = { ok: true } | { ok: false; problem: 'empty' | 'too-large' | 'not-pdf' };

export async function checkPdfFile(file: Blob): Promise<PdfCheck> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_PDF_BYTES) return { ok: false, problem: 'too-large' };
  return (await startsAsPdf(file)) ? { ok: true } : { ok: false, problem: 'not-pdf' };
}

export { sha256Hex };

/** "10.5 MB", "312 KB", "870 bytes" — in binary units, as file managers and the limit use them. */
export function formatFileSize(bytes: number, language: string): { amount: string; unit: 'MB' | 'KB' | 'bytes' } {
  const format = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return { amount: format(bytes / (1024 * 1024)), unit: 'MB' };
  if (bytes >= 1024) return { amount: format(bytes / 1024), unit: 'KB' };
  return { amount: format(bytes), unit: 'bytes' };
}
