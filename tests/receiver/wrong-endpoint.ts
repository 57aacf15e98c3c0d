// A deliberately wrong endpoint for the conformance kit's test: it reads every body whole, stores
// every request as a new record (so a retry is stored twice), takes a renamed PNG, ignores the
// token and answers 200 with a fresh receipt to everything, its status address included (which
// answers a receipt again, not a status).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WrongEndpoint {
  endpoint: string;
  /** Every request it received, in order: each is a "record". */
  records: { headers: Record<string, string | string[] | undefined>; bytes: number }[];
  close(): Promise<void>;
}

export async function startWrongEndpoint(): Promise<WrongEndpoint> {
  const records: WrongEndpoint['records'] = [];
  const server = createServer(async (req, res) => {
    let bytes = 0;
    for await (const chunk of req) bytes += (chunk as Buffer).length;
    records.push({ headers: req.headers, bytes });
    const id = randomUUID();
    const status = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status/${id}`;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id, url: `https://wrong.example.org/records/${id}`, status }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/corrections`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
