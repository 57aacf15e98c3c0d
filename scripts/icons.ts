// The toolbar and store icons, drawn from their SVG source (public/icon/erratum.svg) by Debian's
// Chromium: public/icon/<size>.png (the extension's icon, in colour; WXT lists public/icon/<size>.png
// in the manifest's `icons`) and public/icon-idle/<size>.png (the same in grey: the toolbar button on
// a tab where no paper was detected). Run again after editing the SVG, and commit the PNGs.
//
//   npx tsx scripts/icons.ts

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { assertChromium, chromiumPath } from '../tests/e2e/chromium-path';
import { HEADLESS_ARGS } from '../tests/e2e/harness';

const PUBLIC = join(import.meta.dirname, '..', 'public');
const SOURCE = join(PUBLIC, 'icon', 'erratum.svg');
/** What Chrome and Firefox ask for: toolbar (16, 32), extensions page (48, 96), store (128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const VARIANTS = [
  { folder: 'icon', filter: 'none' },
  // Grey, not faded: the white page and dark outline still read on a dark toolbar.
  { folder: 'icon-idle', filter: 'grayscale(1)' },
] as const;

async function main(): Promise<void> {
  assertChromium();
  const svg = readFileSync(SOURCE, 'utf8');
  const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: HEADLESS_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const { folder, filter } of VARIANTS) {
      mkdirSync(join(PUBLIC, folder), { recursive: true });
      for (const size of ICON_SIZES) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(
          `<style>html,body{margin:0;background:transparent}img{display:block;filter:${filter}}</style>` +
            `<img width="${size}" height="${size}" src="${dataUrl}">`,
        );
        await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
        const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        writeFileSync(join(PUBLIC, folder, `${size}.png`), png);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`Icons written to public/icon/ and public/icon-idle/ at ${ICON_SIZES.join(', ')} px.`);
}

await main();
