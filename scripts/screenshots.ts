// Screenshots of the correction form docked beside a paper page (a 1280 px window: the page
// reflows beside the panel, issue 18), in English and Japanese, light and dark:
// docs/screenshots/form-<lang>-<scheme>.png. Uses the built extension (`npm run build` first; it
// is built here when missing) and Debian's Chromium, like the browser tests. And the curator's
// inbox of a reference receiver with a few corrections in it: docs/screenshots/inbox.png (the
// list) and inbox-correction.png (one correction, with its exports).
//
//   npx tsx scripts/screenshots.ts            (all)
//   npx tsx scripts/screenshots.ts --inbox    (the inbox only)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Correction } from '../lib/schema/correction';
import { assertChromium, chromiumPath } from '../tests/e2e/chromium-path';
import { configureEndpoint, control, EXTENSION_DIR, formFrame, launchExtension, openPage } from '../tests/e2e/harness';
import { sampleCorrection, samplePaper } from '../tests/receiver/sample-correction';
import { startReceiver } from './receiver/server';

const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'docs', 'screenshots');
const PAGE_URL = 'https://journal.example.org/articles/42';
const PAGE = readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'journal-article.html'), 'utf8');
const VIEWPORT = { width: 1280, height: 1100 };

interface Variant {
  locale: 'en' | 'ja';
  colorScheme: 'light' | 'dark';
  /** The form's heading in that language: proof that the browser's UI language reached it. */
  heading: string;
  /** What the reader of the screenshot sees typed into the title's correction. */
  typed: string;
  submitter: { name: string; email: string };
}

const VARIANTS: Variant[] = (['light', 'dark'] as const).flatMap((colorScheme) => [
  {
    locale: 'en' as const,
    colorScheme,
    heading: 'Request Correction',
    typed: 'Tidal Forcing of Deep-Ocean Mixing Revisited',
    submitter: { name: 'Ada Lovelace', email: 'ada@example.org' },
  },
  {
    locale: 'ja' as const,
    colorScheme,
    heading: '訂正を依頼',
    typed: 'Tidal Forcing of Deep-Ocean Mixing Revisited',
    submitter: { name: '山田 花子', email: 'hanako@example.jp' },
  },
]);

async function shoot(variant: Variant): Promise<string> {
  const browser = await launchExtension(undefined, {
    locale: variant.locale,
    colorScheme: variant.colorScheme,
    viewport: VIEWPORT,
  });
  try {
    // Nothing is sent: the endpoint only has to be set for the form to be complete.
    await configureEndpoint(browser, { endpointUrl: 'http://127.0.0.1:8787/corrections', ...variant.submitter });
    const page = await openPage(browser.context, PAGE_URL, PAGE);
    await control(page, 'title').click();
    const form = formFrame(page);
    const heading = form.locator('h1');
    await heading.waitFor();
    const shown = (await heading.textContent())?.trim();
    if (shown !== variant.heading)
      throw new Error(`${variant.locale}: the form shows "${shown}", not "${variant.heading}"`);
    // The framed form must follow the colour scheme too, not only the page around it.
    const dark = await form.locator('body').evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
    if (dark !== (variant.colorScheme === 'dark'))
      throw new Error(`${variant.locale}/${variant.colorScheme}: the form does not follow the colour scheme`);
    // Beside the page, not over it: the paper's title stays clear of the panel.
    const [title, panel] = await Promise.all([
      page.locator('h1.article-title').boundingBox(),
      page.locator('erratum-panel').boundingBox(),
    ]);
    if (!title || !panel || title.x + title.width > panel.x)
      throw new Error(`${variant.locale}/${variant.colorScheme}: the panel covers the paper's title`);
    await form.locator('#field-title').fill(variant.typed);
    await form
      .locator('#comment')
      .fill(variant.locale === 'ja' ? '出版社の正誤表に合わせました。' : 'As in the publisher’s erratum.');
    // The top of the form, with nothing focused: what a user sees first.
    await form.locator('#comment').blur();
    await form.locator('body').evaluate(() => window.scrollTo(0, 0));
    const file = join(OUT_DIR, `form-${variant.locale}-${variant.colorScheme}.png`);
    await page.screenshot({ path: file });
    return file;
  } finally {
    await browser.close({ dispose: true });
  }
}

/** A few corrections as a curator finds them: from three sites, one decided, one with author changes. */
function inboxCorrections(): Correction[] {
  const aclUrl = 'https://aclanthology.org/2020.acl-main.1/';
  const acl = samplePaper({
    title: 'Learning to Undersand Child-directed and Adult-directed Speech',
    url: aclUrl,
    site: 'acl-anthology',
    arxivId: null,
    doi: '10.18653/v1/2020.acl-main.1',
    authors: [
      { name: 'Lieke Gelderloos', affiliations: [] },
      { name: 'Grzegorz Chrupała', affiliations: [] },
      { name: 'Afra Alishahi', affiliations: [] },
    ],
  });
  const journal = samplePaper({
    title: 'Tidal Forcing of Deep Ocean Mixing Revisited',
    url: 'https://journal.example.org/articles/42',
    site: 'generic',
    arxivId: null,
    doi: '10.5555/ocean.2024.42',
  });
  return [
    sampleCorrection(),
    sampleCorrection({
      pageUrl: journal.url,
      detected: journal,
      paper: { title: journal.title, doi: journal.doi, arxivId: null, pmid: null, url: journal.url },
      changes: [{ field: 'title', from: journal.title, to: 'Tidal Forcing of Deep-Ocean Mixing Revisited' }],
      submitter: { name: '山田 花子', email: 'hanako@example.jp' },
    }),
    sampleCorrection({
      pageUrl: aclUrl,
      detected: acl,
      paper: { title: acl.title, doi: acl.doi, arxivId: null, pmid: null, url: aclUrl },
      changes: [
        { field: 'title', from: acl.title, to: 'Learning to Understand Child-directed and Adult-directed Speech' },
      ],
      authorChanges: [
        { kind: 'add', position: 3, author: { name: 'Emmanuel Dupoux', affiliations: [] } },
        { kind: 'reorder', from: ['Grzegorz Chrupała', 'Afra Alishahi'], to: ['Afra Alishahi', 'Grzegorz Chrupała'] },
      ],
      proposedAuthors: [
        acl.authors[0]!,
        acl.authors[2]!,
        acl.authors[1]!,
        { name: 'Emmanuel Dupoux', affiliations: [] },
      ],
      comment: 'The title has a typo, and the author order differs from the PDF.',
      evidenceUrl: 'https://aclanthology.org/2020.acl-main.1.pdf',
      submitter: { name: 'Ada Lovelace', email: 'ada@example.org' },
    }),
  ];
}

/** The inbox list and the ACL correction's page, English, light: docs/screenshots/inbox*.png. */
async function shootInbox(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'erratum-screenshots-'));
  const curatorToken = 'screenshot-curator';
  const receiver = await startReceiver({ port: 0, dataDir, curatorToken });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  try {
    const corrections = inboxCorrections();
    for (const correction of corrections) {
      const response = await fetch(receiver.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': correction.id },
        body: JSON.stringify(correction),
      });
      if (!response.ok) throw new Error(`The receiver refused a sample correction: ${response.status}`);
    }
    await receiver.review(corrections[0]!.id, { state: 'accepted', note: 'Fixed.', actor: 'Carla Curator' });
    const context = await browser.newContext({
      locale: 'en-GB',
      colorScheme: 'light',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${receiver.inbox}/login`);
    await page.getByLabel(/Your name/).fill('Carla Curator');
    await page.getByLabel('Curator token').fill(curatorToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const acl = corrections[2]!;
    await page.getByRole('link', { name: acl.paper.title! }).waitFor();
    const list = join(OUT_DIR, 'inbox.png');
    await page.screenshot({ path: list });
    await page.getByRole('link', { name: acl.paper.title! }).click();
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    const detail = join(OUT_DIR, 'inbox-correction.png');
    await page.screenshot({ path: detail, fullPage: true });
    return [list, detail];
  } finally {
    await browser.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Without a Japanese font Chromium draws the Japanese form as empty boxes. */
function assertJapaneseFont(): void {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' });
  } catch {
    // No fontconfig: let Chromium try.
    return;
  }
  if (fonts.trim() === '')
    throw new Error('No Japanese font: sudo apt-get install -y fonts-ipafont-gothic (or fonts-noto-cjk)');
}

async function main(): Promise<void> {
  assertChromium();
  assertJapaneseFont();
  mkdirSync(OUT_DIR, { recursive: true });
  if (!process.argv.includes('--inbox')) {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    for (const variant of VARIANTS) console.log(`wrote ${await shoot(variant)}`);
  }
  for (const file of await shootInbox()) console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
