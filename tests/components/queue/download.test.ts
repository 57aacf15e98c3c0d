import { describe, expect, it } from 'vitest';
import { downloadBlob, exportFilename } from '../../../components/queue/download';

describe('downloadBlob', () => {
  it('clicks a hidden download link to a blob URL and leaves nothing behind', () => {
    const clicked: HTMLAnchorElement[] = [];
    document.addEventListener(
      'click',
      (event) => {
        clicked.push(event.target as HTMLAnchorElement);
        event.preventDefault();
      },
      { once: true },
    );
    downloadBlob('erratum-queue-2026-11-23.json', new Blob(['{}'], { type: 'application/json' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('erratum-queue-2026-11-23.json');
    expect(clicked[0]!.href).toMatch(/^blob:/);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});

describe('exportFilename', () => {
  it('dates the file by the export timestamp', () => {
    expect(exportFilename('2026-01-02T23:59:59.000Z')).toBe('erratum-queue-2026-01-02.json');
  });
});
