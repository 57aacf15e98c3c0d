// @vitest-environment happy-dom
// Issue #15: the question the script on every page answers, "could this page carry a paper?",
// asked in the browsers it runs in (Chromium, and Firefox over WebDriver BiDi): it reads the
// page's JSON-LD through XPath (document.evaluate), which happy-dom does not have, so its unit
// test covers the address only. Yes on each kind of scholarly page, no on the pages most of the
// web is made of, and never no on a project fixture the generic readers find a paper on (their
// answer is read here with happy-dom, as their unit tests read them).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '../../lib/sites/read-page';
import { inertScripts } from '../../scripts/bench/common';
import { page as parsed } from '../lib/extract/page';
import { NO_PAGES, YES_PAGES } from '../lib/gate/gate-cases';
import { chromiumPath } from './chromium-path';
import { type Context, FirefoxExtension } from './firefox/harness';
import { HEADLESS_ARGS } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const DEFAULT_URL = 'https://journal.example.org/articles/1';

interface AskedPage {
  name: string;
  url: string;
  html: string;
  contentType?: string;
}

/** An XHTML document (served as XML, its elements namespaced) whose only sign is its JSON-LD. */
const XHTML_PAPER: AskedPage = {
  name: 'JSON-LD ScholarlyArticle in an XHTML document',
  url: DEFAULT_URL,
  contentType: 'application/xhtml+xml',
  html: `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>On Tides</title>
<script type="application/ld+json">{"@type":"ScholarlyArticle","name":"On Tides"}</script></head>
<body><h1>On Tides</h1></body></html>`,
};

/** The gate's predicate as one script a page can run: globalThis.__erratumGate() answers it. */
async function gateScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { addressOf, couldCarryPaper } from './lib/gate/could-carry-paper';
        globalThis.__erratumGate = () => couldCarryPaper(document, addressOf(document.URL));`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

function fixturePages(): AskedPage[] {
  const files = ['extract', 'pages', 'hostile']
    .flatMap((dir) =>
      readdirSync(join(FIXTURES, dir))
        .filter((file) => file.endsWith('.html'))
        .map((file) => join(FIXTURES, dir, file)),
    )
    .concat(
      readdirSync(join(FIXTURES, 'sites')).flatMap((site) =>
        readdirSync(join(FIXTURES, 'sites', site))
          .filter((file) => file.endsWith('.html'))
          .map((file) => join(FIXTURES, 'sites', site, file)),
      ),
    );
  return files.map((path) => {
    let url = DEFAULT_URL;
    try {
      url = readFileSync(path.replace(/\.html$/, '.url'), 'utf8').trim();
    } catch {}
    return { name: path.slice(FIXTURES.length + 1), url, html: readFileSync(path, 'utf8') };
  });
}

/** Whether the generic readers (no site adapter) find a paper on the page. */
const readersFindPaper = ({ html, url }: AskedPage) => readPage(parsed(html, url), new URL(url), []).papers.length > 0;

const yesPages = [...YES_PAGES.map(([name, html]) => ({ name, url: DEFAULT_URL, html })), XHTML_PAPER];
const noPages = NO_PAGES.map(([name, html, url]) => ({ name, url, html }));
const papers = fixturePages().filter(readersFindPaper);

interface GateGlobal {
  __erratumGate(): boolean;
}

/** The page as served: its own scripts made inert (JSON-LD kept), the gate's script at its end. */
const served = ({ html, contentType }: AskedPage, script: string) =>
  contentType?.includes('xml')
    ? html.replace('</body>', `<script>//<![CDATA[\n${script}\n//]]></script></body>`)
    : `${inertScripts(html)}\n<script>${script}</script>`;
const typeOf = ({ contentType }: AskedPage) => contentType ?? 'text/html; charset=utf-8';

/** Each browser: how it is started, asked and closed. */
interface Asker {
  ask(page: AskedPage): Promise<boolean>;
  close(): Promise<void>;
}

async function chromiumAsker(script: string): Promise<Asker> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: HEADLESS_ARGS,
  });
  const context = await browser.newContext();
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const tab: Page = await context.newPage();
  return {
    async ask(page) {
      await context.unroute(page.url).catch(() => undefined);
      await context.route(page.url, (route) =>
        route.fulfill({ status: 200, contentType: typeOf(page), body: served(page, script) }),
      );
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      return tab.evaluate(() => (globalThis as unknown as GateGlobal).__erratumGate());
    },
    close: () => browser.close(),
  };
}

async function firefoxAsker(script: string): Promise<Asker> {
  const browser = await FirefoxExtension.launch();
  let tab: Context | undefined;
  return {
    async ask(page) {
      browser.route(page.url, served(page, script), typeOf(page));
      if (tab) await browser.navigate(tab, page.url);
      else tab = await browser.newTab(page.url);
      return browser.evaluate(tab, () => (globalThis as unknown as GateGlobal).__erratumGate());
    },
    close: () => browser.close(),
  };
}

const BROWSERS: [string, (script: string) => Promise<Asker>][] = [
  ['Chromium', chromiumAsker],
  ['Firefox', firefoxAsker],
];

describe.each(BROWSERS)('could this page carry a paper? (in %s)', (_, launch) => {
  let asker: Asker;
  beforeAll(async () => {
    asker = await launch(await gateScript());
  });
  afterAll(async () => {
    await asker?.close();
  });

  it('yes on each kind of scholarly markup', async () => {
    const answers: string[] = [];
    for (const page of yesPages) answers.push(`${page.name}: ${(await asker.ask(page)) ? 'yes' : 'no'}`);
    expect(answers).toEqual(yesPages.map((page) => `${page.name}: yes`));
  });

  it('no on a blog post, a news story, an app shell and a page of 5,000 links', async () => {
    const answers: string[] = [];
    for (const page of noPages) answers.push(`${page.name}: ${(await asker.ask(page)) ? 'yes' : 'no'}`);
    expect(answers).toEqual(noPages.map((page) => `${page.name}: no`));
  });

  it('never no on a project fixture the generic readers find a paper on', async () => {
    expect(papers.length).toBeGreaterThan(20);
    const turnedAway: string[] = [];
    for (const page of papers) if (!(await asker.ask(page))) turnedAway.push(page.name);
    expect(turnedAway).toEqual([]);
  });
});
