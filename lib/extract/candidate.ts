// What each reader produces: the fields it found, tagged with where they came from.
import type { MetadataSource } from '../schema/fields';
import type { PaperMetadata } from '../schema/paper';

/** Fields a reader can contribute (everything but the bookkeeping of the merged record). */
export type PaperFields = Omit<PaperMetadata, 'url' | 'site' | 'sources' | 'shown' | 'conflicts'>;

/** One reader's view of the page. Fields it did not find are absent, not null. */
export interface Candidate {
  source: MetadataSource;
  fields: Partial<PaperFields>;
  /**
   * The abstract came from a general description field (dc.description, og:description,
   * JSON-LD description), which sites fill with teasers and summaries as often as with the
   * abstract: the abstract the page shows overrides it.
   */
  abstractIsDescription?: boolean;
}

/** Most authors read from one page (the schema's limit): a hostile page cannot make more. */
export const MAX_AUTHORS = 20_000;

/** Drops null, empty-string and empty-array values so a reader's silence is never a value. */
export function present(fields: Partial<PaperFields>): Partial<PaperFields> {
  const out: Partial<PaperFields> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
