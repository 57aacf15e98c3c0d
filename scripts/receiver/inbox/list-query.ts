import type { ReviewState } from '../../../lib/schema/status';
import type { Queryable, SqlParam } from '../db/database';

// The inbox's list: one page of corrections, newest first, filtered. Keyset paging (the last
// row's received_at and id) so page 500 costs what page 1 does; each filter has an index that
// starts with it (migration 2), and the SQL uses the very expressions those indexes are built on.

export const PAGE_SIZE = 50;

export interface InboxFilter {
  state?: ReviewState;
  /** The site adapter's id, as the extension detected it ("arxiv"). */
  site?: string;
  doi?: string;
  /** Words in the title (the corrected record's title as the page had it), case-insensitive. */
  title?: string;
  /** Rows older than this cursor (from the previous page's `next`). */
  after?: string;
}

export interface InboxRow {
  id: string;
  receivedAt: string;
  state: ReviewState;
  title: string | null;
  site: string | null;
  doi: string | null;
  submitter: string | null;
}

export interface InboxPage {
  rows: InboxRow[];
  /** The cursor of the next (older) page, or null on the last one. */
  next: string | null;
}

const SITE = `(c.correction->'detected'->>'site')`;
const DOI = `lower(c.correction->'paper'->>'doi')`;
const TITLE = `(c.correction->'paper'->>'title')`;

/** PostgreSQL's text form of a timestamptz, which keeps the microseconds a JS Date would drop. */
const CURSOR = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|([0-9a-f-]{36})$/;

export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

/** The cursor's time and id, or null when it is not one this page made. */
export function decodeCursor(cursor: string): { at: string; id: string } | null {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { at: match[1]!, id: match[2]! } : null;
}

/** `%`, `_` and `\` typed in a search are letters, not LIKE patterns. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export async function listInbox(db: Queryable, filter: InboxFilter, pageSize = PAGE_SIZE): Promise<InboxPage> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  const param = (value: SqlParam) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.state) where.push(`c.state = ${param(filter.state)}`);
  if (filter.site) where.push(`${SITE} = ${param(filter.site)}`);
  if (filter.doi) where.push(`${DOI} = lower(${param(filter.doi)})`);
  if (filter.title) where.push(`${TITLE} ILIKE ${param(likeContains(filter.title))}`);
  const cursor = filter.after ? decodeCursor(filter.after) : null;
  if (cursor) where.push(`(c.received_at, c.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
  const rows = await db.query<{
    id: string;
    at: string;
    received_at: Date | string;
    state: ReviewState;
    title: string | null;
    site: string | null;
    doi: string | null;
    submitter: string | null;
  }>(
    `SELECT c.id::text AS id, c.received_at::text AS at, c.received_at, c.state, ${TITLE} AS title,
       ${SITE} AS site, c.correction->'paper'->>'doi' AS doi, c.correction->'submitter'->>'name' AS submitter
     FROM corrections c
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.received_at DESC, c.id DESC
     LIMIT ${param(pageSize + 1)}`,
    params,
  );
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map(({ at: _at, received_at, ...row }) => ({ ...row, receivedAt: new Date(received_at).toISOString() })),
    next: rows.length > pageSize && last ? encodeCursor(last.at, last.id) : null,
  };
}
