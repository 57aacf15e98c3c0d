// Where extraction time goes, for `npm run bench`'s extraction measure: detectPapers run in
// Chromium on every corpus page as the benchmark runs it (a fresh page, one warm-up, 5 runs),
// under the CDP sampling profiler. Each page weighs the same (its share of its own time), since
// the target is the median page, not the slowest.
//   npx tsx scripts/bench/profile-extraction.ts [--page <name part>] [--only <name>,<name>…]
//     [--focus <function>,<function>…] [--rounds N]
// Prints per-page times, self time by function (native DOM calls named with their caller),
// inclusive time, and for each --focus function where its time went among its callees.
import { launchPlain, servePages } from './browsers';
import { benchPages, median } from './common';
import { detectorBundle, timeRuns } from './extraction';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const ROUNDS = Number(arg('--rounds') ?? 3);
const FOCUS = (arg('--focus') ?? 'extractEmbedded,findAnchors,readVisible').split(',');
const ONLY = arg('--only') ? new Set(arg('--only')!.split(',')) : undefined;

// Not minified, so that the profile names functions.
const script = await detectorBundle({ minify: false });
const pagePart = arg('--page');
const pages = benchPages().pages.filter((p) => (!pagePart || p.name.includes(pagePart)) && (!ONLY || ONLY.has(p.name)));
const context = await launchPlain();
const page = await context.newPage();
await servePages(context, pages);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const below = new Map<string, number>();
const perPage: { name: string; ms: number }[] = [];
const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
let weighed = 0;

for (let round = 0; round < ROUNDS; round++) {
  for (const saved of pages) {
    await page.goto(saved.url, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: script });
    await page.evaluate(timeRuns, 1);
    await cdp.send('Profiler.start');
    const times = await page.evaluate(timeRuns, 5);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (round === 0) perPage.push({ name: saved.name, ms: median(times) });

    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, ProfileNode>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
    const name = (n: ProfileNode) => n.callFrame.functionName || '(anonymous)';
    const pageSelf = new Map<string, number>();
    const pageInclusive = new Map<string, number>();
    const pageBelow = new Map<string, number>();
    let pageTotal = 0;
    profile.samples.forEach((id, i) => {
      const node = byId.get(id)!;
      if (['(idle)', '(program)', '(root)'].includes(node.callFrame.functionName)) return;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      pageTotal += dt;
      const caller = node.callFrame.url ? '' : ` <- ${parent.get(id) ? name(parent.get(id)!) : '?'}`;
      add(pageSelf, `${name(node)}${caller}`, dt);
      const seen = new Set<string>();
      let callee = '(self)';
      for (let n: ProfileNode | undefined = node; n; n = parent.get(n.id)) {
        if (!seen.has(name(n))) add(pageInclusive, name(n), dt);
        seen.add(name(n));
        if (FOCUS.includes(name(n))) add(pageBelow, `${name(n)} > ${callee}`, dt);
        callee = name(n);
      }
    });
    if (pageTotal === 0) continue;
    for (const [key, t] of pageSelf) add(self, key, t / pageTotal);
    for (const [key, t] of pageInclusive) add(inclusive, key, t / pageTotal);
    for (const [key, t] of pageBelow) add(below, key, t / pageTotal);
    weighed++;
  }
}
await context.close();

const share = (t: number) => `${((100 * t) / weighed).toFixed(1).padStart(5)}%`;
perPage.sort((a, b) => b.ms - a.ms);
console.log(`Median over pages: ${median(perPage.map((p) => p.ms)).toFixed(2)} ms`);
for (const p of perPage) console.log(`${p.ms.toFixed(2).padStart(7)} ms  ${p.name}`);
console.log(`\nSelf time, mean share per page (${weighed} profiled pages)`);
for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`${share(t)}  ${key}`);
console.log('\nInclusive time, mean share per page');
for (const [key, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${share(t)}  ${key}`);
console.log('\nBelow the focused functions');
const focusOf = (key: string) => FOCUS.indexOf(key.split(' > ')[0]!);
for (const [key, t] of [...below].sort((a, b) => focusOf(a[0]) - focusOf(b[0]) || b[1] - a[1]))
  if (t / weighed >= 0.001) console.log(`${share(t)}  ${key}`);
