import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { UserFacingError } from '@/lib/background/router';
import { openQueueDb } from '@/lib/queue/db';
import { saveSettings } from '@/lib/settings';
import { samplePaper } from '../../receiver/sample-correction';

const handlers = () => createHandlers({ db: openQueueDb, queueChanged: () => undefined });
const inTab = (id: number) => ({ id: 'ext', url: 'https://arxiv.org/abs/2101.00001', tab: { id } as never });

describe('background handlers', () => {
  it('binds a form context to the tab whose page opened it', async () => {
    const { contextId } = await handlers()['form/open']({ paper: samplePaper() }, inTab(7));
    const context = await handlers()['form/context']({ contextId }, inTab(7));
    expect(context.paper.title).toBe(samplePaper().title);
    await expect(handlers()['form/context']({ contextId }, inTab(8))).rejects.toThrow(UserFacingError);
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
    const announcing = createHandlers({
      db: openQueueDb,
      queueChanged: (items = []) => moved.push(items.map(({ id, status }) => ({ id, status }))),
    });
    const old = sampleCorrection();
    const fromForm = { id: 'ext', url: 'chrome-extension://ext/form.html' };
    await announcing['correction/submit']({ correction: old }, fromForm);
    const revision = sampleCorrection({ ...old, id: sampleCorrection().id, supersedes: old.id, comment: 'Edited.' });
    const summary = await announcing['queue/resubmit']({ correction: revision }, fromForm);
    expect(summary).toMatchObject({ id: revision.id, status: 'queued' });
    expect(moved).toEqual([[], [{ id: old.id, status: 'discarded' }]]);
  });
});
