import { describe, expect, it } from 'vitest';
import { frontiers } from '../../../lib/sites/frontiers';
import { loadSiteFixture } from './fixture-page';

describe('frontiers', () => {
  it('matches Frontiers article pages in both URL forms, and search, not other sites', () => {
    expect(
      frontiers.matches(
        new URL('https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2014.00781/full'),
      ),
    ).toBe(true);
    expect(frontiers.matches(new URL('https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full'))).toBe(true);
    expect(frontiers.matches(new URL('https://www.frontiersin.org/search?query=x'))).toBe(true);
    expect(frontiers.matches(new URL('https://www.frontiersin.org/journals/psychology'))).toBe(false);
    expect(frontiers.matches(new URL('https://www.mdpi.com/2218-1989/4/4/932'))).toBe(false);
    expect(
      frontiers.matches(new URL('https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001')),
    ).toBe(false);
  });

  it('reads the header: names without markers, affiliations by number, the published date', () => {
    const { doc, url } = loadSiteFixture('frontiers', 'article');
    expect(frontiers.detect(doc, url)).toBe('paper');
    const [paper] = frontiers.read(doc, url);
    const m = paper?.metadata;
    expect(m?.title).toBe('Using Deep Learning for Image-Based Plant Disease Detection');
    expect(m?.authors.map((a) => a.name)).toEqual(['Sharada P. Mohanty', 'David P. Hughes', 'Marcel Salathé']);
    expect(m?.authors[1]?.affiliations).toEqual([
      'Department of Entomology, College of Agricultural Sciences, Penn State University, State College, PA, USA',
      'Department of Biology, Eberly College of Sciences, Penn State University, State College, PA, USA',
    ]);
    expect(m?.authors[2]?.affiliations).toHaveLength(3);
    // Published 22 September; citation_online_date (6 September) is the provisional acceptance.
    expect(m?.date).toBe('2016-09-22');
    expect(m?.abstract).toMatch(/^Crop diseases are a major threat.*26 diseases\.$/);
    expect(m?.doi).toBe('10.3389/fpls.2016.01419');
    expect(m?.venue).toBe('Frontiers in Plant Science');
    expect(m?.pdfUrl).toBe('https://www.frontiersin.org/journals/plant-science/articles/10.3389/fpls.2016.01419/pdf');
    const anchors = paper?.anchors;
    expect(anchors?.fields.title?.textContent).toBe('Using Deep Learning for Image-Based Plant Disease Detection');
    expect(anchors?.authors).toHaveLength(3);
    expect(anchors?.authors[2]?.textContent).toContain('Marcel Salathé');
    expect(anchors?.fields.date?.textContent).toBe(', 22 September 2016');
    expect(anchors?.fields.abstract?.textContent).toContain('Crop diseases');
    expect(anchors?.fields.abstract?.textContent).not.toContain('Modern technologies');
    expect(anchors?.fields.doi?.textContent).toContain('10.3389/fpls.2016.01419');
  });

  it('gives no paper on the search page', () => {
    const { doc, url } = loadSiteFixture('frontiers', 'search');
    expect(frontiers.detect(doc, url)).toBeNull();
    expect(frontiers.read(doc, url)).toEqual([]);
  });
});
