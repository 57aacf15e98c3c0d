import { describe, expect, it, vi } from 'vitest';
import { createRouter, type RequestHandlers, UserFacingError } from '@/lib/background/router';

const EXTENSION_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const fromPopup = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
const fromContent = { id: EXTENSION_ID, url: 'https://arxiv.org/abs/2101.00001', tab: { id: 3 } as never };
const fromOtherExtension = { id: 'zzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzz/x.html' };

function handlers(): RequestHandlers {
  const fail = () => Promise.reject(new Error('unexpected call'));
  return new Proxy({} as RequestHandlers, {
    get: (_, type) => (type === 'settings/get' ? vi.fn(async () => ({ token: 'secret' })) : fail),
  });
}

describe('the background router', () => {
  it('answers an extension page with the handler value', async () => {
    const route = createRouter(handlers(), EXTENSION_ID, ORIGIN);
    expect(await route({ type: 'settings/get', payload: {} }, fromPopup)).toEqual({
      ok: true,
      value: { token: 'secret' },
    });
  });

  it('refuses settings (and so the token) to content scripts', async () => {
    const route = createRouter(handlers(), EXTENSION_ID, ORIGIN);
    expect(await route({ type: 'settings/get', payload: {} }, fromContent)).toEqual({
      ok: false,
      error: 'Not allowed from this context',
    });
  });

  it('refuses every message from another extension', async () => {
    const route = createRouter(handlers(), EXTENSION_ID, ORIGIN);
    const reply = await route({ type: 'settings/get', payload: {} }, fromOtherExtension);
    expect(reply.ok).toBe(false);
  });

  it('rejects payloads that fail the schema, naming the field', async () => {
    const route = createRouter(handlers(), EXTENSION_ID, ORIGIN);
    const reply = await route({ type: 'queue/get', payload: { id: 'not-a-uuid' } }, fromPopup);
    expect(reply).toMatchObject({ ok: false });
    expect(!reply.ok && reply.error).toMatch(/^Invalid queue\/get: id:/);
  });

  it('rejects malformed envelopes and unknown types without throwing', async () => {
    const route = createRouter(handlers(), EXTENSION_ID, ORIGIN);
    expect(await route('hello', fromPopup)).toEqual({ ok: false, error: 'Malformed message' });
    expect(await route({ type: '__proto__', payload: {} }, fromPopup)).toMatchObject({ ok: false });
    expect(await route({ type: 'queue/changed', payload: {} }, fromPopup)).toMatchObject({ ok: false });
  });

  it("passes a handler's user-facing error through as the refusal", async () => {
    const route = createRouter(
      {
        ...handlers(),
        'form/context': async () => {
          throw new UserFacingError('This form has expired.');
        },
      },
      EXTENSION_ID,
      ORIGIN,
    );
    const contextId = crypto.randomUUID();
    expect(
      await route({ type: 'form/context', payload: { contextId, claim: crypto.randomUUID() } }, fromPopup),
    ).toEqual({
      ok: false,
      error: 'This form has expired.',
    });
  });
});
