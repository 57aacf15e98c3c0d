import { REVIEW_STATES } from '../../../lib/schema/status';
import type { Words } from './dictionary';
import { escapeHtml } from './layout';
import type { InboxFilter, InboxPage } from './list-query';

// The list: a GET form of filters (real labels, so every field is reachable and named by
// keyboard and screen reader), a table of one page, and a link to the next, older page.

function filterQuery(filter: InboxFilter, after?: string): string {
  const params = new URLSearchParams();
  for (const key of ['state', 'site', 'doi', 'title'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (after) params.set('after', after);
  const query = params.toString();
  return query ? `/inbox?${query}` : '/inbox';
}

function filters(filter: InboxFilter, words: Words): string {
  const option = (value: string, label: string) =>
    `<option value="${escapeHtml(value)}"${filter.state === value ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const text = (name: 'site' | 'doi' | 'title', label: string) =>
    `<label>${escapeHtml(label)} <input name="${name}" type="search" value="${escapeHtml(filter[name] ?? '')}"></label>`;
  return `<form class="filters" method="get" action="/inbox" role="search" aria-label="${escapeHtml(words.filters)}">
<label>${escapeHtml(words.state)} <select name="state">${option('', words.anyState)}${REVIEW_STATES.map((s) => option(s, words.states[s])).join('')}</select></label>
${text('site', words.site)}
${text('doi', words.doi)}
${text('title', words.titleSearch)}
<button type="submit">${escapeHtml(words.apply)}</button>
<a href="/inbox">${escapeHtml(words.clear)}</a>
</form>`;
}

export function renderList(page: InboxPage, filter: InboxFilter, words: Words): string {
  const rows = page.rows
    .map(
      (row) => `<tr>
<td><time datetime="${escapeHtml(row.receivedAt)}">${escapeHtml(row.receivedAt.replace('T', ' ').slice(0, 19))}</time></td>
<td><a href="/inbox/c/${escapeHtml(row.id)}">${escapeHtml(row.title ?? words.noTitle)}</a></td>
<td>${escapeHtml(row.site ?? '')}</td>
<td>${escapeHtml(row.doi ?? '')}</td>
<td>${escapeHtml(row.submitter ?? '')}</td>
<td>${escapeHtml(words.states[row.state])}</td>
</tr>`,
    )
    .join('\n');
  const table =
    page.rows.length === 0
      ? `<p>${escapeHtml(words.none)}</p>`
      : `<table>
<thead><tr><th scope="col">${escapeHtml(words.received)}</th><th scope="col">${escapeHtml(words.title)}</th><th scope="col">${escapeHtml(words.site)}</th><th scope="col">${escapeHtml(words.doi)}</th><th scope="col">${escapeHtml(words.submitter)}</th><th scope="col">${escapeHtml(words.state)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  const nav = [
    filter.after ? `<a href="${escapeHtml(filterQuery(filter))}">${escapeHtml(words.newest)}</a>` : '',
    page.next
      ? `<a rel="next" href="${escapeHtml(filterQuery(filter, page.next))}">${escapeHtml(words.older)}</a>`
      : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return `${filters(filter, words)}
${table}
${nav ? `<nav aria-label="${escapeHtml(words.older)}"><p>${nav}</p></nav>` : ''}`;
}
