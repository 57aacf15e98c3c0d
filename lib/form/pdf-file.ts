import { MAX_PDF_BYTES } from '../schema/fields';

// A PDF is recognised by its content, not its name or type: every PDF starts with "%PDF-"
// (ISO 32000-1, 7.5.2), while a renamed image or a download page saved as .pdf does not.
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

export type PdfCheck = { ok: true } | { ok: false; problem: 'empty' | 'too-large' | 'not-pdf' };

export async function checkPdfFile(file: Blob): Promise<PdfCheck> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_PDF_BYTES) return { ok: false, problem: 'too-large' };
  const head = new Uint8Array(await file.slice(0, PDF_MAGIC.length).arrayBuffer());
  const isPdf = PDF_MAGIC.every((byte, i) => head[i] === byte);
  return isPdf ? { ok: true } : { ok: false, problem: 'not-pdf' };
}

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** "10.5 MB", "312 KB", "870 bytes" — in binary units, as file managers and the limit use them. */
export function formatFileSize(bytes: number, language: string): { amount: string; unit: 'MB' | 'KB' | 'bytes' } {
  const format = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return { amount: format(bytes / (1024 * 1024)), unit: 'MB' };
  if (bytes >= 1024) return { amount: format(bytes / 1024), unit: 'KB' };
  return { amount: format(bytes), unit: 'bytes' };
}
