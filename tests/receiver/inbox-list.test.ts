// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Correction } from '../../lib/schema/correction';
import { forEachDatabase } from './databases';
import { postJson, startReceiverForTest, type TestReceiver } from './harness';
import { type Curator, signIn } from './inbox-client';
import { sampleCorrection, samplePaper } from './sample-correction';

// The inbox's list over more than one page: newest first, each filter, title search, paging.

const CURATOR_TOKEN = 'curator-list-token';
const COUNT = 63;

/** Correction n: sites and DOIs in turn, one title in ten about "tides (50% off)". */
function correctionNumber(n: number): Correction {
  const site = ['arxiv', 'acl-anthology', 'pubmed'][n % 3]!;
  const title = n % 10 === 0 ? `Tides ${n} (50% off)` : `Paper number ${n}`;
  const detected = samplePaper({ title, site });
  const doi = n % 7 === 0 ? `10.5555/Paper.${n}` : null;
  return sampleCorrection({
    detected,
    paper: { title, doi, arxivId: null, pmid: null, url: detected.url },
    changes: [{ field: 'title', from: title, to: `${title} corrected` }],
  });
}

forEachDatabase((database) => {
  describe('the inbox list', () => {
    let receiver: TestReceiver;
    let curator: Curator;
    const sent: Correction[] = [];

    beforeAll(async () => {
      receiver = await startReceiverForTest({ database, curatorToken: CURATOR_TOKEN });
      for (let n = 0; n < COUNT; n += 1) {
        const correction = correctionNumber(n);
        sent.push(correction);
        expect((await postJson(receiver.endpoint, correction)).status).toBe(201);
      }
      await receiver.review(sent[5]!.id, { state: 'rejected', note: 'Not an error', actor: 'c' });
      await receiver.review(sent[40]!.id, { state: 'rejected', actor: 'c' });
      curator = await signIn(receiver.url.replace(/\/$/, ''), CURATOR_TOKEN);
    }, 120_000);
    afterAll(() => receiver?.dispose());

    /** The titles a list page shows, in order, and the address of its next page. */
    async function listed(path: string): Promise<{ titles: string[]; next: string | null }> {
      const doc = await curator.page(path);
      const titles = [...doc.querySelectorAll('tbody tr td:nth-child(2) a')].map((a) => a.textContent ?? '');
      return { titles, next: doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? null };
    }
    const titlesOf = (numbers: number[]) => numbers.map((n) => sent[n]!.paper.title);
    const newestFirst = (keep: (n: number) => boolean) => titlesOf([...Array(COUNT).keys()].filter(keep).reverse());

    it('shows everything newest first, a page at a time, each correction once', async () => {
      const first = await listed('/inbox');
      expect(first.titles).toHaveLength(50);
      expect(first.next).not.toBeNull();
      const second = await listed(first.next!);
      expect(second.next).toBeNull();
      expect([...first.titles, ...second.titles]).toEqual(newestFirst(() => true));
    });

    it('filters by state, site and DOI (in any case)', async () => {
      expect((await listed('/inbox?state=rejected')).titles).toEqual(titlesOf([40, 5]));
      const pubmed = await listed('/inbox?site=pubmed');
      expect(pubmed.titles).toEqual(newestFirst((n) => n % 3 === 2));
      expect((await listed('/inbox?doi=10.5555%2Fpaper.14')).titles).toEqual(titlesOf([14]));
      expect((await listed('/inbox?state=received&site=arxiv')).titles).toEqual(
        newestFirst((n) => n % 3 === 0 && n !== 5 && n !== 40),
      );
    });

    it('searches titles, with % and _ taken as letters, and keeps the filter on the next page', async () => {
      expect((await listed('/inbox?title=tides')).titles).toEqual(newestFirst((n) => n % 10 === 0));
      expect((await listed('/inbox?title=50%25+off')).titles).toEqual(newestFirst((n) => n % 10 === 0));
      expect((await listed('/inbox?title=5_%25')).titles).toEqual([]);
      const numbered = await listed('/inbox?title=paper+number');
      expect(numbered.next).toContain('title=paper+number');
      const rest = await listed(numbered.next!);
      const newest = (await curator.page(numbered.next!)).querySelector('nav a:not([rel])')?.getAttribute('href');
      expect(newest).toBe('/inbox?title=paper+number');
      expect([...numbered.titles, ...rest.titles]).toEqual(newestFirst((n) => n % 10 !== 0));
    });

    it('says so when nothing matches, and ignores a cursor it did not make', async () => {
      const doc = await curator.page('/inbox?site=nowhere');
      expect(doc.body.textContent).toContain('No corrections match.');
      expect((await listed('/inbox?after=bm90LWEtY3Vyc29y')).titles).toHaveLength(50);
    });
  });
});
