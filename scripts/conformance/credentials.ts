// The token: refused when missing or wrong (run only when the user gave one), and the options
// page's connection test.
import { type ConformanceCase, describeAnswer, is2xx, verdict } from './case';
import { testCorrection } from './corrections';
import { deliver, connectionTest as sendConnectionTest } from './requests';

const NO_TOKEN_GIVEN = { sent: 'nothing', answered: 'not run: no --token given', verdict: 'skip' } as const;

export const missingToken: ConformanceCase = {
  id: 'missing-token',
  title: 'a missing token',
  rule: 'no Authorization when the endpoint needs a token → 401, nothing stored (Answers; RFC 6750 §3.1)',
  async run(target) {
    if (!target.token) return NO_TOKEN_GIVEN;
    const correction = testCorrection();
    const answer = await deliver(correction, target, { token: 'none' });
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
  async run(target) {
    const answer = await sendConnectionTest(target);
    return {
      sent: `{} with Erratum-Connection-Test: 1${target.token ? ' and the token' : ''}`,
      answered: describeAnswer(answer),
      verdict: verdict(is2xx(answer)),
    };
  },
};
