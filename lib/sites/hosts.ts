// Where each site adapter may apply, as manifest match patterns. Plain data with no adapter
// code: each site gets a content script of its own registered for these patterns (so a page
// loads one adapter, not all of them), and the content script for every other page excludes
// them. Patterns may be wider than the adapter's matches(url): a page it does not match falls
// back to the generic readers in the same script. tests/lib/sites/hosts.test.ts checks that
// every fixture URL is covered by its own site's patterns and by no other's.

const exactly = (host: string) => [`*://${host}/*`];
const withWww = (host: string) => [`*://${host}/*`, `*://www.${host}/*`];

// Google Scholar is served from many country domains; match patterns cannot wildcard a TLD.
const SCHOLAR_TLDS = [
  'com',
  'co.jp',
  'co.uk',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'ch',
  'se',
  'ca',
  'com.au',
  'com.br',
  'co.kr',
  'com.tw',
  'com.hk',
  'co.in',
  'ru',
  'pl',
  'cz',
  'at',
  'be',
  'dk',
  'fi',
  'no',
  'pt',
  'cn',
];

export const SITE_HOSTS = {
  arxiv: [...withWww('arxiv.org'), ...exactly('export.arxiv.org')],
  biorxiv: [
    ...withWww('biorxiv.org'),
    ...withWww('medrxiv.org'),
    ...exactly('connect.biorxiv.org'),
    ...exactly('connect.medrxiv.org'),
  ],
  pubmed: [...exactly('pubmed.ncbi.nlm.nih.gov'), '*://www.ncbi.nlm.nih.gov/pubmed*'],
  pmc: [...exactly('pmc.ncbi.nlm.nih.gov'), '*://www.ncbi.nlm.nih.gov/pmc/*', ...exactly('www.pubmedcentral.nih.gov')],
  europepmc: withWww('europepmc.org'),
  'semantic-scholar': withWww('semanticscholar.org'),
  openreview: withWww('openreview.net'),
  huggingface: ['*://huggingface.co/papers/*'],
  'acl-anthology': withWww('aclanthology.org'),
  dblp: [...withWww('dblp.org'), ...exactly('dblp.uni-trier.de'), ...exactly('dblp.dagstuhl.de')],
  'google-scholar': SCHOLAR_TLDS.map((tld) => `*://scholar.google.${tld}/*`),
  jstage: withWww('jstage.jst.go.jp'),
  cinii: [...exactly('cir.nii.ac.jp'), ...exactly('ci.nii.ac.jp')],
  researchmap: withWww('researchmap.jp'),
  nature: withWww('nature.com'),
  springer: [...exactly('link.springer.com'), ...exactly('rd.springer.com'), ...withWww('springerlink.com')],
  sciencedirect: withWww('sciencedirect.com'),
  ieee: exactly('ieeexplore.ieee.org'),
  acm: exactly('dl.acm.org'),
  wiley: ['*://onlinelibrary.wiley.com/*', '*://*.onlinelibrary.wiley.com/*'],
  plos: [
    ...exactly('journals.plos.org'),
    ...['plosone', 'plosbiology', 'plosmedicine', 'ploscompbiol', 'plosgenetics', 'plospathogens', 'plosntds'].map(
      (journal) => `*://www.${journal}.org/*`,
    ),
  ],
  frontiers: withWww('frontiersin.org'),
  mdpi: withWww('mdpi.com'),
  tandfonline: withWww('tandfonline.com'),
  elife: withWww('elifesciences.org'),
  peerj: withWww('peerj.com'),
  apa: exactly('psycnet.apa.org'),
} as const satisfies Record<string, readonly string[]>;

export type SiteId = keyof typeof SITE_HOSTS;

/** Every pattern of every site: the generic content script runs everywhere else. */
export const ALL_SITE_HOSTS: string[] = Object.values(SITE_HOSTS).flat();
