import { describe, expect, it } from 'vitest';
import { elife } from '../../../lib/sites/elife';
import { loadSiteFixture } from './fixture-page';

describe('elife', () => {
  it('matches eLife articles and reviewed preprints, not other sites', () => {
    expect(elife.matches(new URL('https://elifesciences.org/articles/44753'))).toBe(true);
    expect(elife.matches(new URL('https://elifesciences.org/reviewed-preprints/88888'))).toBe(true);
    expect(elife.matches(new URL('https://elifesciences.org/subjects/neuroscience'))).toBe(false);
    expect(elife.matches(new URL('https://peerj.com/articles/4886/'))).toBe(false);
    expect(elife.matches(new URL('https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3'))).toBe(false);
  });

  it('reads the header, and no abstract where the section is empty (not the impact statement)', () => {
    const { doc, url } = loadSiteFixture('elife', 'article');
    expect(elife.detect(doc, url)).toBe('paper');
    const [paper] = elife.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Parallel visual circuitry in a basal chordate');
    expect(m?.authors.map((a) => a.name)).toEqual([
      'Matthew J Kourakis',
      'Cezar Borba',
      'Angela Zhang',
      'Erin Newman-Smith',
      'Priscilla Salas',
      'B Manjunath',
      'William C Smith',
    ]);
    expect(m?.authors[5]?.affiliations).toEqual(['University of California, Santa Barbara, United States']);
    expect(m?.abstract).toBeNull();
    expect(m?.shown).not.toContain('abstract');
    expect(m?.date).toBe('2019-04-18');
    expect(m?.doi).toBe('10.7554/elife.44753');
    expect(m?.venue).toBe('eLife');
    expect(m?.pdfUrl).toMatch(/^https:\/\/elifesciences\.org\/download\/[A-Za-z0-9=]+\/elife-44753-v2\.pdf\?_hash=/);
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe('Parallel visual circuitry in a basal chordate');
    expect(anchors?.authors).toHaveLength(7);
    expect(anchors?.authors[6]?.textContent).toBe('William C Smith');
    expect(anchors?.fields.abstract).toBeUndefined();
    expect(anchors?.fields.date?.textContent).toBe('Apr 18, 2019');
    expect(anchors?.fields.pdfUrl?.textContent).toBe('Article PDF');
  });
});
