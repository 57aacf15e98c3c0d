// Merging what the readers found into one paper.
//
// PRECEDENCE, highest first, field by field:
//   1. site        a site adapter's own reading (mergePaper), which knows the page's quirks;
//   2. highwire    citation_* tags: written for Google Scholar, the most complete and checked;
//   3. json-ld     schema.org ScholarlyArticle and kin;
//   4. dublin-core DC.* / dc.* / DCTERMS.*;
//   5. prism, eprints, bepress   publisher vocabularies of the same kind;
//   6. coins       span.Z3988 OpenURL context objects;
//   7. open-graph  og:* and article:*: written for link previews, descriptions are often teasers;
//   8. url         identifiers in the page address;
//   9. text        identifiers found by scanning the visible text.
// The visible page ('visible') sits apart: it fills any field no embedded source gives, and a
// value a reader sees overrides a disagreeing embedded one, recorded in `conflicts`:
//   - title: when the page shows the embedded title nowhere and its heading is marked up as
//     the title (stale tags after in-app navigation; decided in embedded.ts, which drops a
//     weak heading before merging);
//   - abstract: only over a description tag (dc.description, og:description: often a teaser),
//     never over a dedicated abstract tag (citation_abstract, dcterms.abstract);
//   - authors: only when the page lists as many people (pages collapse long lists);
//   - pdfUrl: never (a "PDF" button fills a missing one; embedded.ts drops it otherwise).
// Dates that cannot be true (1970-01-01, the future) are never chosen while a plausible one
// exists; passing them over is recorded as a conflict too.
import { CORRECTABLE_FIELDS, type CorrectableField, type MetadataSource, type ScalarField } from '../schema/fields';
import type { Author, FieldConflict, PaperMetadata } from '../schema/paper';
import { sameAuthors } from './authors';
import type { Candidate, PaperFields } from './candidate';
import { isPlaceholderDate } from './dates';
import { emptyMetadata } from './metadata';
import { comparisonKey, comparisonKeyStart } from './text';
import type { DetectedPaper, FieldAnchors } from './types';

/** Embedded sources in precedence order (see above). */
export const EMBEDDED_PRECEDENCE: readonly MetadataSource[] = [
  'site',
  'highwire',
  'json-ld',
  'dublin-core',
  'prism',
  'eprints',
  'bepress',
  'coins',
  'open-graph',
  'url',
  'text',
];

type FieldName = keyof PaperFields;
const FIELD_NAMES: readonly FieldName[] = [
  'title',
  'authors',
  'abstract',
  'date',
  'year',
  'doi',
  'arxivId',
  'pmid',
  'venue',
  'volume',
  'issue',
  'pages',
  'publisher',
  'language',
  'pdfUrl',
];

/** Merges candidates by precedence, letting `visible` override disagreeing embedded values. */
export function mergeCandidates(candidates: readonly Candidate[], url: string, site: string): PaperMetadata {
  const metadata = emptyMetadata(url, site);
  const ranked = [...candidates]
    .filter((c) => c.source !== 'visible')
    .sort((a, b) => EMBEDDED_PRECEDENCE.indexOf(a.source) - EMBEDDED_PRECEDENCE.indexOf(b.source));
  const visible = candidates.find((c) => c.source === 'visible');
  for (const field of FIELD_NAMES) {
    if (field === 'year' || field === 'date') continue;
    const embedded = ranked.find((c) => c.fields[field] !== undefined);
    const seen = visible?.fields[field];
    const chosen = chooseField(field, embedded, seen === undefined ? undefined : visible);
    if (!chosen) continue;
    setField(metadata, field, chosen.fields[field]);
    metadata.sources[field] = chosen.source;
    // chooseField passes over the embedded value only when the page's disagrees with it.
    if (embedded && chosen !== embedded) addConflict(metadata, field, chosen, embedded);
  }
  mergeDate(metadata, ranked, visible);
  return metadata;
}

function chooseField(field: FieldName, embedded: Candidate | undefined, visible: Candidate | undefined) {
  if (!visible) return embedded;
  if (!embedded) return visible;
  if (agree(field, embedded.fields[field], visible.fields[field])) {
    // Same value: keep the embedded one (complete, with given/family and affiliations).
    return embedded;
  }
  // Names: embedded lists are whole (affiliations, ORCID) while a page may collapse them
  // ("+6 authors"); the visible list wins only when it names the same number of people.
  if (field === 'authors') {
    const seen = visible.fields.authors ?? [];
    return seen.length === (embedded.fields.authors ?? []).length ? visible : embedded;
  }
  // A dedicated abstract tag (citation_abstract, dcterms.abstract) is kept over a box the
  // page classes "abstract"; a description tag is often a teaser, and what the page shows wins.
  if (field === 'abstract' && !embedded.abstractIsDescription) return embedded;
  return visible;
}

function agree(field: FieldName, a: unknown, b: unknown): boolean {
  if (field === 'authors') return sameAuthors(a as Author[], b as Author[]);
  if (typeof a === 'string' && typeof b === 'string') {
    // Abstracts agree when their keys open alike, or one key begins the other: both are told by
    // the keys' first 200 characters (one a prefix of the other), so only those are made.
    if (field === 'abstract') {
      const ka = comparisonKeyStart(a, 200);
      const kb = comparisonKeyStart(b, 200);
      return ka.startsWith(kb) || kb.startsWith(ka);
    }
    if (field === 'pdfUrl') return a.replace(/^https?:/, '') === b.replace(/^https?:/, '');
    return comparisonKey(a) === comparisonKey(b);
  }
  return a === b;
}

function mergeDate(metadata: PaperMetadata, ranked: readonly Candidate[], visible: Candidate | undefined): void {
  const dated = ranked.filter((c) => c.fields.date || c.fields.year);
  const plausible = dated.find((c) => !isPlaceholderDate(c.fields.date ?? String(c.fields.year)));
  let chosen = plausible;
  const seen = visible?.fields.date ?? (visible?.fields.year ? String(visible.fields.year) : undefined);
  if (visible && seen && !isPlaceholderDate(seen)) {
    if (!plausible || !dateAgrees(seen, plausible.fields.date ?? String(plausible.fields.year))) chosen = visible;
  }
  const passedOver = dated[0];
  if (!chosen) return;
  metadata.date = chosen.fields.date ?? null;
  metadata.year = chosen.fields.year ?? (chosen.fields.date ? Number(chosen.fields.date.slice(0, 4)) : null);
  metadata.sources.date = chosen.source;
  metadata.sources.year = chosen.source;
  if (passedOver && passedOver !== chosen) {
    const other = passedOver.fields.date ?? String(passedOver.fields.year);
    if (!dateAgrees(metadata.date ?? String(metadata.year), other)) addConflict(metadata, 'date', chosen, passedOver);
  }
}

/** One date is the other at a coarser precision ("2019" and "2019-03-05"). */
function dateAgrees(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

function isEmpty(value: unknown): boolean {
  return value == null || value === '' || (Array.isArray(value) && value.length === 0);
}

function setField(metadata: PaperMetadata, field: FieldName, value: unknown): void {
  (metadata as Record<FieldName, unknown>)[field] = value;
}

function addConflict(metadata: PaperMetadata, field: CorrectableField, chosen: Candidate, other: Candidate): void {
  if (metadata.conflicts.length >= 100) return;
  const chosenValue = describe(field === 'date' ? (chosen.fields.date ?? chosen.fields.year) : chosen.fields[field]);
  const otherValue = describe(field === 'date' ? (other.fields.date ?? other.fields.year) : other.fields[field]);
  metadata.conflicts.push({
    field,
    chosen: chosenValue,
    chosenSource: chosen.source,
    other: otherValue,
    otherSource: other.source,
  } satisfies FieldConflict);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return (value as Author[]).map((a) => a.name).join('; ');
  return value == null ? '' : String(value);
}

/** Lists as shown every field that has a value and an anchor, in the order of the correctable fields. */
export function markShown(metadata: PaperMetadata, anchors: FieldAnchors): void {
  const shown = new Set<string>(Object.keys(anchors.fields));
  if (anchors.authors.some(Boolean)) shown.add('authors');
  metadata.shown = CORRECTABLE_FIELDS.filter((field) => {
    const value = metadata[field];
    return shown.has(field) && value != null && !(Array.isArray(value) && value.length === 0);
  });
}

/**
 * A site adapter's correction of a detected paper: `patch` overrides fields, each recorded as
 * coming from `source`; `anchors` override or add where those fields are shown. A patched field
 * that disagreed with the previous value is recorded in `conflicts`. A field patched to null,
 * '' or [] is absent: it loses its source, its anchor and its place in `shown`.
 */
export function mergePaper(
  base: DetectedPaper,
  patch: Partial<PaperMetadata>,
  source: MetadataSource,
  anchors: Partial<FieldAnchors> = {},
): DetectedPaper {
  const metadata: PaperMetadata = {
    ...base.metadata,
    sources: { ...base.metadata.sources },
    conflicts: [...base.metadata.conflicts],
  };
  const cleared: FieldName[] = [];
  const changed: FieldName[] = [];
  for (const field of FIELD_NAMES) {
    if (!(field in patch)) continue;
    const value = patch[field];
    const previous = metadata[field];
    const previousSource = metadata.sources[field];
    if (isEmpty(value)) {
      setField(metadata, field, field === 'authors' ? [] : null);
      delete metadata.sources[field];
      cleared.push(field);
      continue;
    }
    setField(metadata, field, value);
    metadata.sources[field] = source;
    if (!isEmpty(previous) && !agree(field, previous, value)) changed.push(field);
    if (!isEmpty(previous) && previousSource && previousSource !== source && !agree(field, previous, value)) {
      addConflict(
        metadata,
        field,
        { source, fields: { [field]: value } },
        { source: previousSource, fields: { [field]: previous } },
      );
    }
  }
  for (const key of ['url', 'site'] as const) if (patch[key] !== undefined) metadata[key] = patch[key];
  const merged: FieldAnchors = {
    fields: { ...base.anchors.fields, ...anchors.fields },
    authors: anchors.authors ?? base.anchors.authors,
  };
  // A field the site says the page does not have has no place for a control either, and an
  // anchor found for the value a site replaced shows that old value: the control would offer a
  // value other than the form's. Left for the site's own anchor or a new search (read-page.ts).
  for (const field of cleared) delete merged.fields[field];
  for (const field of changed) if (!anchors.fields?.[field as ScalarField]) delete merged.fields[field];
  if (cleared.includes('authors') || (changed.includes('authors') && !anchors.authors)) merged.authors = [];
  markShown(metadata, merged);
  return { ...base, metadata, anchors: merged };
}
