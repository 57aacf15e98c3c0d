import { describe, expect, it } from 'vitest';
import { createRouter, type RequestHandlers } from '@/lib/background/router';
import { classifySender } from '@/lib/background/senders';
import { MESSAGE_SENDERS, RequestSchemas } from '@/lib/schema/messages';

// Who may reach the worker, for every request type: tests/lib/background/router.test.ts checks one
// type per rule; here every type meets every kind of stranger. A handler that is reached fails
// the test, so a refusal is proven to come before any work.

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const TYPES = Object.keys(RequestSchemas) as (keyof typeof RequestSchemas)[];

function untouchableHandlers(): RequestHandlers {
  return new Proxy({} as RequestHandlers, {
    get: (_, type) => () => {
      throw new Error(`handler ${String(type)} was reached`);
    },
  });
}

const route = createRouter(untouchableHandlers(), EXTENSION_ID, ORIGIN);
const refused = { ok: false, error: 'Not allowed from this context' };

/** Senders that are not us, each as Chrome would describe it. */
const STRANGERS = {
  'another extension': {
    id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
    url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html',
  },
  "another extension's content script": {
    id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
    url: 'https://arxiv.org/abs/2101.00001',
    tab: { id: 3 },
  },
  'a web page (externally_connectable is not declared, but if it were)': {
    url: 'https://evil.example.org/',
    origin: 'https://evil.example.org',
    tab: { id: 4 },
  },
  'another extension whose page URL starts with our id': {
    id: `${EXTENSION_ID}x`,
    url: `chrome-extension://${EXTENSION_ID}x/popup.html`,
  },
  'no sender id at all': { url: `${ORIGIN}popup.html` },
  'our id from a page that is neither ours nor http(s)': {
    id: EXTENSION_ID,
    url: 'file:///home/user/paper.html',
    tab: { id: 5 },
  },
  'our id with no url': { id: EXTENSION_ID },
  'our id from a data: frame in a tab': { id: EXTENSION_ID, url: 'data:text/html,<p>x</p>', tab: { id: 6 } },
} as const;

function validPayload(type: keyof typeof RequestSchemas): unknown {
  // Refusal by sender comes before the payload is read, so any payload will do.
  return type === 'form/context' ? { contextId: crypto.randomUUID(), claim: crypto.randomUUID() } : {};
}

describe('the worker refuses strangers, whatever they ask', () => {
  for (const [who, sender] of Object.entries(STRANGERS)) {
    it(`refuses ${who} for every request type`, async () => {
      for (const type of TYPES) {
        expect(await route({ type, payload: validPayload(type) }, sender as never), type).toEqual(refused);
      }
      expect(classifySender(sender as never, EXTENSION_ID, ORIGIN)).toBeNull();
    });
  }

  it('lets a content script (our id, an http(s) page in a tab) ask for nothing but form/open, site/status and page/detected', async () => {
    const content = { id: EXTENSION_ID, url: 'https://arxiv.org/abs/2101.00001', tab: { id: 3 } };
    expect(classifySender(content as never, EXTENSION_ID, ORIGIN)).toBe('content');
    const allowed = TYPES.filter((type) => MESSAGE_SENDERS[type].includes('content'));
    // page/detected reports on the sender's own tab only (lib/background/page-reach.ts); the popup's
    // page/state and page/correct, which name a tab, are refused to it.
    expect(allowed).toEqual(['form/open', 'page/detected', 'site/status']);
    for (const type of TYPES.filter((t) => !allowed.includes(t))) {
      expect(await route({ type, payload: validPayload(type) }, content as never), type).toEqual(refused);
    }
  });

  it('refuses a form/open from a content script whose paper fails the schema, before any handler', async () => {
    const content = { id: EXTENSION_ID, url: 'https://arxiv.org/abs/2101.00001', tab: { id: 3 } };
    const huge = { paper: { title: 'x'.repeat(3_000_000) }, field: 'title' };
    const reply = await route({ type: 'form/open', payload: huge }, content as never);
    expect(reply.ok).toBe(false);
    const foreignField = await route({ type: 'form/open', payload: { paper: {}, field: 'token' } }, content as never);
    expect(foreignField.ok).toBe(false);
  });

  it('refuses envelopes built to confuse a lookup by type', async () => {
    const popup = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
    for (const type of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'x'.repeat(101)]) {
      const reply = await route({ type, payload: {} }, popup as never);
      expect(reply.ok, type).toBe(false);
    }
    for (const message of [
      null,
      undefined,
      42,
      [],
      { type: 7 },
      { payload: {} },
      JSON.parse('{"__proto__":{"type":"settings/get"}}'),
    ]) {
      expect(await route(message, popup as never)).toEqual({ ok: false, error: 'Malformed message' });
    }
  });
});
