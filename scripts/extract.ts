// Prints the papers Erratum detects in a saved page, as JSON, and nothing else on stdout:
//   npm run extract -- <page.html> --url <original url>
// The page is parsed by happy-dom with scripts, styles and frames off, as the corpus test does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { detectPapers } from '../lib/sites/detect';

/** A saved page as a Document at its original address, nothing in it executed or fetched. */
export function parseSavedPage(html: string, url: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run extract -- <page.html> --url <original url>\n`);
  process.exit(2);
}

async function main(args: string[]): Promise<void> {
  const urlFlag = args.indexOf('--url');
  const url = urlFlag >= 0 ? args[urlFlag + 1] : undefined;
  const file = args.find((arg, i) => !arg.startsWith('--') && !(urlFlag >= 0 && i === urlFlag + 1));
  if (!file) usage('No page given.');
  if (!url) usage('No --url given: relative links and identifiers in the address need it.');
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    usage(`Not a URL: ${url}`);
  }
  const page = parseSavedPage(readFileSync(resolve(file), 'utf8'), address.href);
  const { papers } = detectPapers(page.document, address);
  process.stdout.write(
    `${JSON.stringify(
      papers.map((paper) => paper.metadata),
      null,
      2,
    )}\n`,
  );
  await page.close();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
