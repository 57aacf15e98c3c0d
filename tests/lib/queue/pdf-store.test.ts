// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { claimDue, markSent } from '../../../lib/queue/delivery-state';
import { enqueue } from '../../../lib/queue/outbox';
import { deletePdf, getPdf, sha256Hex, stagePdf, sweepOrphanPdfs } from '../../../lib/queue/pdf-store';
import { MAX_PDF_BYTES } from '../../../lib/schema/fields';
import { attachmentFor, ENDPOINT, pdfBlob, sampleCorrection, T0, useQueueDb } from './fixtures';

const openQueueDb = useQueueDb();
const HOUR = 3_600_000;

describe('stagePdf', () => {
  it('stores the PDF as a Blob with its bytes, size and hash', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob(3, 300_000);
    const hash = await sha256Hex(blob);
    await stagePdf(db, 'id-1', blob, hash, T0);
    const staged = await getPdf(db, 'id-1');
    expect(staged?.blob).toBeInstanceOf(Blob);
    expect(staged).toMatchObject({ size: 300_000, sha256: hash, stagedAt: T0 });
    expect(new Uint8Array(await staged!.blob.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
  });

  it('computes the SHA-256 the endpoint can check', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses a hash that does not match the bytes', async () => {
    const db = await openQueueDb();
    await expect(stagePdf(db, 'id-1', pdfBlob(), 'f'.repeat(64))).rejects.toThrow(/attach it again/);
    expect(await getPdf(db, 'id-1')).toBeUndefined();
  });

  it('refuses an empty file and one over the size limit', async () => {
    const db = await openQueueDb();
    await expect(stagePdf(db, 'a', new Blob([]), '0'.repeat(64))).rejects.toThrow(/empty/);
    const big = new Blob([new Uint8Array(MAX_PDF_BYTES + 1)]);
    await expect(stagePdf(db, 'b', big, '0'.repeat(64))).rejects.toThrow(/larger than 10 MB/);
  });

  it('cannot replace the PDF of a correction already queued', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob(1);
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256);
    await enqueue(db, correction, T0);
    const other = pdfBlob(2);
    await expect(stagePdf(db, correction.id, other, await sha256Hex(other))).rejects.toThrow(/already in the outbox/);
    expect((await getPdf(db, correction.id))?.sha256).toBe(pdf.sha256);
  });

  it.each(['queued', 'sent'] as const)(
    'accepts the same file again for a correction already %s (a Send repeated after a lost answer)',
    async (status) => {
      const db = await openQueueDb();
      const blob = pdfBlob(1);
      const pdf = await attachmentFor(blob);
      const correction = sampleCorrection({ pdf });
      await stagePdf(db, correction.id, blob, pdf.sha256, T0);
      await enqueue(db, correction, T0);
      if (status === 'sent') {
        await claimDue(db, { now: T0, max: 1, leaseMs: 1000, endpoint: ENDPOINT });
        await markSent(db, correction.id, undefined, T0);
      }
      await expect(stagePdf(db, correction.id, blob, pdf.sha256, T0 + 1)).resolves.toBeUndefined();
      // A sent correction's PDF stays deleted: staging it again stores nothing.
      expect(await getPdf(db, correction.id)).toEqual(
        status === 'queued' ? expect.objectContaining({ stagedAt: T0 }) : undefined,
      );
    },
  );
});

describe('deletePdf', () => {
  it('removes a PDF staged for a correction that was not submitted', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    await stagePdf(db, 'draft', blob, await sha256Hex(blob));
    await deletePdf(db, 'draft');
    expect(await getPdf(db, 'draft')).toBeUndefined();
  });

  it('keeps the PDF of a correction still on its way', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256);
    await enqueue(db, correction, T0);
    await expect(deletePdf(db, correction.id)).rejects.toThrow(/not been sent/);
    expect(await getPdf(db, correction.id)).toBeDefined();
  });
});

describe('sweepOrphanPdfs', () => {
  it('deletes old PDFs whose correction never arrived and keeps the rest', async () => {
    const db = await openQueueDb();
    const stage = async (id: string, at: number) => {
      const blob = pdfBlob(at % 7);
      await stagePdf(db, id, blob, await sha256Hex(blob), at);
    };
    await stage('abandoned', T0);
    await stage('recent', T0 + 23 * HOUR);
    const blob = pdfBlob(5);
    const pdf = await attachmentFor(blob);
    const queuedCorrection = sampleCorrection({ pdf });
    await stagePdf(db, queuedCorrection.id, blob, pdf.sha256, T0);
    await enqueue(db, queuedCorrection, T0);

    expect(await sweepOrphanPdfs(db, 12 * HOUR, T0 + 24 * HOUR)).toBe(1);
    expect(await getPdf(db, 'abandoned')).toBeUndefined();
    expect(await getPdf(db, 'recent')).toBeDefined();
    expect(await getPdf(db, queuedCorrection.id)).toBeDefined();
  });

  it('never leaves a sent correction with its PDF', async () => {
    const db = await openQueueDb();
    const blob = pdfBlob();
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256, T0);
    await enqueue(db, correction, T0);
    await claimDue(db, { now: T0, max: 1, leaseMs: 1000, endpoint: ENDPOINT });
    await markSent(db, correction.id, undefined, T0);
    expect(await getPdf(db, correction.id)).toBeUndefined();
    expect(await sweepOrphanPdfs(db, 0, T0 + 1)).toBe(0);
  });
});
