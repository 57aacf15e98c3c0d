// `npm run receiver -- [--port 8787] [--host 127.0.0.1] [--data .data/receiver] [--token <t>] [--quiet]`
// CURATOR_TOKEN=<secret> opens the curator's inbox at /inbox.
// The reference endpoint on its own; docs/endpoint.md describes what it implements. It stores in
// an embedded PostgreSQL (PGlite) under --data, or in the PostgreSQL server named by DATABASE_URL.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startReceiver } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.data/receiver' },
    token: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const receiver = await startReceiver({
  port,
  host: values.host,
  dataDir: resolve(values.data),
  databaseUrl: process.env.DATABASE_URL || undefined,
  token: values.token,
  curatorToken: process.env.CURATOR_TOKEN || undefined,
  log: !values.quiet,
});

console.log(
  [
    `Endpoint (set it in Erratum's options): ${receiver.endpoint}`,
    `What arrived:                           ${receiver.url}`,
    process.env.CURATOR_TOKEN
      ? `Curator's inbox (sign in with CURATOR_TOKEN): ${receiver.inbox}`
      : "Curator's inbox: off (set CURATOR_TOKEN to open it)",
    `Stored in:                              ${receiver.database === 'postgres' ? 'the PostgreSQL server in DATABASE_URL' : `${resolve(values.data)} (embedded PostgreSQL)`}`,
    values.token
      ? 'Deliveries need the token given with --token.'
      : 'No token required (start with --token to need one).',
    'Press Ctrl+C to stop.',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    receiver.close().then(() => process.exit(0));
  });
