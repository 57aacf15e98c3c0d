import { isHttpUrl } from '../../../lib/identifiers';
import { type Correction, CorrectionSchema } from '../../../lib/schema/correction';
import type { ReviewState } from '../../../lib/schema/status';
import { aclAnthologyExport } from '../export/acl-anthology';
import type { StoredCorrection } from '../store';
import { type AuthorLine, authorMoves } from './author-moves';
import type { Words } from './dictionary';
import { escapeHtml } from './layout';

// One correction as a curator decides on it: what changed (before -> after), the authors as two
// lists, the reader's comment and evidence, who sent it from where, the PDF, and the decision
// form with its history. Links from the correction are shown only when http(s), and open
// without a referrer so the inbox's address does not leak to the page.

export interface ReviewEvent {
  state: ReviewState;
  note: string | null;
  actor: string;
  at: string;
}

const externalLink = (url: string) =>
  isHttpUrl(url)
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(url)}</a>`
    : `<span>${escapeHtml(url)}</span>`;

const value = (v: string | number | null) => (v === null ? '' : escapeHtml(v));

function changes(correction: Correction, words: Words): string {
  if (correction.changes.length === 0) return '';
  const rows = correction.changes
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(c.field)}</th><td class="before">${value(c.from)}</td><td class="after">${value(c.to)}</td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="changes"><h2 id="changes">${escapeHtml(words.changes)}</h2>
<table><thead><tr><th scope="col">${escapeHtml(words.field)}</th><th scope="col">${escapeHtml(words.before)}</th><th scope="col">${escapeHtml(words.after)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function authorLine(line: AuthorLine, words: Words): string {
  const mark = line.mark;
  const note = mark.kind === 'moved' ? `${words.movedFrom} ${mark.from}` : mark.kind === 'same' ? '' : words[mark.kind];
  return `<li>${escapeHtml(line.name)}${note ? ` <span class="muted">(${escapeHtml(note)})</span>` : ''}</li>`;
}

function authors(correction: Correction, words: Words): string {
  if (correction.authorChanges.length === 0 || !correction.proposedAuthors) return '';
  const edited = new Set(correction.authorChanges.flatMap((c) => (c.kind === 'edit' ? [c.index] : [])));
  const lists = authorMoves(correction.detected.authors, correction.proposedAuthors, edited);
  const list = (label: string, lines: AuthorLine[]) =>
    `<div><h3>${escapeHtml(label)}</h3><ol class="authors">${lines.map((l) => authorLine(l, words)).join('')}</ol></div>`;
  return `<section aria-labelledby="authors"><h2 id="authors">${escapeHtml(words.authors)}</h2>
${list(words.authorsBefore, lists.before)}
${list(words.authorsAfter, lists.after)}
</section>`;
}

function history(events: ReviewEvent[], words: Words): string {
  if (events.length === 0) return `<p class="muted">${escapeHtml(words.noHistory)}</p>`;
  const rows = events
    .map(
      (e) =>
        `<tr><td><time datetime="${escapeHtml(e.at)}">${escapeHtml(e.at)}</time></td><td>${escapeHtml(e.actor)}</td><td>${escapeHtml(words.states[e.state])}</td><td>${escapeHtml(e.note ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th scope="col">${escapeHtml(words.when)}</th><th scope="col">${escapeHtml(words.who)}</th><th scope="col">${escapeHtml(words.state)}</th><th scope="col">${escapeHtml(words.note)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** Download links for each export; the Anthology's only when the paper is one of theirs, else why not. */
function exports(correction: Correction, id: string, words: Words): string {
  const link = (format: string, label: string) =>
    `<li><a href="/inbox/c/${escapeHtml(id)}/export/${format}" download>${escapeHtml(label)}</a></li>`;
  const acl = aclAnthologyExport(correction);
  const aclItem = acl.ok
    ? `${link('acl-anthology', words.exportAcl)}${acl.leftOut.length > 0 ? `<li class="muted">${escapeHtml(words.aclLeftOut)} ${escapeHtml(acl.leftOut.join(', '))}</li>` : ''}`
    : `<li class="muted">${escapeHtml(words.aclNotOffered)} ${escapeHtml(words.aclProblem(acl.problem))}</li>`;
  return `<section aria-labelledby="exports"><h2 id="exports">${escapeHtml(words.exports)}</h2>
<ul class="exports">${aclItem}${link('csl-json', words.exportCsl)}${link('publisher-message', words.exportMessage)}</ul>
</section>`;
}

function decision(record: StoredCorrection, csrf: string, words: Words): string {
  return `<form method="post" action="/inbox/c/${escapeHtml(record.id)}/review">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="note">${escapeHtml(words.noteToReader)}</label>
<textarea id="note" name="note" maxlength="10000"></textarea>
<div class="decision">
<button type="submit" name="state" value="accepted">${escapeHtml(words.accept)}</button>
<button type="submit" name="state" value="rejected">${escapeHtml(words.reject)}</button>
<button type="submit" name="state" value="applied">${escapeHtml(words.markApplied)}</button>
</div>
</form>`;
}

export function renderCorrection(
  record: StoredCorrection,
  events: ReviewEvent[],
  csrf: string,
  words: Words,
): { title: string; body: string } {
  const parsed = CorrectionSchema.safeParse(record.correction);
  if (!parsed.success)
    return {
      title: record.id,
      body: `<p class="error">The stored JSON no longer matches the schema.</p><p><a href="/corrections/${escapeHtml(record.id)}">JSON</a></p>`,
    };
  const c = parsed.data;
  const title = c.paper.title ?? c.detected.title ?? words.noTitle;
  const facts: [string, string][] = [
    [words.state, escapeHtml(words.states[record.state])],
    [words.received, `<time datetime="${escapeHtml(record.receivedAt)}">${escapeHtml(record.receivedAt)}</time>`],
    [words.submitter, `${escapeHtml(c.submitter.name)} &lt;${escapeHtml(c.submitter.email)}&gt;`],
    [words.page, externalLink(c.pageUrl)],
  ];
  if (c.paper.doi) facts.push([words.doi, escapeHtml(c.paper.doi)]);
  if (c.detected.site) facts.push([words.site, escapeHtml(c.detected.site)]);
  if (c.evidenceUrl) facts.push([words.evidence, externalLink(c.evidenceUrl)]);
  if (record.hasPdf)
    facts.push([
      words.pdf,
      `<a href="/inbox/c/${escapeHtml(record.id)}/paper.pdf" download>${escapeHtml(words.download)}</a>${c.pdf ? ` <span class="muted">(${escapeHtml(c.pdf.name)}, ${c.pdf.size} B)</span>` : ''}`,
    ]);
  if (record.supersedes)
    facts.push([
      words.replaces,
      `<a href="/inbox/c/${escapeHtml(record.supersedes)}">${escapeHtml(record.supersedes)}</a>`,
    ]);
  if (record.supersededBy)
    facts.push([
      words.replacedBy,
      `<a href="/inbox/c/${escapeHtml(record.supersededBy)}">${escapeHtml(record.supersededBy)}</a>`,
    ]);
  const body = `<p><a href="/inbox">${escapeHtml(words.back)}</a></p>
<h2>${escapeHtml(title)}</h2>
<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>
${changes(c, words)}
${authors(c, words)}
${c.comment ? `<section aria-labelledby="comment"><h2 id="comment">${escapeHtml(words.comment)}</h2><p class="comment">${escapeHtml(c.comment)}</p></section>` : ''}
${exports(c, record.id, words)}
<section aria-labelledby="decide"><h2 id="decide">${escapeHtml(words.decide)}</h2>
${decision(record, csrf, words)}
</section>
<section aria-labelledby="history"><h2 id="history">${escapeHtml(words.history)}</h2>
${history(events, words)}
</section>`;
  return { title, body };
}
