import { describe, expect, it } from 'vitest';
import { mdpi } from '../../../lib/sites/mdpi';
import { loadSiteFixture } from './fixture-page';

const TITLE = 'Volatile Metabolite Profiling of Durum Wheat Kernels Contaminated by Fusarium poae';
const AUTHORS = [
  'Barbara Laddomada',
  'Laura Del Coco',
  'Miriana Durante',
  'Dominique S. Presicce',
  'Pietro A. Siciliano',
  'Francesco P. Fanizzi',
  'Antonio F. Logrieco',
];

describe('mdpi', () => {
  it('matches MDPI article and issue pages, not journal home pages or other sites', () => {
    expect(mdpi.matches(new URL('https://www.mdpi.com/2218-1989/4/4/932'))).toBe(true);
    expect(mdpi.matches(new URL('http://www.mdpi.com/2218-1989/4/4/932/htm'))).toBe(true);
    expect(mdpi.matches(new URL('https://www.mdpi.com/1424-8220/20/3/X'))).toBe(false);
    expect(mdpi.matches(new URL('https://www.mdpi.com/2218-1989/4/4'))).toBe(true);
    expect(mdpi.matches(new URL('https://www.mdpi.com/journal/metabolites'))).toBe(false);
    expect(mdpi.matches(new URL('https://www.frontiersin.org/articles/10.3389/fpls.2016.01419/full'))).toBe(false);
    expect(mdpi.matches(new URL('https://www.mdpi.com/2218-1989/4/4/932/pdf'))).toBe(false);
  });

  it('reads the byline with middle initials, affiliations by number and the ORCID', () => {
    const { doc, url } = loadSiteFixture('mdpi', 'article');
    expect(mdpi.detect(doc, url)).toBe('paper');
    const [paper] = mdpi.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe(TITLE);
    expect(m?.authors.map((a) => a.name)).toEqual(AUTHORS);
    expect(m?.authors[0]?.orcid).toBe('0000-0002-8425-3414');
    expect(m?.authors[0]?.affiliations).toEqual([
      'Institute of Sciences of Food Production (ISPA), National Research Council (CNR), 73100 Lecce, Italy',
    ]);
    expect(m?.authors[6]?.affiliations).toEqual([
      'Institute of Sciences of Food Production (ISPA), National Research Council (CNR), 70126 Bari, Italy',
    ]);
    // Published 17 October; citation_publication_date gives only the issue month.
    expect(m?.date).toBe('2014-10-17');
    expect(m?.abstract).toMatch(/^Volatile metabolites from mold contamination.*Fusarium poae was studied\.$/);
    expect(m?.doi).toBe('10.3390/metabo4040932');
    expect(m?.venue).toBe('Metabolites');
    expect(m?.pdfUrl).toBe('https://www.mdpi.com/2218-1989/4/4/932/pdf?version=1413534546');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe(TITLE);
    expect(anchors?.authors.map((el) => el?.textContent)).toEqual(AUTHORS);
    expect(anchors?.fields.date?.textContent).toBe('Published: 17 October 2014');
    expect(anchors?.fields.venue?.textContent).toBe('Metabolites');
    expect(anchors?.fields.doi?.textContent).toContain('10.3390/metabo4040932');
    expect(anchors?.fields.pdfUrl?.textContent).toBe('Download PDF');
  });

  it('reads an issue table of contents as a list', () => {
    const { doc, url } = loadSiteFixture('mdpi', 'issue');
    expect(mdpi.detect(doc, url)).toBe('list');
    const papers = mdpi.read(doc, url);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.metadata).toMatchObject({
      title: TITLE,
      doi: '10.3390/metabo4040932',
      venue: 'Metabolites',
      date: '2014-10-17',
      url: 'https://www.mdpi.com/2218-1989/4/4/932',
    });
    expect(papers[0]?.metadata.authors.map((a) => a.name)).toEqual(AUTHORS);
    expect(papers[0]?.anchors.authors).toHaveLength(7);
    expect(papers[0]?.entry?.contains(papers[0].anchors.fields.title ?? null)).toBe(true);
  });
});
