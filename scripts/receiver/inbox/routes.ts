import type { IncomingMessage, ServerResponse } from 'node:http';
import { CorrectionSchema } from '../../../lib/schema/correction';
import { ReviewStateSchema } from '../../../lib/schema/status';
import { exportCorrection, isExportFormat } from '../export/formats';
import { send } from '../responses';
import type { CorrectionStore } from '../store';
import { csrfOk, curatorOf, isCuratorToken, newSessionCookie, SESSION_COOKIE } from './curator-session';
import { DICTIONARIES, languageOf, type Words } from './dictionary';
import { CSS_PATH, escapeHtml, INBOX_CSS, renderPage } from './layout';
import { type InboxFilter, listInbox } from './list-query';
import { renderCorrection } from './render-correction';
import { renderList } from './render-list';

// The curator's inbox under /inbox: sign-in, the list, one correction, its PDF, and decisions.
// Never open: without a curator token configured it answers 404, and every page but sign-in
// and the style sheet needs a curator session (or the curator token as a bearer token).

export const INBOX_PREFIX = '/inbox';

/** Pages show hostile text: no script at all, styles only from our own sheet, forms only to us. */
export const INBOX_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const HTML_HEADERS = { 'Content-Security-Policy': INBOX_CSP, 'X-Frame-Options': 'DENY' };
const CORRECTION_PATH = /^\/inbox\/c\/([0-9a-f-]{36})(\/paper\.pdf|\/review|\/export\/([a-z-]{1,40}))?$/;
const MAX_FORM_BODY = 64 * 1024;

export interface InboxContext {
  store: CorrectionStore;
  curatorToken: string | undefined;
}

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  send(res, status, 'text/html; charset=utf-8', html, { ...HTML_HEADERS, ...headers });
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  send(res, 303, null, '', { ...HTML_HEADERS, Location: location, ...headers });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) return null;
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_FORM_BODY) return null;
  }
  return new URLSearchParams(text);
}

function signInPage(words: Words, lang: 'en' | 'ja', problem?: string): string {
  const error = problem ? `<p class="error" role="alert">${escapeHtml(problem)}</p>` : '';
  return renderPage(
    { lang, words, title: words.signIn },
    `<h2>${escapeHtml(words.signIn)}</h2>
${error}
<form class="signin" method="post" action="/inbox/login">
<label>${escapeHtml(words.yourName)} <input name="name" autocomplete="name" required maxlength="200"></label>
<label>${escapeHtml(words.curatorToken)} <input name="token" type="password" autocomplete="current-password" required></label>
<button type="submit">${escapeHtml(words.signInButton)}</button>
</form>`,
  );
}

function message(res: ServerResponse, status: number, words: Words, lang: 'en' | 'ja', text: string): void {
  sendHtml(res, status, renderPage({ lang, words, title: words.inbox }, `<p class="error">${escapeHtml(text)}</p>`));
}

function filterOf(search: URLSearchParams): InboxFilter {
  const text = (name: string) => search.get(name)?.trim().slice(0, 500) || undefined;
  const state = ReviewStateSchema.safeParse(search.get('state'));
  return {
    ...(state.success ? { state: state.data } : {}),
    site: text('site'),
    doi: text('doi'),
    title: text('title'),
    after: text('after'),
  };
}

async function signIn(req: IncomingMessage, res: ServerResponse, token: string, words: Words, lang: 'en' | 'ja') {
  const form = await readForm(req);
  const name = form?.get('name')?.trim().slice(0, 200) ?? '';
  if (!form || !isCuratorToken(form.get('token') ?? '', token))
    return sendHtml(res, 401, signInPage(words, lang, words.wrongToken));
  if (name === '') return sendHtml(res, 400, signInPage(words, lang, words.nameMissing));
  // HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it; Path: only the inbox.
  redirect(res, INBOX_PREFIX, {
    'Set-Cookie': `${SESSION_COOKIE}=${newSessionCookie(name, token)}; Path=${INBOX_PREFIX}; HttpOnly; SameSite=Strict`,
  });
}

export async function handleInbox(req: IncomingMessage, res: ServerResponse, ctx: InboxContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://receiver.invalid');
  const path = url.pathname.replace(/\/$/, '') || '/';
  const lang = languageOf(req.headers['accept-language']);
  const words = DICTIONARIES[lang];
  const vary = { Vary: 'Accept-Language, Cookie' };
  if (path === CSS_PATH) return send(res, 200, 'text/css; charset=utf-8', INBOX_CSS);
  const token = ctx.curatorToken;
  if (!token) return message(res, 404, words, lang, words.inboxOff);
  if (path === '/inbox/login') {
    if (req.method === 'POST') return signIn(req, res, token, words, lang);
    return sendHtml(res, 200, signInPage(words, lang), vary);
  }
  const curator = curatorOf(req, token);
  if (!curator) return sendHtml(res, 401, signInPage(words, lang), { ...vary, 'WWW-Authenticate': 'Bearer' });
  const frame = { lang, words, csrf: curator.csrf };

  if (req.method === 'POST') {
    const form = await readForm(req);
    if (!form || !csrfOk(curator, form.get('csrf') ?? undefined)) return message(res, 403, words, lang, words.badForm);
    if (path === '/inbox/logout')
      return redirect(res, '/inbox/login', {
        'Set-Cookie': `${SESSION_COOKIE}=; Path=${INBOX_PREFIX}; HttpOnly; SameSite=Strict; Max-Age=0`,
      });
    const match = CORRECTION_PATH.exec(path);
    const state = ReviewStateSchema.safeParse(form.get('state'));
    if (match?.[2] !== '/review') return message(res, 404, words, lang, words.notFound);
    if (!state.success) return message(res, 400, words, lang, words.badForm);
    const note = form.get('note')?.trim().slice(0, 10_000) || null;
    const done = await ctx.store.review(match[1]!, { state: state.data, note, actor: curator.name });
    if (!done) return message(res, 404, words, lang, words.notFound);
    return redirect(res, `/inbox/c/${match[1]}`);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain; charset=utf-8', 'Use GET or POST', { Allow: 'GET, POST' });

  if (path === INBOX_PREFIX) {
    const filter = filterOf(url.searchParams);
    const page = await listInbox(ctx.store.db, filter);
    return sendHtml(res, 200, renderPage({ ...frame, title: words.inbox }, renderList(page, filter, words)), vary);
  }
  const match = CORRECTION_PATH.exec(path);
  if (!match || match[2] === '/review') return message(res, 404, words, lang, words.notFound);
  const id = match[1]!;
  if (match[2] === '/paper.pdf') {
    const pdf = await ctx.store.pdf(id);
    if (!pdf) return message(res, 404, words, lang, words.notFound);
    // A download, never shown here: a PDF viewer in this origin would be a place for hostile content to run.
    return send(res, 200, 'application/pdf', pdf, {
      'Content-Disposition': `attachment; filename="correction-${id}.pdf"`,
    });
  }
  const record = await ctx.store.get(id);
  if (!record) return message(res, 404, words, lang, words.notFound);
  if (match[3] !== undefined) {
    const format = match[3];
    const parsed = CorrectionSchema.safeParse(record.correction);
    if (!isExportFormat(format) || !parsed.success) return message(res, 404, words, lang, words.notFound);
    const made = exportCorrection(format, parsed.data, record);
    // 422: the correction exists, but this format cannot say what it asks (not an Anthology paper).
    if (!made.ok) return message(res, 422, words, lang, `${words.aclNotOffered} ${words.aclProblem(made.problem)}`);
    return send(res, 200, made.contentType, made.body, {
      'Content-Disposition': `attachment; filename="${made.filename}"`,
    });
  }
  const { title, body } = renderCorrection(record, await ctx.store.reviewHistory(id), curator.csrf, words);
  sendHtml(res, 200, renderPage({ ...frame, title }, body), vary);
}
