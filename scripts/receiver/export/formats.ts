import type { Correction } from '../../../lib/schema/correction';
import type { StoredCorrection } from '../store';
import { type AclProblem, aclAnthologyExport } from './acl-anthology';
import { cslJson } from './csl-json';
import { FLOWED_CONTENT_TYPE } from './flowed-text';
import { publisherMessage } from './publisher-message';

// The exports of one correction the inbox offers, each a download: /inbox/c/<id>/export/<format>.

export const EXPORT_FORMATS = ['acl-anthology', 'csl-json', 'publisher-message'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportResult =
  | { ok: true; body: string; contentType: string; filename: string }
  | { ok: false; problem: AclProblem };

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function exportCorrection(format: ExportFormat, correction: Correction, record: StoredCorrection): ExportResult {
  const base = `correction-${record.id}`;
  switch (format) {
    case 'acl-anthology': {
      const made = aclAnthologyExport(correction);
      if (!made.ok) return made;
      return {
        ok: true,
        body: `${JSON.stringify(made.json, null, 2)}\n`,
        contentType: 'application/json; charset=utf-8',
        filename: `${base}.acl-anthology.json`,
      };
    }
    case 'csl-json':
      // The media type CSL-JSON goes by in DOI content negotiation (citation.crosscite.org).
      return {
        ok: true,
        body: `${JSON.stringify(cslJson(correction), null, 2)}\n`,
        contentType: 'application/vnd.citationstyles.csl+json',
        filename: `${base}.csl.json`,
      };
    case 'publisher-message':
      return {
        ok: true,
        body: publisherMessage(correction, { receivedAt: record.receivedAt }),
        contentType: FLOWED_CONTENT_TYPE,
        filename: `${base}.txt`,
      };
  }
}
