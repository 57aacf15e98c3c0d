import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { sitePages } from './site-pages';

const PAGES = join(import.meta.dirname, 'pages');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function indexPage(): string {
  const links = sitePages()
    .map(
      ({ label, url }) =>
        `<li><a href="${escapeHtml(url)}">${escapeHtml(label)}</a> <small>${escapeHtml(url)}</small></li>`,
    )
    .join('\n');
  return readFileSync(join(PAGES, 'index.html'), 'utf8').replace('<!-- site pages -->', links);
}

/** Serves the demo paper pages on 127.0.0.1. */
export function startDemoServer(port = 8788): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    if (path === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(indexPage());
      return;
    }
    const file = join(PAGES, path);
    if (!file.startsWith(PAGES) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${port}/`, server })),
  );
}
