import { describe, expect, it } from 'vitest';
import { readBepress } from '../../../lib/extract/bepress';
import { normaliseLanguage, pageRange } from '../../../lib/extract/bibliographic';
import { readCoins } from '../../../lib/extract/coins';
import { readDublinCore } from '../../../lib/extract/dublin-core';
import { readEprints } from '../../../lib/extract/eprints';
import { readHighwire } from '../../../lib/extract/highwire';
import { readJsonLd } from '../../../lib/extract/json-ld';
import { readPrism } from '../../../lib/extract/prism';
import { detectPapers } from '../../../lib/sites/detect';
import { page } from './page';

const meta = (tags: Record<string, string>) =>
  page(
    Object.entries(tags)
      .map(([name, content]) => `<meta name="${name}" content="${content}">`)
      .join('\n'),
  );

const EXPECTED = { volume: '12', issue: '3', pages: '123–130', publisher: 'Example Press', language: 'en' };
const { language: _language, ...WITHOUT_LANGUAGE } = EXPECTED;

describe('volume, issue, pages, publisher and language', () => {
  it('reads them from citation_* tags, with each author’s email', () => {
    const doc = meta({
      citation_title: 'A paper',
      citation_author: 'Ada Lovelace',
      citation_author_email: 'mailto:ada@example.org',
      citation_volume: '12',
      citation_issue: '3',
      citation_firstpage: '123',
      citation_lastpage: '130',
      citation_publisher: 'Example Press',
      citation_language: 'EN',
    });
    const { fields } = readHighwire(doc);
    expect(fields).toMatchObject(EXPECTED);
    expect(fields.authors?.[0]).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
  });

  it('reads them from Dublin Core, as Open Journal Systems writes it', () => {
    const doc = meta({
      'DC.Citation.Volume': '12',
      'DC.Citation.Issue': '3',
      'DC.Citation.SPage': '123',
      'DC.Citation.EPage': '130',
      'DC.Publisher': 'Example Press',
      'DC.Language': 'en',
    });
    expect(readDublinCore(doc).fields).toMatchObject(EXPECTED);
  });

  it('reads them from PRISM, EPrints and bepress tags', () => {
    expect(
      readPrism(
        meta({
          'prism.volume': '12',
          'prism.number': '3',
          'prism.startingPage': '123',
          'prism.endingPage': '130',
          'prism.publisher': 'Example Press',
        }),
      ).fields,
    ).toEqual(expect.objectContaining(WITHOUT_LANGUAGE));
    expect(
      readEprints(
        meta({
          'eprints.volume': '12',
          'eprints.number': '3',
          'eprints.pagerange': '123-130',
          'eprints.publisher': 'Example Press',
        }),
      ).fields,
    ).toEqual(expect.objectContaining(WITHOUT_LANGUAGE));
    expect(
      readBepress(
        meta({
          bepress_citation_volume: '12',
          bepress_citation_issue: '3',
          bepress_citation_firstpage: '123',
          bepress_citation_lastpage: '130',
          bepress_citation_publisher: 'Example Press',
        }),
      ).fields,
    ).toEqual(expect.objectContaining(WITHOUT_LANGUAGE));
  });

  it('reads them from JSON-LD: issue and volume up the isPartOf chain, numbers as text', () => {
    const doc = page(
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'ScholarlyArticle',
        name: 'A paper',
        pageStart: 123,
        pageEnd: '130',
        publisher: { '@type': 'Organization', name: 'Example Press' },
        inLanguage: 'en',
        isPartOf: {
          '@type': 'PublicationIssue',
          issueNumber: '3',
          isPartOf: { '@type': 'PublicationVolume', volumeNumber: 12, isPartOf: { '@type': 'Periodical', name: 'J' } },
        },
      })}</script>`,
    );
    expect(readJsonLd(doc).fields).toMatchObject({ ...EXPECTED, venue: 'J' });
  });

  it('reads them from COinS', () => {
    const title =
      'ctx_ver=Z39.88-2004&rft.atitle=A%20paper&rft.volume=12&rft.issue=3&rft.spage=123&rft.epage=130&rft.pub=Example%20Press&rft.language=en';
    expect(readCoins(page(`<span class="Z3988" title="${title}"></span>`)).fields).toMatchObject(EXPECTED);
  });

  it('carries them into the detected paper, with where each came from', () => {
    const doc = meta({
      citation_title: 'A paper on volumes',
      citation_author: 'Ada Lovelace',
      citation_doi: '10.1234/vol.12',
      citation_volume: '12',
      citation_issue: '3',
      citation_firstpage: '123',
      citation_lastpage: '130',
      citation_publisher: 'Example Press',
      'DC.Publisher': 'Other Press',
    });
    const [paper] = detectPapers(doc, new URL('https://journal.example.org/articles/1')).papers;
    expect(paper?.metadata).toMatchObject({ volume: '12', issue: '3', pages: '123–130', publisher: 'Example Press' });
    expect(paper?.metadata.sources).toMatchObject({ volume: 'highwire', publisher: 'highwire' });
  });

  it('leaves out a value too long to be that field (a hostile page)', () => {
    const { fields } = readHighwire(meta({ citation_title: 'A', citation_volume: 'x'.repeat(5000) }));
    expect(fields.volume).toBeUndefined();
  });
});

describe('pageRange and normaliseLanguage', () => {
  it('writes a page range with an en dash whatever dash the page used', () => {
    expect(pageRange('123', '130')).toBe('123–130');
    expect(pageRange('e1002345', 'e1002345')).toBe('e1002345');
    expect(pageRange(null, null, '123 - 130')).toBe('123–130');
    expect(pageRange(null, null, '123—130')).toBe('123–130');
    expect(pageRange(null, null, null)).toBeNull();
  });

  it('puts language codes in their usual case and keeps names', () => {
    expect(normaliseLanguage('EN')).toBe('en');
    expect(normaliseLanguage('pt_br')).toBe('pt-BR');
    expect(normaliseLanguage('zh-Hant')).toBe('zh-Hant');
    expect(normaliseLanguage('English')).toBe('English');
    expect(normaliseLanguage('  ')).toBeNull();
  });
});
