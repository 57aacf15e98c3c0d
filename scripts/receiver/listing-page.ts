import { type Correction, CorrectionSchema } from '../../lib/schema/correction';
import type { StoredCorrection } from './store';

// The page lists text copied from web pages and typed by strangers: every value goes through
// escapeHtml, and the page is served with a CSP that forbids scripts (responses.ts).

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

function changedFields(correction: Correction): string[] {
  const fields: string[] = correction.changes.map((change) => change.field);
  if (correction.authorChanges.length > 0) fields.push('authors');
  if (correction.pdf) fields.push('pdf');
  return fields;
}

function row(record: StoredCorrection): string {
  const id = escapeHtml(record.id);
  const parsed = CorrectionSchema.safeParse(record.correction);
  const cells = parsed.success
    ? [
        escapeHtml(parsed.data.paper.title ?? parsed.data.detected.title ?? '(no title)'),
        `${escapeHtml(parsed.data.submitter.name)}<br><span class="muted">${escapeHtml(parsed.data.submitter.email)}</span>`,
        escapeHtml(changedFields(parsed.data).join(', ')),
      ]
    : ['<span class="muted">(stored JSON no longer matches the schema)</span>', '', ''];
  const pdf = record.hasPdf ? `<a href="/corrections/${id}/paper.pdf">paper.pdf</a>` : '';
  const replaced = record.supersededBy
    ? `<br><span class="muted">replaced by <code>${escapeHtml(record.supersededBy)}</code></span>`
    : '';
  const replaces = record.supersedes
    ? `<br><span class="muted">replaces <code>${escapeHtml(record.supersedes)}</code></span>`
    : '';
  return `<tr${record.current ? '' : ' class="replaced"'}>
  <td><time>${escapeHtml(record.receivedAt)}</time></td>
  <td><a href="/corrections/${id}"><code>${id}</code></a></td>
  <td>${cells[0]}</td>
  <td>${cells[1]}</td>
  <td>${cells[2]}</td>
  <td>${escapeHtml(record.state)}${replaces}${replaced}</td>
  <td>${pdf}</td>
</tr>`;
}

/** The HTML listing of everything received, newest first. */
export function renderListingPage(records: StoredCorrection[]): string {
  const body =
    records.length === 0
      ? '<p>No corrections yet. Point Erratum at this endpoint and send one.</p>'
      : `<table>
<thead><tr><th>Received</th><th>Id</th><th>Title</th><th>Submitter</th><th>Fields changed</th><th>State</th><th>PDF</th></tr></thead>
<tbody>
${records.map(row).join('\n')}
</tbody>
</table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Erratum reference endpoint</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
  td { overflow-wrap: anywhere; }
  .muted { color: #666; }
  tr.replaced td { color: #666; }
</style>
</head>
<body>
<h1>Corrections received</h1>
<p class="muted">${records.length} stored. JSON: <a href="/corrections">/corrections</a></p>
${body}
</body>
</html>
`;
}
