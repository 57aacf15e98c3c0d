import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePage } from './form-helpers';
import { configureEndpoint, control, type ExtensionBrowser, eventually, launchExtension, openPage } from './harness';
import { correctionTitled, openExtensionPage, queueItem, submitCorrections, TestEndpoint } from './queue-helpers';

// axe-core (Deque's rule engine, the independent judge here) over every screen a reader meets:
// the page's pencils, the form at each step, the popup with items in each state, the options
// page; in English and Japanese, light and dark. Zero violations of WCAG 2.2 A/AA, with
// target-size (2.5.8) and label-content-name-mismatch (2.5.3, experimental in axe) switched on.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const ARTICLE_URL = 'https://journal.example.org/articles/42';
const ARTICLE = fixturePage('journal-article');
const TOKEN = 'a11y-token';

/** Runs axe in a page or frame (injected once) and lists each violation as rule, target, summary. */
async function axeViolations(
  target: Page | Frame,
  { onlyOurControls = false, skip = [] as string[] } = {},
): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in globalThis))) await target.evaluate(AXE_SOURCE);
  return target.evaluate(
    async ({ tags, ours, skipped }) => {
      type AxeNode = { target: unknown[]; failureSummary?: string };
      type AxeResult = { violations: { id: string; help: string; nodes: AxeNode[] }[] };
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } })
        .axe;
      // On a paper page only our controls and panel are judged: the page's own markup is the site's.
      const context = ours
        ? { include: Array.from(document.querySelectorAll('erratum-control, erratum-panel')) }
        : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        rules: {
          'target-size': { enabled: true },
          'label-content-name-mismatch': { enabled: true },
          ...Object.fromEntries(skipped.map((rule) => [rule, { enabled: false }])),
        },
        iframes: false,
        resultTypes: ['violations'],
      });
      return result.violations.flatMap((violation) =>
        violation.nodes.map(
          (node) =>
            `${violation.id} at ${JSON.stringify(node.target)}: ${violation.help}. ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
        ),
      );
    },
    { tags: WCAG_TAGS, ours: onlyOurControls, skipped: skip },
  );
}

/** The framed form inside the panel, as a Playwright frame (axe runs in the frame's own document). */
async function formFrameOf(page: Page): Promise<Frame> {
  const handle = await page.locator('erratum-panel iframe').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The panel has no form frame');
  await frame.locator('h1#form-title').waitFor();
  return frame;
}

const VARIANTS = (['en', 'ja'] as const).flatMap((locale) =>
  (['light', 'dark'] as const).map((colorScheme) => ({ locale, colorScheme })),
);

describe.each(VARIANTS)('accessibility (axe, WCAG 2.2 A/AA): $locale, $colorScheme', ({ locale, colorScheme }) => {
  let browser: ExtensionBrowser;
  const endpoint = new TestEndpoint(TOKEN);

  beforeAll(async () => {
    browser = await launchExtension(undefined, { locale, colorScheme });
    await endpoint.start();
    await configureEndpoint(browser, { endpointUrl: endpoint.endpoint, token: TOKEN });
  });

  afterAll(async () => {
    await browser?.close({ dispose: true });
    await endpoint.dispose();
  });

  it("the page's pencils and the form at its edit, review and done steps", async () => {
    const page = await openPage(browser.context, ARTICLE_URL, ARTICLE);
    await control(page, 'title').waitFor();
    expect(await axeViolations(page, { onlyOurControls: true })).toEqual([]);

    await control(page, 'author', 1).click();
    const form = await formFrameOf(page);
    // The panel's frame on the page (its title names it), beside the pencils.
    expect(await axeViolations(page, { onlyOurControls: true })).toEqual([]);
    // The browser's language reached the form (axe's own checks are language-blind otherwise).
    expect(await form.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${locale}`));
    // Edit step: an author's editor open, the review blocked (the reasons listed as links).
    await form.locator('.author-row [aria-expanded="true"]').waitFor();
    expect(await axeViolations(form)).toEqual([]);
    // The title's Edit button (the first field) opens its editor: a field being corrected.
    await form.locator('.field-row .edit-button').first().click();
    // Mistakes shown as the reader makes them: a bad ORCID iD, a bad email, a file that is no PDF.
    await form.locator('input[id$="-orcid"]').first().fill('0000-0002-1825-0098');
    await form.locator('#submitter-email').fill('ada@');
    await form.locator('#submitter-name').focus();
    await form.locator('input[type="file"]').setInputFiles({
      name: 'figure.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a pdf at all'),
    });
    await form.locator('[role="alert"]').first().waitFor();
    await form.locator('[aria-invalid="true"]').nth(1).waitFor();
    expect(await axeViolations(form)).toEqual([]);
    await form.locator('input[id$="-orcid"]').first().fill('');
    await form.locator('#submitter-email').fill('ada@example.org');
    await form.locator('#field-title').fill('Tidal Forcing of Deep-Ocean Mixing Revisited');
    await form.locator('#declaration').check();
    expect(await axeViolations(form)).toEqual([]);

    await form.locator('.submit-bar button.primary').click();
    await form.locator('#review-heading').waitFor();
    expect(await axeViolations(form)).toEqual([]);

    await form.locator('.submit-bar button.primary').click();
    await form.locator('#delivery-heading').waitFor();
    expect(await axeViolations(form)).toEqual([]);
    await page.close();
  });

  it('the popup, with a sent, a failed and a waiting correction', async () => {
    const popup = await openExtensionPage(browser);
    const [sent, failed, waiting] = ['Sent paper', 'Refused paper', 'Waiting paper'].map((title) =>
      correctionTitled(`${title} (${locale}, ${colorScheme})`),
    ) as [
      ReturnType<typeof correctionTitled>,
      ReturnType<typeof correctionTitled>,
      ReturnType<typeof correctionTitled>,
    ];
    const statusOf = (id: string) => async () => (await queueItem(browser, id))?.status;

    await submitCorrections(popup, [sent]);
    await eventually(statusOf(sent.id), (status) => status === 'sent');
    // Without the token the endpoint answers 401: the correction needs the reader's attention.
    await configureEndpoint(browser, { endpointUrl: endpoint.endpoint });
    await submitCorrections(popup, [failed]);
    await eventually(statusOf(failed.id), (status) => status === 'needs-attention');
    // With the endpoint down the correction waits to be retried.
    await endpoint.stop();
    await submitCorrections(popup, [waiting]);
    await eventually(statusOf(waiting.id), (status) => status === 'retrying');

    await popup.reload();
    await popup.getByRole('listitem').filter({ hasText: waiting.paper.title! }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the options page', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await options.locator('form').first().waitFor();
    await options.locator('input').first().waitFor();
    expect(await axeViolations(options)).toEqual([]);
    // With a refused address shown (http to a public host) and a bad email typed.
    await options.locator('#options-endpoint').fill('http://example.org/corrections');
    await options.locator('input[type="email"]').first().fill('ada@');
    await options.locator('#options-endpoint').focus();
    await options.locator('#options-endpoint-error').filter({ hasText: /\S/ }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    // The check can fail: an unnamed field and a 10 px button put in the page are both caught.
    await options.evaluate(() => {
      const field = document.createElement('input');
      const button = document.createElement('button');
      button.style.cssText = 'width: 10px; height: 10px; padding: 0; border: 0; position: fixed; top: 0; left: 0;';
      button.setAttribute('aria-label', 'x');
      const neighbour = button.cloneNode() as HTMLElement;
      neighbour.style.left = '10px';
      document.body.append(field, button, neighbour);
    });
    const planted = await axeViolations(options);
    expect(planted.some((line) => line.startsWith('label at'))).toBe(true);
    expect(planted.some((line) => line.startsWith('target-size at'))).toBe(true);
    await options.close();
  });
});
