import { aclAnthology } from './acl-anthology';
import { acm } from './acm';
import { apa } from './apa';
import { arxiv } from './arxiv';
import { biorxiv } from './biorxiv';
import { cinii } from './cinii';
import { dblp } from './dblp';
import { elife } from './elife';
import { europepmc } from './europepmc';
import { frontiers } from './frontiers';
import { googleScholar } from './google-scholar';
import { huggingface } from './huggingface';
import { ieee } from './ieee';
import { jstage } from './jstage';
import { mdpi } from './mdpi';
import { nature } from './nature';
import { openreview } from './openreview';
import { peerj } from './peerj';
import { plos } from './plos';
import { pmc } from './pmc';
import { pubmed } from './pubmed';
import { researchmap } from './researchmap';
import { sciencedirect } from './sciencedirect';
import { semanticScholar } from './semantic-scholar';
import { springer } from './springer';
import { tandfonline } from './tandfonline';
import type { SiteAdapter } from './types';
import { wiley } from './wiley';

// Every site adapter, most specific first; the first whose matches(url) is true reads the page.
// Pages no adapter matches fall back to the generic readers (lib/sites/generic.ts).
// Adding a site: lib/sites/<id>.ts, one line here, tests/fixtures/sites/<id>/, README's table.
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  // Preprint servers, indexes and aggregators
  arxiv,
  biorxiv,
  pubmed,
  pmc,
  europepmc,
  semanticScholar,
  openreview,
  huggingface,
  aclAnthology,
  dblp,
  googleScholar,
  jstage,
  cinii,
  researchmap,
  // Publishers
  nature,
  springer,
  sciencedirect,
  ieee,
  acm,
  wiley,
  plos,
  frontiers,
  mdpi,
  tandfonline,
  elife,
  peerj,
  apa,
];
