import { describe, expect, it } from 'vitest';
import { describeDeliveryError } from '@/components/queue/delivery-error';

const at = 0;

describe('delivery failures in the user’s language', () => {
  it('shows what the server said about a refused correction, as it wrote it', () => {
    expect(
      describeDeliveryError({ kind: 'rejected', status: 422, message: 'x', serverMessage: 'DOI does not resolve', at }),
    ).toBe('DOI does not resolve');
    expect(describeDeliveryError({ kind: 'rejected', status: 400, message: 'x', at })).toBe(
      'The endpoint refused this correction (HTTP 400) without saying why.',
    );
  });

  it('words network, credential and address problems, with the server’s words when given', () => {
    expect(describeDeliveryError({ kind: 'network', message: 'x', at })).toMatch(/Could not reach the endpoint/);
    expect(
      describeDeliveryError({ kind: 'credentials', status: 401, message: 'x', serverMessage: 'bad token', at }),
    ).toBe(
      'The endpoint refused the access token (HTTP 401): check the token in the options. The server said: bad token',
    );
    expect(describeDeliveryError({ kind: 'http', status: 429, message: 'x', at })).toMatch(/slow down/);
  });

  it('speaks Japanese to a Japanese browser', () => {
    globalThis.__testLocale = 'ja';
    expect(describeDeliveryError({ kind: 'timeout', message: 'The endpoint did not answer', at })).toBe(
      '送信先が時間内に応答しませんでした。Erratum があとで再試行します。',
    );
  });
});
