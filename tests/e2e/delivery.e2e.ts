// Queue and delivery in real Chromium against the reference endpoint: nothing submitted is ever
// lost, nothing is delivered twice. Each test checks what the user sees in the popup (or the form)
// and the endpoint's own truth: one stored record per correction.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../lib/schema/queue';
import {
  configureEndpoint,
  type ExtensionBrowser,
  eventually,
  launchExtension,
  queueItems,
  stopServiceWorker,
  wakeServiceWorker,
} from './harness';
import {
  correctionTitled,
  openExtensionPage,
  queueItem,
  queueRow,
  request,
  submitCorrections,
  TestEndpoint,
  tallyDeliveries,
  waitForStatus,
} from './queue-helpers';

/** Backoff after a few failures is 2–8 s each, plus the alarm's own lateness. */
const DELIVERY_TIMEOUT_MS = 30_000;

describe('queue and delivery: nothing submitted is lost, nothing is delivered twice', () => {
  let browser: ExtensionBrowser;
  let endpoint: TestEndpoint | undefined;

  beforeAll(async () => {
    browser = await launchExtension();
  });

  afterEach(async () => {
    // What a failed test left waiting must not reach the next test's endpoint.
    const page = await openExtensionPage(browser);
    const { items } = await request(page, 'queue/list', { limit: 1000 });
    for (const item of items.filter((i) => i.status !== 'sent' && i.status !== 'discarded'))
      await request(page, 'queue/discard', { id: item.id });
    // Keep the first (blank) page: stopServiceWorker attaches to it.
    await Promise.all(
      browser.context
        .pages()
        .slice(1)
        .map((p) => p.close()),
    );
    await endpoint?.dispose();
    endpoint = undefined;
  });

  afterAll(async () => {
    await browser?.close({ dispose: true });
  });

  async function startEndpoint(token?: string): Promise<TestEndpoint> {
    endpoint = new TestEndpoint(token);
    await endpoint.start();
    await configureEndpoint(browser, { endpointUrl: endpoint.endpoint });
    return endpoint;
  }

  /** The outbox item that supersedes `id` (a "Fix and resend"). */
  async function revisionOf(id: string) {
    const items = (await queueItems(browser)) as unknown as QueueItem[];
    const revision = items.find((item) => item.correction.supersedes === id);
    if (!revision) throw new Error(`No revision of ${id} in the outbox`);
    return revision;
  }

  async function expectStoredOnce(ids: string[]) {
    const records = await endpoint!.receiver.records();
    const tally = tallyDeliveries(ids, records, endpoint!.totals().accepted);
    expect(tally).toEqual({ submitted: ids.length, delivered: ids.length, duplicates: 0, lost: [], unexpected: [] });
    return records;
  }

  it('endpoint down: corrections wait as retrying with a network error, then each is delivered once', async () => {
    const down = await startEndpoint();
    await down.stop();
    const corrections = ['Down Alpha', 'Down Beta', 'Down Gamma'].map((title) => correctionTitled(title));
    const popup = await openExtensionPage(browser);

    await submitCorrections(popup, corrections);
    for (const { paper } of corrections) {
      const row = queueRow(popup, paper.title!);
      await waitForStatus(row, 'Retrying');
      await row
        .getByText('Last error: Could not reach the endpoint (offline, or the server is down). Erratum will try again.')
        .waitFor();
    }

    await down.start();
    for (const { paper } of corrections)
      await waitForStatus(queueRow(popup, paper.title!), 'Sent', DELIVERY_TIMEOUT_MS);
    await popup.getByText('0 waiting').waitFor();
    await expectStoredOnce(corrections.map((c) => c.id));
  });

  it('503 three times, then 200: four attempts, delivered once', async () => {
    const { receiver } = await startEndpoint();
    receiver.faults.set({ failNext: { count: 3, status: 503 } });
    const correction = correctionTitled('Busy Server Paper');
    const popup = await openExtensionPage(browser);

    await submitCorrections(popup, [correction]);
    const row = queueRow(popup, 'Busy Server Paper');
    await waitForStatus(row, 'Retrying');
    await row
      .getByText(
        'Last error: The endpoint had a problem (HTTP 503). Erratum will try again. The server said: Injected fault: 503',
      )
      .waitFor();
    await waitForStatus(row, 'Sent', DELIVERY_TIMEOUT_MS);
    await row.getByText('Attempts: 4').waitFor();

    expect(receiver.stats()).toMatchObject({ requests: 4, faulted: 3, accepted: 1, duplicates: 0 });
    expect(await queueItem(browser, correction.id)).toMatchObject({ status: 'sent', attempts: 4 });
    await expectStoredOnce([correction.id]);
  });

  it('429 with Retry-After: 2 is not retried before 2 s, then delivered', async () => {
    const { receiver } = await startEndpoint();
    // Twice: after a first failure the backoff floor is 2 s anyway; after a second one backoff
    // would wait 2–4 s at random, so only an exact 2 s shows that the header was obeyed.
    receiver.faults.set({ failNext: { count: 2, status: 429, retryAfter: '2' } });
    const correction = correctionTitled('Slow Down Paper');
    const popup = await openExtensionPage(browser);

    await submitCorrections(popup, [correction]);
    const row = queueRow(popup, 'Slow Down Paper');
    await waitForStatus(row, 'Retrying');
    await row
      .getByText(
        'Last error: The endpoint asked Erratum to slow down (HTTP 429). It will try again later. The server said: Injected fault: 429',
      )
      .waitFor();
    await row.getByText(/^Next attempt in \d+ seconds?$/).waitFor();
    const waiting = await eventually(
      () => queueItem(browser, correction.id),
      (item) => item?.status === 'sent' || (item?.status === 'retrying' && item.attempts === 2),
    );
    expect(waiting?.status).toBe('retrying');
    const refusedAt = waiting!.lastError!.at;
    expect(waiting!.nextAttemptAt - refusedAt).toBe(2000);

    await waitForStatus(row, 'Sent', DELIVERY_TIMEOUT_MS);
    const [record] = await expectStoredOnce([correction.id]);
    // The last retry reached the endpoint no sooner than the server asked, and only once.
    expect(Date.parse(record!.receivedAt) - refusedAt).toBeGreaterThanOrEqual(2000);
    expect(receiver.stats()).toMatchObject({ requests: 3, faulted: 2, accepted: 1 });
  });

  it('answer lost after the endpoint stored it: resent with the same Idempotency-Key, still one record', async () => {
    const { receiver } = await startEndpoint();
    receiver.faults.set({ dropAfterStoreNext: 1 });
    const correction = correctionTitled('Lost Answer Paper');
    const popup = await openExtensionPage(browser);

    await submitCorrections(popup, [correction]);
    const row = queueRow(popup, 'Lost Answer Paper');
    // The client never heard back, so it cannot know the endpoint has it.
    await waitForStatus(row, 'Retrying');
    await row
      .getByText('Last error: Could not reach the endpoint (offline, or the server is down). Erratum will try again.')
      .waitFor();
    await waitForStatus(row, 'Sent', DELIVERY_TIMEOUT_MS);

    // The second request carried the same key (the endpoint refuses a key other than the id),
    // was recognised as a repeat and answered with the first receipt.
    expect(receiver.stats()).toMatchObject({ requests: 2, accepted: 1, duplicates: 1 });
    const [record] = await expectStoredOnce([correction.id]);
    await expect(row.getByRole('link', { name: 'View receipt' }).getAttribute('href')).resolves.toBe(
      record!.answer.body.url,
    );
  });

  it('worker stopped in the middle of a batch: the abandoned sends go again when it wakes, each stored once', async () => {
    const testEndpoint = await startEndpoint();
    const { receiver } = testEndpoint;
    // Requests are stored at once and answered 5 s later: the worker is stopped while they wait.
    receiver.faults.set({ delayMs: 5000 });
    const corrections = Array.from({ length: 8 }, (_, i) => correctionTitled(`Interrupted Batch ${i + 1}.`));
    const popup = await openExtensionPage(browser);

    // All eight wait for the endpoint first, so one batch takes them: the first four go out
    // together and none is answered before the stop (had the first correction gone out alone,
    // its answer could land just before the stop, and it would not be sent again).
    await configureEndpoint(browser, { endpointUrl: '' });
    await submitCorrections(popup, corrections);
    await configureEndpoint(browser, { endpointUrl: testEndpoint.endpoint });
    await request(popup, 'queue/retry', {});
    await popup
      .locator('.queue-badge')
      .filter({ hasText: /^Sending$/ })
      .nth(3)
      .waitFor();
    await eventually(
      async () => receiver.stats(),
      (stats) => stats.accepted >= 4,
    );
    const inFlight = receiver.stats().accepted;
    await stopServiceWorker(browser);
    receiver.faults.set({ delayMs: 0 });

    const woken = await wakeServiceWorker(browser);
    for (const { paper } of corrections)
      await waitForStatus(queueRow(woken, paper.title!), 'Sent', DELIVERY_TIMEOUT_MS);
    await woken.getByText('0 waiting').waitFor();
    // Every correction in flight at the stop was sent again and recognised by its key.
    expect(receiver.stats().duplicates).toBeGreaterThanOrEqual(inFlight);
    await expectStoredOnce(corrections.map((c) => c.id));
  });

  it('browser closed with a full queue and reopened on the same profile: everything is delivered', async () => {
    const down = await startEndpoint();
    await down.stop();
    const own = await launchExtension();
    let reopened: ExtensionBrowser | undefined;
    try {
      await configureEndpoint(own, { endpointUrl: down.endpoint });
      const corrections = ['Restart One', 'Restart Two', 'Restart Three', 'Restart Four'].map((title) =>
        correctionTitled(title),
      );
      const popup = await openExtensionPage(own);
      await submitCorrections(popup, corrections);
      for (const { paper } of corrections) await waitForStatus(queueRow(popup, paper.title!), 'Retrying');
      await own.close();

      await down.start();
      reopened = await launchExtension(own.profileDir);
      const after = await openExtensionPage(reopened);
      for (const { paper } of corrections)
        await waitForStatus(queueRow(after, paper.title!), 'Sent', DELIVERY_TIMEOUT_MS);
      await after.getByText('4 sent').waitFor();
      await expectStoredOnce(corrections.map((c) => c.id));
    } finally {
      if (reopened) await reopened.close({ dispose: true });
      else await own.close({ dispose: true });
    }
  });

  it('401: needs attention in the popup; once the token is saved in the settings it is delivered', async () => {
    const { receiver, endpoint: url } = await startEndpoint('s3cret-token');
    const correction = correctionTitled('Token Paper');
    const popup = await openExtensionPage(browser);

    await submitCorrections(popup, [correction]);
    const row = queueRow(popup, 'Token Paper');
    await waitForStatus(row, 'Needs attention');
    await row
      .getByText(
        'Last error: The endpoint refused the access token (HTTP 401): check the token in the options. The server said: This endpoint needs a token: set it in Erratum’s options',
      )
      .waitFor();
    await popup.getByText('1 need attention').waitFor();
    expect(receiver.stats().accepted).toBe(0);

    const options = await openExtensionPage(browser, 'options.html');
    const settings = await request(options, 'settings/get', {});
    expect(settings.endpointUrl).toBe(url);
    await request(options, 'settings/save', { settings: { ...settings, token: 's3cret-token' } });

    await waitForStatus(row, 'Sent', DELIVERY_TIMEOUT_MS);
    await popup.getByText('0 need attention').waitFor();
    expect(receiver.stats()).toMatchObject({ requests: 2, rejected: 1, accepted: 1 });
    await expectStoredOnce([correction.id]);
  });

  it('422: the server’s message in the popup; “Fix and resend” sends the edited correction', async () => {
    const { receiver } = await startEndpoint();
    receiver.faults.set({ failNext: { count: 1, status: 422, body: { error: 'DOI does not resolve' } } });
    const correction = correctionTitled('Refused Paper');
    const popup: Page = await openExtensionPage(browser);

    await submitCorrections(popup, [correction]);
    const row = queueRow(popup, 'Refused Paper');
    await waitForStatus(row, 'Needs attention');
    await row.getByText('Last error: DOI does not resolve', { exact: true }).waitFor();

    const [form] = await Promise.all([
      browser.context.waitForEvent('page'),
      row.getByRole('button', { name: 'Fix and resend' }).click(),
    ]);
    await form.getByRole('alert').filter({ hasText: 'DOI does not resolve' }).waitFor();
    await form.getByLabel('Suggested correction (Title)').fill('Refused Paper, Fixed');
    await form.getByRole('button', { name: 'Review correction' }).click();
    await form.getByRole('button', { name: 'Send correction' }).click();
    await form.getByText('Sent: the server has received your correction.').waitFor({ timeout: DELIVERY_TIMEOUT_MS });
    // The edit is a new revision: the refused one is withdrawn, the new one sent.
    await waitForStatus(row.filter({ has: popup.locator('.queue-badge', { hasText: /^Sent$/ }) }), 'Sent');
    await waitForStatus(row.filter({ has: popup.locator('.queue-badge', { hasText: /^Discarded$/ }) }), 'Discarded');

    const revision = await revisionOf(correction.id);
    const [record] = await expectStoredOnce([revision.id]);
    expect(record?.correction).toMatchObject({
      supersedes: correction.id,
      changes: [{ field: 'title', from: 'Refused Paper', to: 'Refused Paper, Fixed' }],
    });
    expect(receiver.stats()).toMatchObject({ requests: 2, faulted: 1, accepted: 1 });
  });

  it('stored but its answer lost, refused on the retry, then fixed: the edit arrives and the endpoint keeps both', async () => {
    const { receiver } = await startEndpoint();
    receiver.faults.set({ dropAfterStoreNext: 1 });
    const correction = correctionTitled('Edited After Lost Answer');
    const popup: Page = await openExtensionPage(browser);

    await submitCorrections(popup, [correction]);
    const row = queueRow(popup, 'Edited After Lost Answer');
    await waitForStatus(row, 'Retrying');
    // The endpoint has it; the client does not know. The retry is refused (say a curator's rule
    // changed), and the reader fixes the correction from the popup.
    receiver.faults.set({ failNext: { count: 1, status: 422, body: { error: 'Add a comment for the curators' } } });
    await waitForStatus(row, 'Needs attention', DELIVERY_TIMEOUT_MS);

    const [form] = await Promise.all([
      browser.context.waitForEvent('page'),
      row.getByRole('button', { name: 'Fix and resend' }).click(),
    ]);
    await form.getByLabel('Comment').fill('The title on the journal site is right.');
    await form.getByRole('button', { name: 'Review correction' }).click();
    await form.getByRole('button', { name: 'Send correction' }).click();
    await form.getByText('Sent: the server has received your correction.').waitFor({ timeout: DELIVERY_TIMEOUT_MS });

    const revision = await revisionOf(correction.id);
    const records = await endpoint!.receiver.records();
    expect(records.map((record) => record.id).sort()).toEqual([correction.id, revision.id].sort());
    expect(records.find((record) => record.id === revision.id)?.correction).toMatchObject({
      supersedes: correction.id,
      comment: 'The title on the journal site is right.',
    });
  });
});
