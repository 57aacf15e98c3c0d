// `npm run conformance -- <endpoint-url> [--token T]`: checks an endpoint against the protocol
// (docs/endpoint.md). It sends only to that address, and makes test records there.

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { endpointAddressProblem } from '../../lib/sync/endpoint-address';
import { outcomeLine, runConformance, summaryLine } from './run';

const USAGE = 'Usage: npm run conformance -- <endpoint-url> [--token <token>]';

/** Runs the kit with command-line `args`, writing lines to `print`; resolves to the exit status. */
export async function conformanceCli(args: string[], print: (line: string) => void = console.log): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(args);
  } catch (error) {
    print(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { endpoint, token } = parsed;
  const problem = endpointAddressProblem(endpoint);
  if (problem) {
    print(`${problem.replace('correct it in the settings', 'give another address')}\n${USAGE}`);
    return 2;
  }
  print(
    [
      `Checking ${endpoint} against the Erratum endpoint protocol (docs/endpoint.md).`,
      'This creates test records at that address: corrections from "Erratum conformance kit"',
      '<conformance@erratum.invalid> about a made-up paper; delete them afterwards.',
      'Every request goes to that address and nowhere else.',
      token ? 'The token is sent as the extension sends it.' : 'No --token given: the token cases are skipped.',
      '',
    ].join('\n'),
  );
  const outcomes = await runConformance({ endpoint, token }, (outcome) => print(outcomeLine(outcome)));
  print(summaryLine(outcomes));
  return outcomes.some((o) => o.verdict === 'fail') ? 1 : 0;
}

function parseCommandLine(args: string[]): { endpoint: string; token: string | undefined } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { token: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new Error('Give exactly one endpoint address.');
  return { endpoint: positionals[0]!, token: values.token || undefined };
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  conformanceCli(process.argv.slice(2)).then((status) => process.exit(status));
