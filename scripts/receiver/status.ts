import type { IncomingMessage, ServerResponse } from 'node:http';
import { credentialsProblem } from './credentials';
import { sendError, sendJson } from './responses';
import type { CorrectionStore } from './store';

// GET /corrections/<id>/status: the status address a receipt carries (protocol 1.2). It answers
// the reader, wherever they are, with the delivery token, never the curator's views: the state
// and the curator's note, nothing about who reviewed it.

export const STATUS_PATH = /^\/corrections\/([0-9a-f-]{36})\/status$/;

export function statusUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/corrections/${id}/status`;
}

export async function handleStatus(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  store: CorrectionStore,
  token: string | undefined,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, `Method ${req.method} is not allowed here`, { Allow: 'GET, HEAD' });
  const credentials = credentialsProblem(req, token);
  if (credentials) return sendError(res, 401, credentials, { 'WWW-Authenticate': 'Bearer' });
  const status = await store.status(id);
  if (!status) return sendError(res, 404, 'No correction with this id');
  sendJson(res, 200, status);
}
