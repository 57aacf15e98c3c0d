// Faults beyond a stopped worker (issue #16): the browser killed outright, and a retry that
// races a slow first attempt (409, protocol 1.1). What the user was told was queued is
// delivered exactly once; nothing is taken as sent that the endpoint did not store.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Correction } from '../../lib/schema/correction';
import {
  configureEndpoint,
  type ExtensionBrowser,
  eventually,
  launchExtension,
  stopServiceWorker,
  wakeServiceWorker,
} from './harness';
import {
  correctionTitled,
  openExtensionPage,
  queueItem,
  queueRow,
  request,
  TestEndpoint,
  tallyDeliveries,
  waitForStatus,
} from './queue-helpers';

const DELIVERY_TIMEOUT_MS = 60_000;

let endpoint: TestEndpoint | undefined;
const browsers: ExtensionBrowser[] = [];

afterEach(async () => {
  for (const browser of browsers.splice(0)) await browser.close({ dispose: true }).catch(() => undefined);
  await endpoint?.dispose();
  endpoint = undefined;
});

async function setUp(): Promise<{ browser: ExtensionBrowser; endpoint: TestEndpoint }> {
  endpoint = new TestEndpoint();
  await endpoint.start();
  const browser = await launchExtension();
  browsers.push(browser);
  await configureEndpoint(browser, { endpointUrl: endpoint.endpoint });
  return { browser, endpoint };
}

/**
 * The browser process of `profileDir`: the Chromium whose command line names that profile and
 * that is no helper (helpers carry --type=renderer, gpu-process, utility…).
 */
function browserPid(profileDir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.filter((line) => line.includes(`--user-data-dir=${profileDir}`) && !line.includes('--type='));
  if (main.length !== 1) throw new Error(`Expected one browser process for ${profileDir}, found ${main.length}`);
  return Number.parseInt(main[0]!.trim(), 10);
}

/** SIGKILL: no unload, no shutdown, no flush the browser could do itself. */
async function killBrowser(browser: ExtensionBrowser): Promise<void> {
  const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
  process.kill(browserPid(browser.profileDir), 'SIGKILL');
  await closed;
}

/** Relaunches on the same profile; the returned browser is closed (and disposed) after the test. */
async function relaunch(killed: ExtensionBrowser): Promise<ExtensionBrowser> {
  browsers.splice(browsers.indexOf(killed), 1);
  const again = await launchExtension(killed.profileDir);
  browsers.push(again);
  return again;
}

/**
 * Submits corrections one after another, as readers pressing Send, until the browser dies; returns
 * the ids whose submit was answered "queued" (what the form would have shown).
 */
async function submitUntilKilled(browser: ExtensionBrowser, corrections: Correction[], killAfter: number) {
  const page = await openExtensionPage(browser);
  const acknowledged: string[] = [];
  let killing: Promise<void> | undefined;
  for (const correction of corrections) {
    try {
      await request(page, 'correction/submit', { correction });
    } catch {
      break; // the browser is gone: this one was never acknowledged
    }
    acknowledged.push(correction.id);
    if (acknowledged.length === killAfter) killing = killBrowser(browser);
  }
  await killing;
  return acknowledged;
}

async function expectDeliveredOnce(acknowledged: string[]) {
  const records = await eventually(
    () => endpoint!.receiver.records(),
    (list) => acknowledged.every((id) => list.some((record) => record.id === id)),
    DELIVERY_TIMEOUT_MS,
  );
  // Stored once each: no second record for any id (a repeat is answered from the first).
  const tally = tallyDeliveries(acknowledged, records, endpoint!.totals().accepted);
  expect(tally).toMatchObject({
    submitted: acknowledged.length,
    delivered: acknowledged.length,
    duplicates: 0,
    lost: [],
  });
}

describe('faults beyond a stopped worker', () => {
  it('browser killed with SIGKILL during a burst of submits: every acknowledged one is delivered once', async () => {
    const { browser, endpoint } = await setUp();
    // Deliveries run during the burst, answered slowly so that some are in flight at the kill.
    endpoint.receiver.faults.set({ delayMs: 300 });
    const corrections = Array.from({ length: 60 }, (_, i) => correctionTitled(`Killed Burst ${i + 1}.`));
    const acknowledged = await submitUntilKilled(browser, corrections, 25);
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);

    endpoint.receiver.faults.set({ delayMs: 0 });
    const again = await relaunch(browser);
    await wakeServiceWorker(again);
    await expectDeliveredOnce(acknowledged);
  });

  it('browser killed with SIGKILL during delivery: every queued one is delivered once after the relaunch', async () => {
    const { browser, endpoint } = await setUp();
    const corrections = Array.from({ length: 30 }, (_, i) => correctionTitled(`Killed Delivery ${i + 1}.`));
    // Queued while no endpoint is set, then delivered slowly: the kill lands mid-delivery.
    await configureEndpoint(browser, { endpointUrl: '' });
    const page = await openExtensionPage(browser);
    for (const correction of corrections) await request(page, 'correction/submit', { correction });
    endpoint.receiver.faults.set({ delayMs: 400 });
    await configureEndpoint(browser, { endpointUrl: endpoint.endpoint });
    await request(page, 'queue/retry', {});
    await eventually(
      async () => endpoint.receiver.stats().accepted,
      (accepted) => accepted >= 5,
    );
    await killBrowser(browser);

    endpoint.receiver.faults.set({ delayMs: 0 });
    const again = await relaunch(browser);
    const popup = await openExtensionPage(again);
    await expectDeliveredOnce(corrections.map((c) => c.id));
    await popup.getByText('30 sent').waitFor({ timeout: DELIVERY_TIMEOUT_MS });
  });

  it('409 to a retry racing a held first attempt that then fails: delivered later, never sent unstored', async () => {
    const { browser, endpoint } = await setUp();
    const { receiver } = endpoint;
    receiver.faults.set({ holdThenFailNext: { count: 1, holdMs: 8000, status: 503 } });
    const correction = correctionTitled('Held In Flight');
    const page = await openExtensionPage(browser);
    await request(page, 'correction/submit', { correction });
    await eventually(
      async () => receiver.stats().requests,
      (requests) => requests >= 1,
    );
    // The worker stops mid-attempt (its request dies with it); woken, it sends again while the
    // endpoint still holds the first: 409.
    await stopServiceWorker(browser);
    const popup = await wakeServiceWorker(browser);
    await eventually(
      async () => receiver.stats().duplicates,
      (answered409) => answered409 >= 1,
    );
    expect(await receiver.records()).toHaveLength(0);
    await waitForStatus(queueRow(popup, 'Held In Flight'), 'Retrying');
    expect((await queueItem(browser, correction.id))?.status).not.toBe('sent');

    // The held attempt fails unstored; a later retry stores it.
    await waitForStatus(queueRow(popup, 'Held In Flight'), 'Sent', DELIVERY_TIMEOUT_MS);
    const records = await receiver.records();
    expect(records.map((record) => record.id)).toEqual([correction.id]);
    expect(receiver.stats()).toMatchObject({ faulted: 1, accepted: 1 });
  });
});
