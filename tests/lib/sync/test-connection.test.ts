// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEndpoint } from '../../../lib/sync/test-connection';
import { ENDPOINT } from '../queue/fixtures';
import { empty, fakeEndpoint, json, networkDown, neverAnswers, opaqueRedirect } from './fake-endpoint';

afterEach(() => vi.useRealTimers());

describe('testEndpoint', () => {
  it('posts an empty test body marked as a connection test, with the token', async () => {
    const endpoint = fakeEndpoint(() => empty(204));
    expect(await testEndpoint(ENDPOINT, 'tok', endpoint.fetch)).toEqual({
      ok: true,
      status: 204,
      message: 'Connected',
    });
    const [request] = endpoint.requests;
    expect(request?.init).toMatchObject({ method: 'POST', body: '{}', redirect: 'manual' });
    expect(request?.headers.get('Erratum-Connection-Test')).toBe('1');
    expect(request?.headers.get('Erratum-Protocol')).toBe('1.1');
    expect(request?.headers.get('Authorization')).toBe('Bearer tok');
  });

  it.each([
    [401, 'tok', /refused the access token/],
    [403, '', /needs an access token/],
    [404, 'tok', /Nothing answers at this address/],
    [500, 'tok', /had a problem \(HTTP 500\)/],
    [422, 'tok', /answered HTTP 422/],
  ])('explains HTTP %i', async (status, token, message) => {
    const endpoint = fakeEndpoint(() => json(status, { error: 'nope' }));
    const result = await testEndpoint(ENDPOINT, token, endpoint.fetch);
    expect(result).toMatchObject({ ok: false, status });
    expect(result.message).toMatch(message);
  });

  it('explains a redirect, a network failure and a timeout', async () => {
    expect((await testEndpoint(ENDPOINT, '', fakeEndpoint(opaqueRedirect).fetch)).message).toMatch(/redirected/);
    expect(await testEndpoint(ENDPOINT, '', fakeEndpoint(networkDown).fetch)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Could not reach the endpoint/),
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = testEndpoint(ENDPOINT, '', fakeEndpoint(neverAnswers).fetch);
    await vi.advanceTimersByTimeAsync(15_000);
    expect((await pending).message).toBe('The endpoint did not answer within 15 seconds.');
  });

  it('does not post to an unacceptable address', async () => {
    const endpoint = fakeEndpoint(() => empty(200));
    const result = await testEndpoint('http://example.org/in', 'tok', endpoint.fetch);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/must use https/);
    expect(endpoint.requests).toHaveLength(0);
  });
});
