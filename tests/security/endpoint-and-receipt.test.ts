import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointProblem } from '@/lib/identifiers';
import { ENDPOINT_ORIGIN_PATTERNS, HTTP_ENDPOINT_HOSTS } from '@/lib/schema/fields';
import { SettingsSchema } from '@/lib/schema/settings';
import { classifyResponse } from '@/lib/sync/classify';
import { endpointAddressProblem } from '@/lib/sync/endpoint-address';

// Where the token may go. The options page refuses these when saved (tests/components/options),
// the worker again when it uses them (lib/sync/endpoint-address.ts); here, the hostile spellings.

const SETTINGS = { token: 't', submitter: { name: '', email: '' }, disabledSites: [] };

describe('endpoint addresses that must not receive the token', () => {
  const refused: [string, string][] = [
    ['http://corrections.example.org/in', 'insecure'],
    ['http://localhost.evil.example/in', 'insecure'],
    ['http://127.0.0.1.nip.io/in', 'insecure'],
    ['http://10.0.0.5/in', 'insecure'],
    ['https://user:pass@corrections.example.org/in', 'credentials'],
    ['http://127.0.0.1:80@evil.example/in', 'credentials'],
    ['https://token@corrections.example.org/in', 'credentials'],
    ['javascript:alert(1)', 'invalid'],
    ['data:text/plain,hello', 'invalid'],
    ['file:///etc/passwd', 'invalid'],
    ['ftp://corrections.example.org/', 'invalid'],
    ['ws://127.0.0.1:8080/', 'invalid'],
    ['//corrections.example.org/in', 'invalid'],
    ['corrections.example.org/in', 'invalid'],
    ['', 'invalid'],
  ];
  for (const [url, problem] of refused) {
    it(`refuses ${JSON.stringify(url)} (${problem}) when saved and when used`, () => {
      expect(endpointProblem(url)).toBe(problem);
      expect(endpointAddressProblem(url)).not.toBeNull();
      if (url !== '') expect(SettingsSchema.safeParse({ ...SETTINGS, endpointUrl: url }).success).toBe(false);
    });
  }

  it('refuses plain http on loopback addresses the manifest cannot reach (issue #16 item 7)', () => {
    for (const url of ['http://[::1]:8787/corrections', 'http://127.0.0.2/corrections', 'http://127.1.2.3/']) {
      expect(endpointProblem(url), url).toBe('insecure');
      expect(SettingsSchema.safeParse({ ...SETTINGS, endpointUrl: url }).success, url).toBe(false);
    }
  });

  it('names the same plain-http hosts in the docs, the validator and the manifest', () => {
    const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'endpoint.md'), 'utf8');
    const sentence = /`http:\/\/` is accepted only for\s+((?:`[^`]+`|\s|and|or|,)+)/.exec(docs)?.[1] ?? '';
    expect([...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1])).toEqual([...HTTP_ENDPOINT_HOSTS]);
    expect(ENDPOINT_ORIGIN_PATTERNS).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    for (const host of HTTP_ENDPOINT_HOSTS) expect(endpointProblem(`http://${host}:9/x`), host).toBeNull();
  });

  it('accepts https anywhere and plain http only on this machine', () => {
    for (const url of [
      'https://corrections.example.org/in',
      'http://localhost:8787/corrections',
      'http://127.0.0.1:8787/corrections',
      'HTTP://LOCALHOST/corrections',
    ]) {
      expect(endpointProblem(url), url).toBeNull();
      expect(SettingsSchema.safeParse({ ...SETTINGS, endpointUrl: url }).success, url).toBe(true);
    }
  });
});

describe("an endpoint's answer cannot plant a link", () => {
  it('drops a receipt whose url is javascript: or data:, keeping the delivery', () => {
    for (const url of ['javascript:alert(document.domain)', 'data:text/html,<script>x</script>', ' javascript:x']) {
      const result = classifyResponse(201, new Headers(), JSON.stringify({ id: 'r1', url }));
      expect(result.outcome).toBe('accepted');
      expect(result.outcome === 'accepted' && result.receipt).toBeFalsy();
    }
  });

  it('treats every redirect as a settings problem, never as delivered', () => {
    for (const status of [0, 301, 302, 303, 307, 308]) {
      const location = new Headers({ Location: 'https://evil.example/' });
      expect(classifyResponse(status, location, '').outcome, String(status)).toBe('config');
    }
  });
});
