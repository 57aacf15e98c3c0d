import { describe, expect, it } from 'vitest';
import { parseAuthorName } from '../../../lib/extract/authors';
import type { Candidate } from '../../../lib/extract/candidate';
import { markShown, mergeCandidates, mergePaper } from '../../../lib/extract/merge';
import { emptyMetadata } from '../../../lib/extract/metadata';
import type { DetectedPaper } from '../../../lib/extract/types';

const URL_ = 'https://example.org/a';

describe('mergeCandidates', () => {
  it('takes each field from the highest source that has it, and records the source', () => {
    const merged = mergeCandidates(
      [
        { source: 'open-graph', fields: { title: 'OG title', abstract: 'OG abstract' } },
        { source: 'dublin-core', fields: { title: 'DC title', venue: 'DC venue' } },
        { source: 'highwire', fields: { title: 'HW title' } },
        { source: 'url', fields: { doi: '10.1/url' } },
      ],
      URL_,
      'generic',
    );
    expect(merged).toMatchObject({ title: 'HW title', venue: 'DC venue', abstract: 'OG abstract', doi: '10.1/url' });
    expect(merged.sources).toEqual({ title: 'highwire', venue: 'dublin-core', abstract: 'open-graph', doi: 'url' });
    expect(merged.conflicts).toEqual([]);
  });

  it('prefers the visible title over stale tags and records the conflict', () => {
    const merged = mergeCandidates(
      [
        { source: 'highwire', fields: { title: 'The previous paper' } },
        { source: 'visible', fields: { title: 'The paper on screen' } },
      ],
      URL_,
      'generic',
    );
    expect(merged.title).toBe('The paper on screen');
    expect(merged.sources.title).toBe('visible');
    expect(merged.conflicts).toEqual([
      {
        field: 'title',
        chosen: 'The paper on screen',
        chosenSource: 'visible',
        other: 'The previous paper',
        otherSource: 'highwire',
      },
    ]);
  });

  it('keeps the embedded value, without conflict, when the page shows the same text', () => {
    const merged = mergeCandidates(
      [
        { source: 'highwire', fields: { title: 'Water on H2O-rich surfaces' } },
        { source: 'visible', fields: { title: 'Water on H2O‐rich  surfaces.' } },
      ],
      URL_,
      'generic',
    );
    expect(merged.sources.title).toBe('highwire');
    expect(merged.conflicts).toEqual([]);
  });

  it('prefers a visible abstract over a description tag, not over a dedicated abstract tag', () => {
    const visible: Candidate = { source: 'visible', fields: { abstract: 'The real abstract.' } };
    const teaser = mergeCandidates(
      [{ source: 'open-graph', abstractIsDescription: true, fields: { abstract: 'A teaser.' } }, visible],
      URL_,
      'generic',
    );
    expect(teaser.abstract).toBe('The real abstract.');
    expect(teaser.conflicts[0]).toMatchObject({ field: 'abstract', otherSource: 'open-graph' });
    const dedicated = mergeCandidates(
      [{ source: 'highwire', fields: { abstract: 'citation_abstract text.' } }, visible],
      URL_,
      'generic',
    );
    expect(dedicated.abstract).toBe('citation_abstract text.');
  });

  it('keeps the whole embedded author list when the page shows a collapsed one', () => {
    const full = ['A One', 'B Two', 'C Three'].map(parseAuthorName);
    const merged = mergeCandidates(
      [
        { source: 'highwire', fields: { authors: full } },
        { source: 'visible', fields: { authors: [full[0]!, full[2]!] } },
      ],
      URL_,
      'generic',
    );
    expect(merged.authors.map((a) => a.name)).toEqual(['A One', 'B Two', 'C Three']);
  });

  it('never chooses a placeholder date while a plausible one exists, and says so', () => {
    const merged = mergeCandidates(
      [
        { source: 'highwire', fields: { date: '1970-01-01', year: 1970 } },
        { source: 'dublin-core', fields: { date: '2020-03-27', year: 2020 } },
      ],
      URL_,
      'generic',
    );
    expect(merged).toMatchObject({ date: '2020-03-27', year: 2020 });
    expect(merged.sources.date).toBe('dublin-core');
    expect(merged.conflicts).toEqual([
      {
        field: 'date',
        chosen: '2020-03-27',
        chosenSource: 'dublin-core',
        other: '1970-01-01',
        otherSource: 'highwire',
      },
    ]);
  });

  it('does not call a coarser date a conflict', () => {
    const merged = mergeCandidates(
      [
        { source: 'highwire', fields: { date: '2019', year: 2019 } },
        { source: 'visible', fields: { date: '2019-03-05', year: 2019 } },
      ],
      URL_,
      'generic',
    );
    expect(merged.date).toBe('2019');
    expect(merged.conflicts).toEqual([]);
  });
});

describe('mergePaper', () => {
  const base = (): DetectedPaper => {
    const metadata = { ...emptyMetadata(URL_, 'generic'), title: 'Meta title', doi: '10.1/x' };
    metadata.sources = { title: 'highwire', doi: 'highwire' };
    const title = document.createElement('h1');
    document.body.append(title);
    const anchors = { fields: { title }, authors: [] };
    markShown(metadata, anchors);
    return { metadata, anchors };
  };

  it('lets a site adapter override fields, recording its source and the disagreement', () => {
    const patched = mergePaper(base(), { title: 'Site title', venue: 'Site venue' }, 'site');
    expect(patched.metadata).toMatchObject({ title: 'Site title', venue: 'Site venue', doi: '10.1/x' });
    expect(patched.metadata.sources).toEqual({ title: 'site', venue: 'site', doi: 'highwire' });
    expect(patched.metadata.conflicts).toEqual([
      { field: 'title', chosen: 'Site title', chosenSource: 'site', other: 'Meta title', otherSource: 'highwire' },
    ]);
  });

  it('adds anchors and lists the shown fields, and clears a field set to null', () => {
    const original = base();
    const venue = document.createElement('span');
    const author = document.createElement('span');
    const patched = mergePaper(
      original,
      { venue: 'V', doi: null, authors: [parseAuthorName('Ada Lovelace')] },
      'site',
      { fields: { venue }, authors: [author] },
    );
    expect(patched.anchors.fields).toEqual({ title: original.anchors.fields.title, venue });
    expect(patched.metadata.shown).toEqual(['title', 'venue', 'authors']);
    expect(patched.metadata.doi).toBeNull();
    expect(patched.metadata.sources.doi).toBeUndefined();
    expect(original.metadata.venue).toBeNull(); // the base paper is not changed
  });

  it('drops the control of a field patched to null, empty text or no authors', () => {
    const original = base();
    const abstract = document.createElement('section');
    const doi = document.createElement('a');
    const author = document.createElement('span');
    original.metadata.abstract = 'A teaser the page does not show as the abstract.';
    original.metadata.authors = [parseAuthorName('Ada Lovelace')];
    original.anchors = { fields: { ...original.anchors.fields, abstract, doi }, authors: [author] };
    markShown(original.metadata, original.anchors);
    expect(original.metadata.shown).toEqual(['title', 'abstract', 'doi', 'authors']);

    const patched = mergePaper(original, { abstract: null, doi: '', authors: [] }, 'site');

    expect(patched.metadata).toMatchObject({ abstract: null, doi: null, authors: [] });
    expect(patched.anchors.fields).toEqual({ title: original.anchors.fields.title });
    expect(patched.anchors.authors).toEqual([]);
    expect(patched.metadata.shown).toEqual(['title']);
  });
});
