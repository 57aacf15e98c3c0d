// @vitest-environment node
// The "minimal endpoint" that docs/endpoint.md gives implementers, run as printed there and checked
// with the conformance kit: it must follow the protocol in everything but the PDF, as the docs say.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type CaseOutcome, runConformance } from '../../scripts/conformance/run';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'endpoint.md');
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill();
    await once(child, 'exit');
  }
  if (dir) await rm(dir, { recursive: true, force: true });
  child = undefined;
  dir = undefined;
});

async function minimalEndpointSource(): Promise<string> {
  const docs = await readFile(DOCS, 'utf8');
  const section = docs.slice(docs.indexOf('## A minimal endpoint'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('docs/endpoint.md has no js block under "A minimal endpoint"');
  return code;
}

/** Starts the docs' endpoint on a free port; resolves to the address it prints. */
async function startMinimalEndpoint(token: string): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'erratum-minimal-'));
  const file = join(dir, 'endpoint.mjs');
  await writeFile(file, await minimalEndpointSource());
  child = spawn(process.execPath, [file], {
    cwd: dir,
    env: { ...process.env, PORT: '0', TOKEN: token, DIR: join(dir, 'corrections') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  for await (const chunk of child.stdout!) {
    printed += String(chunk);
    const address = /Listening on (\S+)/.exec(printed)?.[1];
    if (address) return address;
  }
  throw new Error(`The minimal endpoint exited without listening: ${printed}`);
}

it('the minimal endpoint of docs/endpoint.md passes every conformance case but the PDF ones, and has no status address', async () => {
  const token = 'minimal-s3cret';
  const endpoint = await startMinimalEndpoint(token);
  const outcomes: CaseOutcome[] = await runConformance({ endpoint, token });
  const failed = outcomes.filter((o) => o.verdict === 'fail').map((o) => o.case.id);
  const report = outcomes.map((o) => `${o.verdict} ${o.case.id}: ${o.answered}`).join('\n');
  expect(failed, report).toEqual(['pdf', 'bad-pdf', 'too-large']);
  // Its receipts carry no status address, which the protocol leaves optional.
  expect(outcomes.filter((o) => o.verdict === 'skip').map((o) => o.case.id)).toEqual(['status']);
});
