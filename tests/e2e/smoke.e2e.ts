import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../scripts/receiver/server';
import {
  configureEndpoint,
  control,
  type ExtensionBrowser,
  eventually,
  formFrame,
  launchExtension,
  openPage,
  queueItems,
} from './harness';

const ARTICLE_URL = 'https://journal.example.org/articles/42';
const ARTICLE = readFileSync(join(import.meta.dirname, '../fixtures/pages/journal-article.html'), 'utf8');

describe('the whole path, in real Chromium', () => {
  let browser: ExtensionBrowser;
  let receiver: Receiver;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'erratum-receiver-'));
    receiver = await startReceiver({ port: 0, dataDir });
    browser = await launchExtension();
    await configureEndpoint(browser, {
      endpointUrl: receiver.endpoint,
      name: 'Ada Lovelace',
      email: 'ada@example.org',
    });
  });

  afterEach(async () => {
    await browser?.close({ dispose: true });
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('flags a title: control → form → queued → delivered → shown as sent', async () => {
    const page = await openPage(browser.context, ARTICLE_URL, ARTICLE);

    await control(page, 'title').click();
    const form = formFrame(page);
    await form.getByRole('heading', { name: 'Request Correction' }).waitFor();

    await form.getByLabel('Suggested correction (Title)').fill('Tidal Forcing of Deep-Ocean Mixing Revisited');
    await form.getByLabel(/I am an author of this paper/).check();
    await form.getByRole('button', { name: 'Review correction' }).click();
    await form.getByRole('button', { name: 'Send correction' }).click();
    await form.getByText('Saved in your outbox', { exact: true }).waitFor();

    const [record] = await eventually(
      () => receiver.records(),
      (records) => records.length === 1,
    );
    expect(record?.correction.changes).toEqual([
      {
        field: 'title',
        from: 'Tidal Forcing of Deep Ocean Mixing Revisited',
        to: 'Tidal Forcing of Deep-Ocean Mixing Revisited',
      },
    ]);
    expect(record?.correction.submitter).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });

    const [item] = await eventually(
      () => queueItems(browser),
      (items) => items[0]?.status === 'sent',
    );
    expect(item?.id).toBe(record?.id);
    await form.getByText('Sent: the server has received your correction.').waitFor();
  });
});
