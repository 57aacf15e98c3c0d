// One list of corrections, good and bad, each named and each bad one with the protocol rule it
// breaks (docs/endpoint.md). The expectation (`valid`) comes from the protocol, not from either
// validator: schema-agreement.test.ts checks zod and the published JSON Schema against it.
import type { CodeOnlyRule } from '../../scripts/json-schema-rules';
import { samplePaper } from './sample-correction';

export interface CorrectionCase {
  name: string;
  /** Why it is bad: the rule it breaks. Empty for a good one. */
  why: string;
  valid: boolean;
  /** Set when only code can see what is wrong: the JSON Schema is expected to accept it. */
  codeOnly?: CodeOnlyRule;
  correction: Record<string, unknown>;
}

const ID = '0190d6e2-7a3c-7b3e-8f00-123456789abc';
const OTHER_ID = '0190d6e2-7a3c-7b3e-8f00-123456789abd';
const detected = samplePaper();
/** ORCID's own example iD (orcid.org support pages): its check digit is 7. */
const ORCID = '0000-0002-1825-0097';

function base(): Record<string, unknown> {
  return {
    id: ID,
    createdAt: '2026-11-23T12:00:00.000Z',
    pageUrl: 'https://arxiv.org/abs/2101.01234',
    paper: { title: detected.title, doi: null, arxivId: '2101.01234', pmid: null, url: detected.url },
    detected,
    changes: [{ field: 'title', from: detected.title, to: 'Attention Is All You Need' }],
    authorChanges: [],
    submitter: { name: 'Grace Hopper', email: 'grace@example.org' },
    declaration: true,
  };
}

const withChange = (change: Record<string, unknown>) => ({ ...base(), changes: [change] });
const addAuthor = (author: Record<string, unknown>) => ({
  ...base(),
  changes: [],
  authorChanges: [{ kind: 'add', position: 2, author }],
  proposedAuthors: [...detected.authors, author],
});
const good = (name: string, correction: Record<string, unknown>): CorrectionCase => ({
  name,
  why: '',
  valid: true,
  correction,
});
const bad = (name: string, why: string, correction: Record<string, unknown>, codeOnly?: CodeOnlyRule) => ({
  name,
  why,
  valid: false,
  correction,
  ...(codeOnly ? { codeOnly } : {}),
});

export const CORRECTION_CASES: CorrectionCase[] = [
  good('a title change', base()),
  good('without the fields that have defaults', {
    ...base(),
    detected: { ...detected, volume: undefined, sources: undefined, shown: undefined, conflicts: undefined },
  }),
  good('a year, a DOI with spaces around it, an old-style arXiv id, a PubMed id', {
    ...base(),
    changes: [
      { field: 'year', from: 2021, to: 2020 },
      { field: 'doi', from: null, to: ' 10.48550/arXiv.2101.01234 ' },
      { field: 'arxivId', from: '2101.01234', to: 'arxiv:hep-th/9901001v2' },
      { field: 'pmid', from: null, to: '12345678' },
      { field: 'date', from: '2021-01-05', to: '2020-12' },
    ],
  }),
  good(
    'an author added with a prefixed ORCID iD',
    addAuthor({ name: 'Emmy Noether', orcid: `https://orcid.org/${ORCID}` }),
  ),
  good('an author added with an empty ORCID', addAuthor({ name: 'Emmy Noether', orcid: '' })),
  good('an author edit with the proposed list', {
    ...base(),
    authorChanges: [
      { kind: 'edit', index: 1, from: detected.authors[1], to: { name: 'Alan M. Turing', orcid: ORCID } },
    ],
    proposedAuthors: [detected.authors[0], { name: 'Alan M. Turing', orcid: ORCID }],
  }),
  good('a PDF, evidence, a comment and a revision', {
    ...base(),
    pdf: { name: 'paper.pdf', size: 2048, sha256: 'a'.repeat(64) },
    evidenceUrl: 'HTTPS://doi.org/10.48550/arXiv.2101.01234',
    comment: 'See the published version.',
    supersedes: OTHER_ID,
  }),
  good('addresses the URL parser cleans: a leading space, a tab inside the scheme', {
    ...base(),
    pageUrl: ' https://arxiv.org/abs/2101.01234',
    evidenceUrl: 'ht\ttps://doi.org/10.48550/arXiv.2101.01234',
  }),
  good('an email with an apostrophe and a plus, sent on a leap day', {
    ...base(),
    createdAt: '2028-02-29T23:59:59.999Z',
    submitter: { name: "Grace O'Hopper", email: "grace.o'hopper+erratum@example.org" },
  }),
  good('a submitter name with spaces around it', {
    ...base(),
    submitter: { name: '  Grace Hopper  ', email: 'grace@example.org' },
  }),
  // Lengths count characters (code points), in zod 4 as in JSON Schema: an emoji is one.
  good('a submitter name of 300 emoji', {
    ...base(),
    submitter: { name: '🦆'.repeat(300), email: 'grace@example.org' },
  }),
  good('a submitter name of exactly 300 characters', {
    ...base(),
    submitter: { name: 'G'.repeat(300), email: 'grace@example.org' },
  }),

  bad('no field selected', 'at least one entry in changes or authorChanges', { ...base(), changes: [] }),
  bad('the same field corrected twice', 'no field twice in changes', {
    ...base(),
    changes: [
      { field: 'title', from: detected.title, to: 'Attention Is All You Need' },
      { field: 'title', from: detected.title, to: 'Attention Is All We Need' },
    ],
  }),
  bad('author changes without proposedAuthors', 'proposedAuthors is present when authorChanges is not', {
    ...base(),
    authorChanges: [{ kind: 'remove', index: 0, author: detected.authors[0] }],
  }),
  bad('a javascript: pageUrl', 'pageUrl is an http(s) address', { ...base(), pageUrl: 'javascript:alert(1)' }),
  bad('a data: evidenceUrl', 'evidenceUrl is an http(s) address', {
    ...base(),
    evidenceUrl: 'data:text/html,<script>alert(1)</script>',
  }),
  bad('an ftp: pdfUrl change', 'a pdfUrl change is an http(s) address', {
    ...withChange({ field: 'pdfUrl', from: null, to: 'ftp://example.org/paper.pdf' }),
  }),
  bad('an empty `to`', 'changes[].to is never empty', withChange({ field: 'venue', from: null, to: '' })),
  bad('a `to` of spaces', 'changes[].to is never empty', withChange({ field: 'venue', from: null, to: '  \t' })),
  bad('doi:xyz', 'a DOI is 10.<digits>/<suffix>', withChange({ field: 'doi', from: null, to: 'doi:xyz' })),
  bad('a DOI with its doi: prefix', 'a DOI is 10.<digits>/<suffix>, no prefix', {
    ...withChange({ field: 'doi', from: null, to: 'doi:10.1234/abcd' }),
  }),
  bad('a year as text', 'year is an integer', withChange({ field: 'year', from: 2021, to: '2020' })),
  bad('a three-digit year', 'year is 1000–3000', withChange({ field: 'year', from: 2021, to: 999 })),
  bad('a date with slashes', 'date is YYYY, YYYY-MM or YYYY-MM-DD', {
    ...withChange({ field: 'date', from: null, to: '2021/01/05' }),
  }),
  bad('a PMC id as a PubMed id', 'pmid is 1–9 digits', withChange({ field: 'pmid', from: null, to: 'PMC123' })),
  bad('an arXiv id with a space', 'arxivId is a new- or old-style id', {
    ...withChange({ field: 'arxivId', from: null, to: 'arXiv 2101.01234' }),
  }),
  bad('a title as a number', 'text fields are strings', withChange({ field: 'title', from: null, to: 42 })),
  bad('an ORCID iD of the wrong form', 'an ORCID iD is 0000-0000-0000-000X', {
    ...addAuthor({ name: 'Emmy Noether', orcid: '0000-0002-1825-009' }),
  }),
  bad('an ORCID iD of spaces', 'an ORCID iD is 0000-0000-0000-000X', addAuthor({ name: 'Emmy Noether', orcid: '  ' })),
  bad('a submitter name of spaces', 'submitter.name is not empty once trimmed', {
    ...base(),
    submitter: { name: '   ', email: 'grace@example.org' },
  }),
  bad('a submitter name of 301 characters', 'submitter.name is at most 300 characters', {
    ...base(),
    submitter: { name: 'G'.repeat(301), email: 'grace@example.org' },
  }),
  bad('a submitter name of 301 emoji', 'submitter.name is at most 300 characters', {
    ...base(),
    submitter: { name: '🦆'.repeat(301), email: 'grace@example.org' },
  }),
  bad('an email without a domain', 'submitter.email is an email address', {
    ...base(),
    submitter: { name: 'Grace Hopper', email: 'grace@' },
  }),
  bad('an email with two dots in a row', 'submitter.email is an email address', {
    ...base(),
    submitter: { name: 'Grace Hopper', email: 'grace..hopper@example.org' },
  }),
  bad('a 29 February outside a leap year', 'createdAt is a real date and time', {
    ...base(),
    createdAt: '2026-02-29T12:00:00.000Z',
  }),
  bad('a UUIDv4 id', 'id is a UUIDv7', { ...base(), id: '3b241101-e2bb-4255-8caf-4136c566a962' }),
  bad('a revision of something that is not an id', 'supersedes is a correction id', {
    ...base(),
    supersedes: 'the one before',
  }),
  bad('a time with an offset', 'createdAt is UTC (Z)', { ...base(), createdAt: '2026-11-23T12:00:00+01:00' }),
  bad('the declaration not accepted', 'declaration is true', { ...base(), declaration: false }),
  bad('an upper-case sha256', 'pdf.sha256 is lower-case hex', {
    ...base(),
    pdf: { name: 'paper.pdf', size: 2048, sha256: 'A'.repeat(64) },
  }),
  bad('an unknown author change', 'authorChanges[].kind is edit, remove, add or reorder', {
    ...base(),
    authorChanges: [{ kind: 'rename', index: 0 }],
    proposedAuthors: detected.authors,
  }),

  bad(
    'an ORCID iD with a wrong check digit',
    'an ORCID iD passes ISO 7064 MOD 11-2',
    addAuthor({ name: 'Emmy Noether', orcid: '0000-0002-1825-0098' }),
    'orcid-check-digit',
  ),
  bad(
    '`to` equal to `from`',
    'changes[].to differs from changes[].from',
    withChange({ field: 'title', from: detected.title, to: detected.title }),
    'to-differs-from-from',
  ),
  bad('an https: pageUrl with no host', 'pageUrl is a web address', { ...base(), pageUrl: 'https://' }, 'url-parses'),
];
