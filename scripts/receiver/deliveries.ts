import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as pause } from 'node:timers/promises';
import { discardBody, RequestProblem, readSubmission, type Submission } from './body';
import { credentialsProblem } from './credentials';
import type { ArrivalFault, FaultControl } from './faults';
import { send, sendJson } from './responses';
import { statusUrl } from './status';
import type { CorrectionStore, StoredAnswer } from './store';
import { checkCorrection, pdfProblem } from './submission';

// POST /corrections: the protocol in docs/endpoint.md, in the order a request meets it:
// faults, credentials, connection test, body, schema, Idempotency-Key, PDF, then the store, which
// decides in one transaction whether the key is new, stored before, or in flight (store.ts).

export const IN_FLIGHT_ERROR = 'An attempt with this Idempotency-Key is still being processed: try again shortly';
export const REUSED_KEY_ERROR = 'Idempotency-Key reused with a different correction';

export interface DeliveryCounters {
  /** Requests to the endpoint, faulted ones included. */
  requests: number;
  /** New corrections stored. */
  accepted: number;
  /** Requests whose key was already stored (answered again, or refused for a different body). */
  duplicates: number;
  /** Requests refused (4xx other than faults). */
  rejected: number;
  /** Requests failed or dropped on purpose by a fault. */
  faulted: number;
  connectionTests: number;
}

export interface DeliveryContext {
  store: CorrectionStore;
  faults: FaultControl;
  counters: DeliveryCounters;
  token: string | undefined;
  /** Base of receipt URLs: http://host:port */
  baseUrl: string;
}

type Outcome = { kind: 'answer'; status: number; body?: unknown; headers?: Record<string, string> } | { kind: 'drop' };

const refuse = (status: number, error: string, headers?: Record<string, string>): Outcome => ({
  kind: 'answer',
  status,
  body: { error },
  headers,
});

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The holdThenFailNext fault as a store hook. It acts inside the store's transaction, with the
 * correction written and its key's lock held, so a retry meanwhile is answered as in flight by
 * the store itself, here or in another process; then the transaction rolls back, as a store
 * failing late would. Taken only by a new correction (a replay never reaches the hook).
 */
function heldThenFailed(faults: FaultControl) {
  let injected: { holdMs: number; status: number } | null = null;
  return {
    async beforeCommit(): Promise<boolean> {
      injected = faults.holdThenFail();
      if (!injected) return true;
      await pause(injected.holdMs);
      return false;
    },
    injected: () => injected,
  };
}

async function receiveCorrection(req: IncomingMessage, ctx: DeliveryContext): Promise<Outcome> {
  let submission: Submission;
  try {
    submission = await readSubmission(req);
  } catch (error) {
    if (!(error instanceof RequestProblem)) throw error;
    // Past the cap the rest of the body is not read: close rather than drain it.
    return refuse(error.status, error.message, error.status === 413 ? { Connection: 'close' } : undefined);
  }
  const verdict = checkCorrection(submission.correctionText, header(req, 'idempotency-key'));
  if (!verdict.ok) return refuse(422, verdict.error);
  const { correction, received, fingerprint, supersedes } = verdict.value;
  const pdfError = pdfProblem(correction, submission.pdf);
  if (pdfError) return refuse(422, pdfError);

  // Protocol 1.1: a retry racing an attempt still being processed is told to come back (409,
  // Retry-After) rather than waiting on it: the first attempt may yet fail.
  const answer: StoredAnswer = {
    status: 201,
    body: {
      id: correction.id,
      url: `${ctx.baseUrl}/corrections/${correction.id}`,
      status: statusUrl(ctx.baseUrl, correction.id),
    },
  };
  const pdf = submission.pdf && correction.pdf && { ...submission.pdf, sha256: correction.pdf.sha256 };
  const fault = heldThenFailed(ctx.faults);
  const record = { id: correction.id, received, fingerprint, supersedes, pdf, answer };
  const outcome = await ctx.store.receive(record, { beforeCommit: fault.beforeCommit });
  const injected = fault.injected();
  if (outcome.kind === 'rolled-back' && injected) {
    ctx.counters.faulted += 1;
    return refuse(injected.status, `Injected fault: held ${injected.holdMs} ms, then ${injected.status}`);
  }
  if (outcome.kind !== 'stored') ctx.counters.duplicates += 1;
  switch (outcome.kind) {
    case 'rolled-back':
      throw new Error('The store rolled back a correction with no fault asking it to');
    case 'in-flight':
      return refuse(409, IN_FLIGHT_ERROR, { 'Retry-After': '1' });
    case 'key-reused':
      return refuse(422, REUSED_KEY_ERROR);
    case 'replayed':
      return { kind: 'answer', status: outcome.answer.status, body: outcome.answer.body };
    case 'stored':
      ctx.counters.accepted += 1;
      if (ctx.faults.dropAfterStore()) return { kind: 'drop' };
      return { kind: 'answer', status: outcome.answer.status, body: outcome.answer.body };
  }
}

async function decide(req: IncomingMessage, ctx: DeliveryContext): Promise<Outcome> {
  const credentials = credentialsProblem(req, ctx.token);
  if (credentials) return refuse(401, credentials, { 'WWW-Authenticate': 'Bearer' });
  if (header(req, 'erratum-connection-test') === '1') {
    ctx.counters.connectionTests += 1;
    await discardBody(req).catch(() => undefined);
    return { kind: 'answer', status: 204 };
  }
  return receiveCorrection(req, ctx);
}

function faultOutcome(fault: Exclude<ArrivalFault, { kind: 'none' }>): Outcome {
  if (fault.kind === 'drop') return fault;
  const headers = fault.retryAfter === undefined ? undefined : { 'Retry-After': fault.retryAfter };
  return {
    kind: 'answer',
    status: fault.status,
    body: fault.body ?? { error: `Injected fault: ${fault.status}` },
    headers,
  };
}

function write(res: ServerResponse, outcome: Extract<Outcome, { kind: 'answer' }>): void {
  const { status, body, headers } = outcome;
  if (body === undefined) send(res, status, null, '', headers);
  else if (typeof body === 'string') send(res, status, 'text/plain; charset=utf-8', body, headers);
  else sendJson(res, status, body, headers);
}

export async function handleDelivery(req: IncomingMessage, res: ServerResponse, ctx: DeliveryContext): Promise<void> {
  ctx.counters.requests += 1;
  const fault = ctx.faults.onArrival();
  let outcome: Outcome;
  if (fault.kind !== 'none') {
    ctx.counters.faulted += 1;
    if (fault.kind === 'fail') await discardBody(req).catch(() => undefined);
    outcome = faultOutcome(fault);
  } else {
    outcome = await decide(req, ctx);
    if (outcome.kind === 'answer' && outcome.status >= 400) ctx.counters.rejected += 1;
  }
  if (outcome.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (ctx.faults.delayMs > 0) await pause(ctx.faults.delayMs);
  write(res, outcome);
}
