import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionUrl } from '../../tests/e2e/harness';
import { openExtensionPage, pdfBytes, request, sha256Hex } from '../../tests/e2e/queue-helpers';
import { sampleCorrection } from '../../tests/receiver/sample-correction';
import { launchWithExtension } from './browsers';
import { median, ms, type Row } from './common';

const ITEMS = 10_000;
const STATUSES = ['sent', 'sent', 'sent', 'retrying', 'needs-attention', 'queued'] as const;

function directorySize(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + directorySize(join(path, entry)), 0);
}

/** The popup's first paint with 10,000 items queued, and the disk cost of a 10 MB PDF. */
export async function measureQueueScale(): Promise<Row[]> {
  const browser = await launchWithExtension();
  const page = await openExtensionPage(browser);
  const now = Date.now();
  for (let start = 0; start < ITEMS; start += 1000) {
    const items = Array.from({ length: 1000 }, (_, i) => {
      const correction = sampleCorrection();
      const status = STATUSES[(start + i) % STATUSES.length]!;
      return {
        id: correction.id,
        correction,
        status,
        attempts: status === 'queued' ? 0 : 1,
        nextAttemptAt: now + 3_600_000,
        hasPdf: false,
        createdAt: now - (ITEMS - start - i) * 1000,
        updatedAt: now,
      };
    });
    // Written as the outbox stores them, straight into the extension's IndexedDB.
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('erratum');
          open.onsuccess = () => {
            const tx = open.result.transaction('corrections', 'readwrite');
            for (const row of rows) tx.objectStore('corrections').put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      items,
    );
  }
  const paints: number[] = [];
  const listed: number[] = [];
  for (let run = 0; run < 5; run++) {
    const popup = await browser.context.newPage();
    await popup.goto(extensionUrl(browser, 'popup.html'));
    await popup.locator('.queue-item').first().waitFor();
    const timing = await popup.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      now: performance.now(),
    }));
    paints.push(timing.fcp);
    listed.push(timing.now);
    await popup.close();
  }

  // A 10 MB PDF, incompressible past its header, staged as the form does.
  const bytes = Buffer.concat([pdfBytes(1024), randomBytes(10 * 1024 * 1024 - 1024)]);
  const idbDir = join(browser.profileDir, 'Default', 'IndexedDB');
  const before = directorySize(idbDir);
  const id = sampleCorrection().id;
  await request(page, 'pdf/stage', { correctionId: id, sha256: sha256Hex(bytes), base64: bytes.toString('base64') });
  let after = directorySize(idbDir);
  for (let i = 0; i < 50 && after - before < bytes.length * 0.9; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = directorySize(idbDir);
  }
  await browser.close({ dispose: true });
  const fcp = median(paints);
  const ratio = (after - before) / bytes.length;
  return [
    {
      measure: `Popup first paint with ${ITEMS.toLocaleString('en')} items, median of 5`,
      value: ms(fcp),
      target: '< 200 ms',
      met: fcp < 200,
    },
    { measure: 'Popup list shown (first rows rendered), median of 5', value: ms(median(listed)) },
    {
      measure: 'IndexedDB bytes for a 10 MB PDF / file size',
      value: `${ratio.toFixed(2)}×`,
      target: '≈ 1.0×',
      met: ratio > 0.9 && ratio < 1.2,
    },
  ];
}
