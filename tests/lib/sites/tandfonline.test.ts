import { describe, expect, it } from 'vitest';
import { tandfonline } from '../../../lib/sites/tandfonline';
import { loadSiteFixture } from './fixture-page';

describe('tandfonline', () => {
  it('matches T&F article pages, not other sites', () => {
    expect(tandfonline.matches(new URL('https://www.tandfonline.com/doi/full/10.1080/00268976.2013.788745'))).toBe(
      true,
    );
    expect(tandfonline.matches(new URL('https://www.tandfonline.com/doi/abs/10.1080/23311932.2015.1117749'))).toBe(
      true,
    );
    expect(tandfonline.matches(new URL('https://www.tandfonline.com/doi/10.1080/23311932.2015.1117749'))).toBe(true);
    expect(tandfonline.matches(new URL('https://www.tandfonline.com/toc/oafa20/current'))).toBe(false);
    expect(tandfonline.matches(new URL('https://onlinelibrary.wiley.com/doi/abs/10.1002/andp.19263851302'))).toBe(
      false,
    );
    expect(tandfonline.matches(new URL('https://www.taylorfrancis.com/books/mono/10.4324/9780203'))).toBe(false);
  });

  it('reads the authors without the reviewing editor, and the whole abstract', () => {
    const { doc, url } = loadSiteFixture('tandfonline', 'article');
    expect(tandfonline.detect(doc, url)).toBe('paper');
    const [paper] = tandfonline.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Bioplastics and food packaging: A review');
    expect(m?.authors.map((a) => a.name)).toEqual(['Nafisa Jabeen', 'Ishrat Majid', 'Gulzar Ahmad Nayik']);
    expect(m?.authors[2]?.affiliations).toEqual([
      'Department of Food Engineering & Technology, SLIET, Longowal 148106, Punjab, India',
    ]);
    expect(m?.abstract).toMatch(/^Food packaging as a vital part.*came into existence\.$/);
    expect(m?.date).toBe('2015-12-14');
    expect(m?.doi).toBe('10.1080/23311932.2015.1117749');
    expect(m?.venue).toBe('Cogent Food & Agriculture');
    expect(m?.pdfUrl).toBe('https://www.tandfonline.com/doi/pdf/10.1080/23311932.2015.1117749?needAccess=true');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe('Bioplastics and food packaging: A review');
    expect(anchors?.authors).toHaveLength(3);
    expect(anchors?.authors[0]?.textContent).toMatch(/^Nafisa Jabeen/);
    expect(anchors?.fields.date?.textContent).toBe('Published online: 14 Dec 2015');
    expect(anchors?.fields.venue?.textContent).toBe('Cogent Food & Agriculture');
    expect(anchors?.fields.doi?.textContent).toContain('10.1080/23311932.2015.1117749');
  });

  it('gives no paper on a Cloudflare challenge page served at the article address', () => {
    const { doc, url } = loadSiteFixture('tandfonline', 'cloudflare-challenge');
    expect(tandfonline.matches(url)).toBe(true);
    expect(tandfonline.detect(doc, url)).toBeNull();
    expect(tandfonline.read(doc, url)).toEqual([]);
  });
});
