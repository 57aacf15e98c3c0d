// The token: refused when missing or wrong (run only when the user gave one), and the options
// page's connection test.
import { testEndpoint } from '../../lib/sync/test-connection';
import { type ConformanceCase, describeAnswer, verdict } from './case';
import { testCorrection } from './corrections';
import { deliver } from './requests';

const NO_TOKEN_GIVEN = { sent: 'nothing', answered: 'not run: no --token given', verdict: 'skip' } as const;

export const missingToken: ConformanceCase = {
  id: 'missing-token',
  title: 'a missing token',
  rule: 'no Authorization when the endpoint needs a token → 401, nothing stored (Answers; RFC 6750 §3.1)',
  async run(target) {
    if (!target.token) return NO_TOKEN_GIVEN;
    const correction = testCorrection();
    const answer = await deliver(correction, target, { token: null });
    return {
      sent: `a correction without a token (${correction.id})`,
      answered: describeAnswer(answer),
      verdict: verdict(answer.status === 401),
    };
  },
};

export const wrongToken: ConformanceCase = {
  id: 'wrong-token',
  title: 'a wrong token',
  rule: "a token that is not the endpoint's → 401, nothing stored (Answers; RFC 6750 §3.1)",
  async run(target) {
    if (!target.token) return NO_TOKEN_GIVEN;
    const correction = testCorrection();
    const answer = await deliver(correction, target, { token: `${target.token}-wrong` });
    return {
      sent: `a correction with a wrong token (${correction.id})`,
      answered: describeAnswer(answer),
      verdict: verdict(answer.status === 401),
    };
  },
};

export const connectionTest: ConformanceCase = {
  id: 'connection-test',
  title: 'the connection test',
  rule: '{} with Erratum-Connection-Test: 1 → 204 (or 200 { "ok": true }) after the credentials check, nothing stored (Connection test)',
  // The options page's own Test connection, so the line says what a user would be told.
  async run(target) {
    const result = await testEndpoint(target.endpoint, target.token ?? '', fetch, 30_000);
    return {
      sent: `{} with Erratum-Connection-Test: 1${target.token ? ' and the token' : ''}`,
      answered: `${result.status ?? 'no answer'}, which Erratum's options page shows as "${result.message}"`,
      verdict: verdict(result.ok),
    };
  },
};
