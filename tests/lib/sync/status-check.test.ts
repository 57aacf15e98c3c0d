import { describe, expect, it, vi } from 'vitest';
import { checkStatus, STATUS_BACKOFF_MS } from '@/lib/sync/status-check';

const ID = '0190d6e2-0000-7000-8000-000000000001';
const ENDPOINT = 'https://corrections.example.org/in';
const STATUS = `https://corrections.example.org/corrections/${ID}/status`;
const NOW = Date.parse('2026-12-07T12:00:00Z');

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers }));
}
const ask = (fetch: ReturnType<typeof answering>, statusUrl = STATUS) =>
  checkStatus(fetch, { statusUrl, endpointUrl: ENDPOINT, token: 'tok', correctionId: ID }, NOW);

describe("asking a sent correction's status address (docs/endpoint.md, Status)", () => {
  it('GETs it with the delivery token, no cookies, no redirects, and keeps the state and the note', async () => {
    const fetch = answering(200, {
      id: ID,
      state: 'rejected',
      note: 'The title is right.',
      updatedAt: '2026-12-07T11:00:00.000Z',
    });
    const check = await ask(fetch);
    expect(check).toEqual({
      kind: 'status',
      status: { id: ID, state: 'rejected', note: 'The title is right.', updatedAt: '2026-12-07T11:00:00.000Z' },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(STATUS);
    expect(init).toMatchObject({ method: 'GET', redirect: 'manual', credentials: 'omit' });
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('never sends the token to an address off the endpoint, nor over plain http', async () => {
    for (const elsewhere of [
      `https://collector.example.net/corrections/${ID}/status`,
      `https://corrections.example.org:8443/corrections/${ID}/status`,
      `http://corrections.example.org/corrections/${ID}/status`,
    ]) {
      const fetch = answering(200, {});
      expect((await ask(fetch, elsewhere)).kind).toBe('never');
      expect(fetch).not.toHaveBeenCalled();
    }
  });

  it('waits as Retry-After says (RFC 9110), or backs off, and stops for an id the endpoint does not know', async () => {
    expect(await ask(answering(429, { error: 'slow down' }, { 'Retry-After': '120' }))).toMatchObject({
      kind: 'later',
      notBefore: NOW + 120_000,
    });
    expect(await ask(answering(503, {}))).toMatchObject({ kind: 'later', notBefore: NOW + STATUS_BACKOFF_MS });
    expect((await ask(answering(404, { error: 'No correction with this id' }))).kind).toBe('never');
    // An answer about another correction, or not a status at all, is not kept.
    expect(
      (await ask(answering(200, { id: 'other', state: 'accepted', note: null, updatedAt: '2026-12-07T11:00:00.000Z' })))
        .kind,
    ).toBe('later');
    expect((await ask(answering(200, { id: ID, state: 'lost' }))).kind).toBe('later');
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await ask(offline as never)).toMatchObject({ kind: 'later', notBefore: NOW + STATUS_BACKOFF_MS });
  });
});
