import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReviewState } from '../../lib/schema/status';
import { isLoopbackRequest } from './credentials';
import { openDatabase } from './db/open';
import { type DeliveryContext, type DeliveryCounters, handleDelivery } from './deliveries';
import { FaultControl, FaultSettingsSchema } from './faults';
import { handleInbox, INBOX_PREFIX, type InboxContext } from './inbox/routes';
import { adoptLegacyFiles } from './legacy-files';
import { renderListingPage } from './listing-page';
import { send, sendError, sendJson } from './responses';
import { handleStatus, STATUS_PATH } from './status';
import { CorrectionStore, type StoredCorrection } from './store';
import { describeIssues } from './submission';

export type { FaultSettings } from './faults';
export { FaultControl } from './faults';
export type { StoredCorrection } from './store';

export interface ReceiverOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The data folder: the embedded database (PGlite) keeps its files in <dataDir>/pglite. */
  dataDir: string;
  /**
   * A PostgreSQL server to store in instead (postgresql://user:password@host:port/db); main.ts
   * takes it from DATABASE_URL. Several receivers may share one database.
   */
  databaseUrl?: string;
  /** When set, deliveries need `Authorization: Bearer <token>`. */
  token?: string;
  /**
   * Opens the curator's inbox at /inbox to whoever signs in with this token (main.ts takes it
   * from CURATOR_TOKEN). Without it the inbox answers 404. It must differ from `token`.
   */
  curatorToken?: string;
  /** One line per request on stdout. */
  log?: boolean;
}

export interface ReceiverStats extends DeliveryCounters {
  /** Corrections in the database, including earlier runs' (not other processes' since this one started). */
  stored: number;
}

export interface Receiver {
  /** The listing page, ending in '/': http://127.0.0.1:PORT/ */
  url: string;
  /** The curator's inbox: http://127.0.0.1:PORT/inbox */
  inbox: string;
  /** Where corrections are POSTed: http://127.0.0.1:PORT/corrections */
  endpoint: string;
  faults: FaultControl;
  stats(): ReceiverStats;
  records(): Promise<StoredCorrection[]>;
  /** The PDF stored with a correction, or null. */
  pdf(id: string): Promise<Uint8Array | null>;
  /** Changes a correction's review state, as a curator would; false when there is no such correction. */
  review(id: string, change: { state: ReviewState; note?: string | null; actor: string }): Promise<boolean>;
  /** Which database it stores in. */
  database: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const ENDPOINT_PATH = '/corrections';
const RECORD_PATH = /^\/corrections\/([0-9a-f-]{36})(\/paper\.pdf)?$/;
const MAX_CONTROL_BODY = 64 * 1024;
const ENDPOINT_METHODS = 'POST, OPTIONS';

async function readSmallJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_CONTROL_BODY) throw new Error('The body is too large');
  }
  return JSON.parse(text);
}

interface Routes {
  ctx: DeliveryContext;
  inbox: InboxContext;
  stats(): ReceiverStats;
}

async function handleFaults(req: IncomingMessage, res: ServerResponse, { ctx }: Routes): Promise<void> {
  if (req.method === 'DELETE') ctx.faults.reset();
  else if (req.method === 'POST') {
    let body: unknown;
    try {
      body = await readSmallJson(req);
    } catch (error) {
      return sendError(res, 400, `Send the faults as JSON: ${(error as Error).message}`);
    }
    const parsed = FaultSettingsSchema.safeParse(body);
    if (!parsed.success) return sendError(res, 422, describeIssues(parsed.error));
    ctx.faults.set(parsed.data);
  } else if (req.method !== 'GET')
    return sendError(res, 405, 'Use GET, POST or DELETE', { Allow: 'GET, POST, DELETE' });
  sendJson(res, 200, ctx.faults.current());
}

/** The views of what arrived: the HTML listing, the JSON list, one correction, its PDF. */
async function handleViews(res: ServerResponse, path: string, routes: Routes): Promise<void> {
  const { store } = routes.ctx;
  if (path === '/') return send(res, 200, 'text/html; charset=utf-8', renderListingPage(await store.list()));
  if (path === ENDPOINT_PATH) return sendJson(res, 200, await store.list());
  const match = RECORD_PATH.exec(path);
  if (!match) return sendError(res, 404, 'Not found');
  const id = match[1]!;
  if (match[2]) {
    const pdf = await store.pdf(id);
    if (!pdf) return sendError(res, 404, 'No PDF stored for this correction');
    // Served as a download: a PDF viewer in this origin would be a place for hostile content to run.
    return send(res, 200, 'application/pdf', pdf, { 'Content-Disposition': 'attachment; filename="paper.pdf"' });
  }
  const json = await store.correctionJson(id);
  if (json === null) return sendError(res, 404, 'No correction with this id');
  send(res, 200, 'application/json; charset=utf-8', json);
}

async function route(req: IncomingMessage, res: ServerResponse, routes: Routes): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://receiver.invalid').pathname;
  if (path === ENDPOINT_PATH && req.method === 'POST') return handleDelivery(req, res, routes.ctx);
  if (path === ENDPOINT_PATH && req.method === 'OPTIONS')
    // No Access-Control-Allow-Origin: the extension needs no CORS grant, and web pages get none.
    return send(res, 204, null, '', { Allow: ENDPOINT_METHODS });
  // The reader's status address answers wherever the reader is, with the delivery token.
  const status = STATUS_PATH.exec(path);
  if (status) return handleStatus(req, res, status[1]!, routes.ctx.store, routes.ctx.token);
  // The inbox answers wherever the curator is, behind the curator token.
  if (path === INBOX_PREFIX || path.startsWith(`${INBOX_PREFIX}/`)) return handleInbox(req, res, routes.inbox);
  // Test controls and the views of stored data (submitters' emails) answer only this machine.
  if (!isLoopbackRequest(req)) return sendError(res, 403, 'Only available from this machine');
  if (path === '/__faults') return handleFaults(req, res, routes);
  if (path === '/__stats') return sendJson(res, 200, routes.stats());
  if (req.method !== 'GET') {
    const allow = path === ENDPOINT_PATH ? `GET, ${ENDPOINT_METHODS}` : 'GET';
    return sendError(res, 405, `Method ${req.method} is not allowed here`, { Allow: allow });
  }
  return handleViews(res, path, routes);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const host = options.host ?? '127.0.0.1';
  if (options.curatorToken && options.curatorToken === options.token)
    throw new Error('The curator token must differ from the delivery token: every reader has that one');
  const db = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const store = await CorrectionStore.open(db);
  const adopted = await adoptLegacyFiles(options.dataDir, store);
  if (adopted > 0 && options.log)
    console.log(`Brought ${adopted} corrections from the old file store into the database`);
  const faults = new FaultControl();
  const counters: DeliveryCounters = {
    requests: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    faulted: 0,
    connectionTests: 0,
  };
  const ctx: DeliveryContext = { store, faults, counters, token: options.token || undefined, baseUrl: '' };
  const stats = (): ReceiverStats => ({ ...counters, stored: store.count });
  const routes: Routes = { ctx, stats, inbox: { store, curatorToken: options.curatorToken || undefined } };

  const server = createServer((req, res) => {
    const started = Date.now();
    if (options.log)
      res.on('close', () => {
        const status = res.headersSent ? res.statusCode : 'dropped';
        console.log(`${new Date().toISOString()} ${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
      });
    route(req, res, routes).catch((error: unknown) => {
      console.error('receiver:', error);
      if (!res.headersSent) sendError(res, 500, 'The reference endpoint failed; see its console');
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://${urlHost(host)}:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url: `${ctx.baseUrl}/`,
    inbox: `${ctx.baseUrl}${INBOX_PREFIX}`,
    endpoint: `${ctx.baseUrl}${ENDPOINT_PATH}`,
    faults,
    stats,
    records: () => store.list(),
    pdf: (id) => store.pdf(id),
    review: (id, change) => store.review(id, change),
    database: db.kind,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).finally(() => store.close());
      return closing;
    },
  };
}
