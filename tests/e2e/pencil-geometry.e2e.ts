import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePage } from './form-helpers';
import { type ExtensionBrowser, eventually, formFrame, launchExtension, openPage } from './harness';
import {
  contrast,
  coveredText,
  glyphs,
  overlappingPencils,
  type Pencil,
  pencils,
  setDisabledSites,
  textMoves,
} from './pencil-measure';

// Issue #18, the page side, in real Chromium: no two pencils on one spot, no pencil over the
// page's text, 24 × 24 px targets that move the text by no more than their own width, the last
// author's pencil and the author list's told apart, colours from the page rather than the system
// theme, and a pencil after each name of authors written as one line of text.

const DEMO = join(import.meta.dirname, '..', '..', 'scripts', 'demo', 'pages');
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const PENCIL_MIN = 24; // WCAG 2.5.8 target size, CSS px

const ONE_LINE = { url: 'https://oceans.example.org/articles/301', html: fixturePage('authors-in-line') };
const PAGES = [
  { name: 'authors on one line (our fixture)', ...ONE_LINE },
  {
    name: 'journal article (our fixture)',
    url: 'https://journal.example.org/articles/42',
    html: fixturePage('journal-article'),
  },
  {
    name: 'demo paper',
    url: 'https://demo.example.org/paper.html',
    html: readFileSync(join(DEMO, 'paper.html'), 'utf8'),
  },
  {
    name: 'demo paper (Japanese)',
    url: 'https://demo.example.org/paper-ja.html',
    html: readFileSync(join(DEMO, 'paper-ja.html'), 'utf8'),
  },
];

/** Waits until the controls are placed and their number stops changing. */
async function placedPencils(
  page: Page,
  first = 'erratum-control[data-erratum-field="title"] button',
): Promise<Pencil[]> {
  await page.locator(first).first().waitFor({ timeout: 10_000 });
  let last = -1;
  await eventually(
    async () => page.locator('erratum-control').count(),
    (count) => {
      const settled = count === last;
      last = count;
      return settled;
    },
  );
  return pencils(page);
}

/** The text as the page lays it out without us, then with the pencils: every way it moved. */
async function movesFor(browser: ExtensionBrowser, url: string, html: string) {
  await setDisabledSites(browser, ['generic']);
  const page = await openPage(browser.context, url, html);
  const before = await glyphs(page);
  await expect(page.locator('erratum-control').count()).resolves.toBe(0);
  await setDisabledSites(browser, []);
  await page.reload();
  const placed = await placedPencils(page);
  const after = await glyphs(page);
  return { page, placed, after, moves: textMoves(before, after, placed) };
}

/** A real mouse click at the centre of a pencil's box (page coordinates), scrolled into view. */
async function clickCentre(page: Page, pencil: Pencil): Promise<void> {
  const x = pencil.box.x + pencil.box.width / 2;
  const y = pencil.box.y + pencil.box.height / 2;
  const scroll = await page.evaluate(
    ([px, py]) => {
      window.scrollTo(Math.max(0, px - innerWidth / 2), Math.max(0, py - innerHeight / 2));
      return { x: scrollX, y: scrollY };
    },
    [x, y] as const,
  );
  await page.mouse.click(x - scroll.x, y - scroll.y);
}

function geometryProblems(placed: readonly Pencil[]) {
  return {
    small: placed.filter((p) => p.box.width < PENCIL_MIN || p.box.height < PENCIL_MIN).map((p) => p.id),
    overlapping: overlappingPencils(placed),
    covered: coveredText(placed),
    hidden: placed.filter((p) => !p.topmostAtCentre).map((p) => p.id),
  };
}
const NO_PROBLEMS = { small: [], overlapping: [], covered: [], hidden: [] };

describe('pencil geometry, in real Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close({ dispose: true });
  });

  for (const { name, url, html } of PAGES) {
    it(`${name}: pencils of 24 px, apart, over no text, moving the text by no more than their width`, async () => {
      const { page, placed, moves } = await movesFor(browser, url, html);
      expect(placed.length).toBeGreaterThanOrEqual(4);
      expect(geometryProblems(placed)).toEqual(NO_PROBLEMS);
      expect(moves).toEqual([]);
      // The author list's pencil stands beside the last author's: told apart by name and icon.
      const list = placed.find((p) => p.id === 'authors');
      const authors = placed.filter((p) => p.id.startsWith('author#'));
      const lastAuthor = authors[authors.length - 1];
      expect(list && lastAuthor).toBeTruthy();
      expect(list?.label).not.toBe(lastAuthor?.label);
      expect(list?.icon).not.toBe(lastAuthor?.icon);
      await page.close();
    });
  }

  it('authors written as one line get a pencil after each name; the text the reader sees is unchanged', async () => {
    await setDisabledSites(browser, []);
    const page = await openPage(browser.context, ONE_LINE.url, ONE_LINE.html);
    const placed = await placedPencils(page);
    const line = page.locator('p.byline');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the reader sees
    await expect(line.innerText()).resolves.toBe('Chidi Okafor, Maja Lindqvist, Yui Tanaka');
    // Each author's pencil right after the end of that name (and before what follows it).
    const ends = await line.evaluate((p) => {
      const text = p.textContent ?? '';
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const rightOf = (phrase: string) => {
        const at = text.indexOf(phrase) + phrase.length;
        let seen = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (seen + node.length >= at) {
            range.setStart(node, at - seen - 1);
            range.setEnd(node, at - seen);
            return range.getBoundingClientRect().right;
          }
          seen += node.length;
        }
        return Number.NaN;
      };
      return ['Chidi Okafor', 'Maja Lindqvist', 'Yui Tanaka'].map((name) => {
        walker.currentNode = p;
        return rightOf(name);
      });
    });
    const authors = [0, 1, 2].map((i) => placed.find((p) => p.id === `author#${i}`));
    authors.forEach((pencil, i) => {
      expect(pencil, `author#${i}`).toBeDefined();
      expect(Math.abs((pencil?.box.x ?? 0) - (ends[i] ?? 0))).toBeLessThan(2);
    });
    expect(authors.map((p) => p?.label)).toEqual([
      'Suggest a correction to author Chidi Okafor',
      'Suggest a correction to author Maja Lindqvist',
      'Suggest a correction to author Yui Tanaka',
    ]);
    // The venue written inside a sentence gets its pencil too, apart from the date's.
    expect(placed.map((p) => p.id)).toEqual(expect.arrayContaining(['venue', 'date', 'authors']));
  });

  // Each pencil opens the form on its own field: date and venue on one line both reachable.
  const CLICKS = [
    { page: ONE_LINE, pencil: 'date', label: 'Suggested correction (Publication date)' },
    { page: ONE_LINE, pencil: 'venue', label: 'Suggested correction (Venue)' },
    { page: PAGES[2] as (typeof PAGES)[number], pencil: 'date', label: 'Suggested correction (Publication date)' },
    { page: PAGES[2] as (typeof PAGES)[number], pencil: 'venue', label: 'Suggested correction (Venue)' },
  ];
  for (const click of CLICKS) {
    it(`a click at the centre of the ${click.pencil} pencil on ${click.page.url} opens the form on that field`, async () => {
      await setDisabledSites(browser, []);
      const page = await openPage(browser.context, click.page.url, click.page.html);
      const pencil = (await placedPencils(page)).find((p) => p.id === click.pencil);
      expect(pencil).toBeDefined();
      await clickCentre(page, pencil as Pencil);
      const form = formFrame(page);
      await form.getByLabel(click.label).waitFor();
      const other =
        click.pencil === 'date' ? 'Suggested correction (Venue)' : 'Suggested correction (Publication date)';
      await expect(form.getByLabel(other).count()).resolves.toBe(0);
      await page.close();
    });
  }

  it("a click at the centre of an author's pencil in a line of names opens the form on that author", async () => {
    await setDisabledSites(browser, []);
    const page = await openPage(browser.context, ONE_LINE.url, ONE_LINE.html);
    const pencil = (await placedPencils(page)).find((p) => p.id === 'author#1');
    await clickCentre(page, pencil as Pencil);
    const expanded = formFrame(page).locator('button[aria-expanded="true"]');
    await expanded.first().waitFor();
    await expect(expanded.getAttribute('aria-label')).resolves.toContain('Maja Lindqvist');
    await page.close();
  });
});

// prefers-color-scheme dark on a light page, and a dark page: colours from the page.
describe('pencil colours follow the page, in either system theme', () => {
  for (const scheme of ['light', 'dark'] as const) {
    describe(`system theme ${scheme}`, () => {
      let browser: ExtensionBrowser;
      beforeAll(async () => {
        browser = await launchExtension(undefined, { colorScheme: scheme });
      });
      afterAll(async () => {
        await browser?.close({ dispose: true });
      });

      for (const page of [
        { tone: 'light', url: ONE_LINE.url, html: ONE_LINE.html },
        { tone: 'dark', url: 'https://dark.example.org/articles/301', html: fixturePage('dark-page') },
      ]) {
        it(`a ${page.tone} page gets ${page.tone} pencils with an icon of at least 3:1 contrast`, async () => {
          const tab = await openPage(browser.context, page.url, page.html);
          const placed = await placedPencils(tab);
          expect(placed.length).toBeGreaterThanOrEqual(4);
          for (const pencil of placed) {
            const alpha = Number(pencil.opacity);
            // No box of another colour: the pencil's background is the page's own.
            expect(pencil.buttonBackground, pencil.id).toBe(pencil.pageBackground);
            // WCAG 1.4.11: the icon against the page around it.
            expect(contrast(pencil.iconColor, pencil.pageBackground, alpha), pencil.id).toBeGreaterThanOrEqual(3);
            const iconLighter =
              contrast(pencil.iconColor, 'rgb(0, 0, 0)') > contrast(pencil.pageBackground, 'rgb(0, 0, 0)');
            // Light page: a dark icon on the page's light colour; dark page: the other way round.
            expect(iconLighter, pencil.id).toBe(page.tone === 'dark');
          }
          await tab.close();
        });
      }
    });
  }
});

// Real saved pages (read-only, never copied): those that write two authors' names in one line
// of text. The geometry must hold there too.
describe('pencil geometry on corpus pages with authors on one line', () => {
  const available = existsSync(CORPUS);
  if (!available) {
    it.skip(`skipped: ${CORPUS} is absent`, () => {});
    console.warn(`pencil-geometry: ${CORPUS} is absent; corpus pages skipped`);
    return;
  }
  const pages = oneLineCorpusPages();
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close({ dispose: true });
  });
  for (const { file, url } of pages) {
    it(`${file}: pencils apart, over no text, at least 24 px`, async () => {
      const page = await openPage(browser.context, url, readFileSync(join(CORPUS, file), 'utf8'));
      // Some of these pages get no pencil at all (nothing detected on them): said, not measured.
      const placed = await placedPencils(page, 'erratum-control button').catch(() => [] as Pencil[]);
      console.info(
        `pencil-geometry: ${file}: ${placed.length} pencils, ${onOneLine(placed)} author pencils sharing a line`,
      );
      expect(geometryProblems(placed)).toEqual(NO_PROBLEMS);
      await page.close();
    });
  }
});

/** How many author pencils stand on a line with another author's pencil. */
function onOneLine(placed: readonly Pencil[]): number {
  const authors = placed.filter((p) => p.id.startsWith('author#'));
  return authors.filter((a) => authors.some((b) => b !== a && Math.abs(b.box.y - a.box.y) < 1)).length;
}

/** Corpus pages whose HTML writes the first two authors one after the other, comma or "and" between. */
function oneLineCorpusPages(): { file: string; url: string }[] {
  const found: { file: string; url: string }[] = [];
  for (const site of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!site.isDirectory()) continue;
    for (const name of readdirSync(join(CORPUS, site.name))) {
      if (!name.endsWith('.expected.json')) continue;
      const expected = JSON.parse(readFileSync(join(CORPUS, site.name, name), 'utf8')) as {
        url?: string;
        authors?: string[];
      };
      const [first, second] = expected.authors ?? [];
      if (!expected.url || !first || !second) continue;
      const file = `${site.name}/${name.replace('.expected.json', '.html')}`;
      const html = readFileSync(join(CORPUS, file), 'utf8').replace(/\s+/g, ' ');
      if ([', ', ' and ', '; ', ' & '].some((sep) => html.includes(`${first}${sep}${second}`))) {
        found.push({ file, url: expected.url });
      }
    }
  }
  return found;
}
