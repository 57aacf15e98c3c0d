import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { UserFacingError } from '@/lib/background/router';
import { openQueueDb } from '@/lib/queue/db';
import { saveSettings } from '@/lib/settings';
import { samplePaper } from '../../receiver/sample-correction';
import { NO_PAGE_REACH } from './no-page-reach';

const handlers = () => createHandlers({ db: openQueueDb, queueChanged: () => undefined }, NO_PAGE_REACH);
const inTab = (id: number) => ({ id: 'ext', url: 'https://arxiv.org/abs/2101.00001', tab: { id } as never });

describe('background handlers', () => {
  const page = (tab: number) => ({ ...inTab(tab), frameId: 0 });
  const formFrame = (tab: number, frameId: number, documentId = `doc-${tab}-${frameId}`) =>
    ({ id: 'ext', url: 'chrome-extension://ext/form.html', tab: { id: tab } as never, frameId, documentId }) as never;

  it('answers a context only to the frame that presents its claim, in the tab whose page opened it', async () => {
    const { contextId, claim } = await handlers()['form/open']({ paper: samplePaper() }, page(7));
    const context = await handlers()['form/context']({ contextId, claim }, formFrame(7, 3));
    expect(context.paper.title).toBe(samplePaper().title);
    // The same frame reloaded is a new document and may claim again.
    await handlers()['form/context']({ contextId, claim }, formFrame(7, 3, 'reloaded'));
    const notYours = /not opened from this page/;
    // A page that framed form.html itself with the id it read: no claim, or the claim in another frame or tab.
    await expect(
      handlers()['form/context']({ contextId, claim: crypto.randomUUID() }, formFrame(7, 4)),
    ).rejects.toThrow(notYours);
    await expect(handlers()['form/context']({ contextId, claim }, formFrame(8, 3))).rejects.toThrow(UserFacingError);
    // The panel put back after the page removed it is a new frame: with the claim it takes the
    // context over, and the frame before it is answered no more.
    await handlers()['form/context']({ contextId, claim }, formFrame(7, 4));
    expect(await handlers()['queue/list']({ limit: 10 }, formFrame(7, 4))).toBeDefined();
    await expect(handlers()['queue/list']({ limit: 10 }, formFrame(7, 3))).rejects.toThrow(notYours);
    await expect(
      handlers()['form/context']({ contextId: crypto.randomUUID(), claim }, formFrame(7, 3)),
    ).rejects.toThrow(/expired/);
  });

  it('answers nothing else to a framed form that has not claimed a context', async () => {
    const { contextId, claim } = await handlers()['form/open']({ paper: samplePaper() }, page(9));
    await expect(handlers()['queue/list']({ limit: 10 }, formFrame(9, 5))).rejects.toThrow(/not opened from this page/);
    await expect(handlers()['draft/load']({ key: 'k' } as never, formFrame(9, 5))).rejects.toThrow(UserFacingError);
    await handlers()['form/context']({ contextId, claim }, formFrame(9, 5));
    expect(await handlers()['queue/list']({ limit: 10 }, formFrame(9, 5))).toBeDefined();
  });

  it('tells a content script whether its site is switched off, and nothing else', async () => {
    await saveSettings({
      endpointUrl: 'https://corrections.example.org/in',
      token: 'secret-token',
      submitter: { name: 'Ada', email: 'ada@example.org' },
      disabledSites: ['arxiv'],
    });
    expect(await handlers()['site/status']({ site: 'arxiv' }, inTab(1))).toEqual({ disabled: true });
    expect(await handlers()['site/status']({ site: 'pubmed' }, inTab(1))).toEqual({ disabled: false });
  });
});

describe('PDF staging by message', () => {
  const fromForm = { id: 'ext', url: 'chrome-extension://ext/form.html', tab: { id: 3 } as never };

  it('keeps the bytes for the correction about to be submitted, checked by content', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nhello\n%%EOF');
    const { bytesToBase64 } = await import('@/lib/base64');
    const { sha256Hex } = await import('@/lib/pdf');
    const { getPdf } = await import('@/lib/queue/pdf-store');
    const sha256 = await sha256Hex(new Blob([bytes]));
    const correctionId = '01900000-0000-7000-8000-000000000001';
    const staged = await handlers()['pdf/stage']({ correctionId, sha256, base64: bytesToBase64(bytes) }, fromForm);
    expect(staged).toEqual({ size: bytes.length });
    const stored = await getPdf(await openQueueDb(), correctionId);
    expect(stored?.sha256).toBe(sha256);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    await expect(
      handlers()['pdf/stage'](
        { correctionId, sha256: await sha256Hex(new Blob([png])), base64: bytesToBase64(png) },
        fromForm,
      ),
    ).rejects.toThrow('not a PDF');
  });
});

describe('revisions', () => {
  it('announce the correction a "Fix and resend" withdrew, so an open popup shows it discarded', async () => {
    const { sampleCorrection } = await import('../queue/fixtures');
    const moved: { id: string; status: string }[][] = [];
    const announcing = createHandlers(
      {
        db: openQueueDb,
        queueChanged: (items = []) => moved.push(items.map(({ id, status }) => ({ id, status }))),
      },
      NO_PAGE_REACH,
    );
    const old = sampleCorrection();
    const fromForm = { id: 'ext', url: 'chrome-extension://ext/form.html' };
    await announcing['correction/submit']({ correction: old }, fromForm);
    const revision = sampleCorrection({ ...old, id: sampleCorrection().id, supersedes: old.id, comment: 'Edited.' });
    const summary = await announcing['queue/resubmit']({ correction: revision }, fromForm);
    expect(summary).toMatchObject({ id: revision.id, status: 'queued' });
    expect(moved).toEqual([[], [{ id: old.id, status: 'discarded' }]]);
  });
});
