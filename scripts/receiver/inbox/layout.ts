import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../listing-page';
import type { Language, Words } from './dictionary';

// The frame every inbox page shares. Every value in these pages came from web pages or
// strangers: it goes through escapeHtml, and the CSP (routes.ts) allows no inline style or script.

export { escapeHtml };

export const INBOX_CSS = readFileSync(join(import.meta.dirname, 'inbox.css'), 'utf8');
export const CSS_PATH = '/inbox/inbox.css';

export interface PageFrame {
  lang: Language;
  words: Words;
  title: string;
  /** The signed-in curator's CSRF token, for the sign-out form; absent on the sign-in page. */
  csrf?: string;
}

export function renderPage(frame: PageFrame, body: string): string {
  const { words } = frame;
  const signOut =
    frame.csrf === undefined
      ? ''
      : `<form method="post" action="/inbox/logout"><input type="hidden" name="csrf" value="${escapeHtml(frame.csrf)}"><button type="submit">${escapeHtml(words.signOut)}</button></form>`;
  return `<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)} · Erratum</title>
<link rel="stylesheet" href="${CSS_PATH}">
</head>
<body>
<header><h1><a href="/inbox">${escapeHtml(words.inbox)}</a></h1>${signOut}</header>
<main>
${body}
</main>
</body>
</html>
`;
}
