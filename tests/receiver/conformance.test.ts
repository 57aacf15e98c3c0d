// @vitest-environment node
// The conformance kit against the reference receiver (every case passes) and against an endpoint
// that gets the protocol wrong (the cases it breaks fail, and only those).
import { afterEach, describe, expect, it } from 'vitest';
import { conformanceCli } from '../../scripts/conformance/main';
import { CONFORMANCE_CASES } from '../../scripts/conformance/run';
import { startReceiverForTest, type TestReceiver } from './harness';
import { startWrongEndpoint, type WrongEndpoint } from './wrong-endpoint';

const TOKEN = 'conformance-s3cret';
let receiver: TestReceiver | undefined;
let wrong: WrongEndpoint | undefined;

afterEach(async () => {
  await receiver?.dispose();
  await wrong?.close();
  receiver = undefined;
  wrong = undefined;
});

/** Runs `npm run conformance -- <args>` in this process: its lines and its exit status. */
async function runKit(args: string[]) {
  const lines: string[] = [];
  const status = await conformanceCli(args, (line) => lines.push(...line.split('\n')));
  const verdicts = new Map<string, string>();
  for (const c of CONFORMANCE_CASES) {
    const line = lines.find((l) => / {2}/.test(l) && l.includes(`  ${c.title}: `));
    verdicts.set(c.id, line?.slice(0, 4) ?? 'missing');
  }
  return { status, lines, verdicts };
}

describe('npm run conformance', () => {
  it('passes every case against the reference receiver, which keeps one record per correction', async () => {
    receiver = await startReceiverForTest({ token: TOKEN });
    const { status, lines, verdicts } = await runKit([receiver.endpoint, '--token', TOKEN]);
    expect([...verdicts.values()], lines.join('\n')).toEqual(CONFORMANCE_CASES.map(() => 'PASS'));
    expect(lines.at(-1)).toBe(`${CONFORMANCE_CASES.length} passed, 0 failed`);
    expect(status).toBe(0);
    // One record per new correction: plain, PDF, retry, key reuse, key mismatch, two at once,
    // revision (two), status; none for the renamed PNG, the oversized body or the token cases.
    const records = await receiver.records();
    expect(records).toHaveLength(9);
    expect(records.filter((r) => r.hasPdf)).toHaveLength(1);
    const revision = records.find((r) => r.correction.supersedes);
    expect(records.map((r) => r.id)).toContain(revision?.correction.supersedes);
    expect(lines[0]).toContain(`Checking ${receiver.endpoint}`);
    expect(lines.join('\n')).toMatch(/creates test records at that address/);
  });

  it('skips the token cases when no token is given', async () => {
    receiver = await startReceiverForTest();
    const { status, verdicts, lines } = await runKit([receiver.endpoint]);
    expect(verdicts.get('missing-token')).toBe('SKIP');
    expect(verdicts.get('wrong-token')).toBe('SKIP');
    expect(lines.at(-1)).toBe(`${CONFORMANCE_CASES.length - 2} passed, 0 failed`);
    expect(status).toBe(0);
  });

  it('fails the cases a wrong endpoint breaks: stores twice, takes a renamed PNG, 200 to everything', async () => {
    wrong = await startWrongEndpoint();
    const { status, verdicts, lines } = await runKit([wrong.endpoint, '--token', TOKEN]);
    const failed = [...verdicts].filter(([, v]) => v === 'FAIL').map(([id]) => id);
    expect(failed.sort(), lines.join('\n')).toEqual(
      [
        'retry',
        'key-reuse',
        'key-mismatch',
        'concurrent',
        'bad-pdf',
        'too-large',
        'missing-token',
        'wrong-token',
        'revision',
        'status',
      ].sort(),
    );
    expect([...verdicts].filter(([, v]) => v === 'PASS').map(([id]) => id)).toEqual([
      'connection-test',
      'plain',
      'pdf',
    ]);
    expect(lines.at(-1)).toBe('3 passed, 10 failed');
    expect(status).toBe(1);
  });

  it('refuses an address it must not send to, before sending anything', async () => {
    wrong = await startWrongEndpoint();
    const lines: string[] = [];
    const insecure = wrong.endpoint.replace('127.0.0.1', 'example.org');
    expect(await conformanceCli([insecure], (line) => lines.push(line))).toBe(2);
    expect(lines.join('\n')).toMatch(/must use https/);
    expect(await conformanceCli([], (line) => lines.push(line))).toBe(2);
    expect(wrong.records).toHaveLength(0);
  });
});
