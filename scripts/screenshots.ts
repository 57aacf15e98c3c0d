// Screenshots of the correction form docked beside a paper page (a 1280 px window: the page
// reflows beside the panel, issue 18), in English and Japanese, light and dark:
// docs/screenshots/form-<lang>-<scheme>.png. Uses the built extension (`npm run build` first; it
// is built here when missing) and Debian's Chromium, like the browser tests.
//
//   npx tsx scripts/screenshots.ts

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertChromium } from '../tests/e2e/chromium-path';
import { configureEndpoint, control, EXTENSION_DIR, formFrame, launchExtension, openPage } from '../tests/e2e/harness';

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
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const variant of VARIANTS) console.log(`wrote ${await shoot(variant)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
