/**
 * Saves a blob as a file through an <a download> click, which needs no `downloads` permission.
 * The object URL is revoked a little later: revoking it in the same task cancels the download
 * in Firefox.
 */
export function downloadBlob(filename: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `erratum-queue-2026-11-23.json`, dated by the export's own timestamp. */
export function exportFilename(exportedAt: string): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0] ?? new Date().toISOString().slice(0, 10);
  return `erratum-queue-${date}.json`;
}
