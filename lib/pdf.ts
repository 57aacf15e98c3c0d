// What makes a file a PDF, and its fingerprint: shared by the form (checking what the user
// picked) and the worker (checking what it stores and sends).

// A PDF is recognised by its content, not its name or type: every PDF starts with "%PDF-"
// (ISO 32000-1, 7.5.2), while a renamed image or a download page saved as .pdf does not.
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];

export function hasPdfSignature(head: Uint8Array): boolean {
  return PDF_SIGNATURE.every((byte, i) => head[i] === byte);
}

export async function startsAsPdf(file: Blob): Promise<boolean> {
  return hasPdfSignature(new Uint8Array(await file.slice(0, PDF_SIGNATURE.length).arrayBuffer()));
}

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
