import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../../lib/sync/classify';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const classify = (status: number, body = '', headers: Record<string, string> = {}) =>
  classifyResponse(status, new Headers(headers), body, NOW);

describe('classifyResponse', () => {
  it('accepts 2xx with the receipt the server sent', () => {
    expect(classify(201, JSON.stringify({ id: 'R-1', url: 'https://example.org/r/1', extra: 1 }))).toEqual({
      outcome: 'accepted',
      receipt: { id: 'R-1', url: 'https://example.org/r/1' },
    });
  });

  it('accepts 2xx without a body, or with one that is not a receipt', () => {
    for (const body of ['', 'OK', '{"url":"javascript:alert(1)"}', '[]', 'null'])
      expect(classify(200, body), body).toEqual({ outcome: 'accepted', receipt: undefined });
    expect(classify(204).outcome).toBe('accepted');
  });

  it('retries 409 (an attempt with this key is still in flight), never takes it as sent', () => {
    const result = classify(409, '{"error":"in flight"}', { 'Retry-After': '1' });
    expect(result).toMatchObject({ outcome: 'retry', retryAfterMs: 1000, problem: { status: 409 } });
  });

  it("keeps the server's message for 400 and 422", () => {
    expect(classify(422, '{"error":"The DOI does not resolve"}')).toEqual({
      outcome: 'rejected',
      problem: {
        kind: 'rejected',
        status: 422,
        message: 'The DOI does not resolve',
        serverMessage: 'The DOI does not resolve',
      },
    });
    const fallback = classify(400, '<html>Bad</html>');
    expect(fallback.outcome).toBe('rejected');
    if (fallback.outcome === 'rejected')
      expect(fallback.problem.message).toMatch(/refused this correction \(HTTP 400\)/);
  });

  it('bounds a very long server message', () => {
    const result = classify(422, JSON.stringify({ error: 'x'.repeat(50_000) }));
    if (result.outcome !== 'rejected') throw new Error(result.outcome);
    expect(result.problem.message.length).toBeLessThanOrEqual(1001);
  });

  it.each([401, 403])('sends %i to needs-attention as a credentials problem', (status) => {
    const result = classify(status);
    expect(result.outcome).toBe('credentials');
    if (result.outcome === 'credentials') expect(result.problem).toMatchObject({ kind: 'credentials', status });
  });

  it.each([408, 425, 429, 500, 502, 503, 504])('retries %i', (status) => {
    expect(classify(status).outcome).toBe('retry');
  });

  it('carries Retry-After in seconds or as a date', () => {
    expect(classify(503, '', { 'Retry-After': '90' })).toMatchObject({ outcome: 'retry', retryAfterMs: 90_000 });
    expect(classify(429, '', { 'Retry-After': 'Mon, 23 Nov 2026 12:10:00 GMT' })).toMatchObject({
      retryAfterMs: 600_000,
    });
    expect(classify(503, '', { 'Retry-After': 'later' })).not.toHaveProperty('retryAfterMs');
  });

  it('treats a redirect as a configuration problem', () => {
    for (const status of [0, 301, 302, 307, 308]) {
      const result = classify(status);
      expect(result.outcome, String(status)).toBe('config');
      if (result.outcome === 'config') expect(result.problem.message).toMatch(/redirected to another address/);
    }
  });

  it('sends other 4xx to needs-attention', () => {
    expect(classify(404).outcome).toBe('config');
    expect(classify(413, '{"error":"PDF too large"}')).toMatchObject({
      outcome: 'rejected',
      problem: { message: 'PDF too large' },
    });
    expect(classify(418).outcome).toBe('rejected');
  });
});
