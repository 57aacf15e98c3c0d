import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { launchExtension, openPage } from './tests/e2e/harness';
it('debug', async () => {
  const b = await launchExtension();
  const page = await b.context.newPage();
  page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
  await b.context.route('https://spa.example.org/paper/a', (r) => r.fulfill({ body: readFileSync('tests/fixtures/pages/spa-journal.html', 'utf8'), contentType: 'text/html' }));
  await page.goto('https://spa.example.org/paper/a');
  await page.waitForTimeout(2000);
  console.log(await page.$$eval('erratum-control', (h) => h.map((x) => (x as HTMLElement).dataset.erratumField + ' in ' + x.parentElement?.tagName)));
  await b.close({ dispose: true });
});
