// The Idempotency-Key rules: a retry, a reused key, two attempts at once.
import { setTimeout as pause } from 'node:timers/promises';
import { type ConformanceCase, describeAnswer, is2xx, sameAnswer, verdict } from './case';
import { testCorrection } from './corrections';
import { type Answer, deliver } from './requests';

export const retrySameKey: ConformanceCase = {
  id: 'retry',
  title: 'a retry with the same key',
  rule: 'same key, same correction (compared as JSON, not bytes) → the first answer again, stored once (Idempotency 2)',
  async run(target) {
    const correction = testCorrection();
    const first = await deliver(correction, target);
    // The same value laid out differently: the rule compares parsed JSON.
    const again = await deliver(correction, target, { json: JSON.stringify(correction, null, 2) });
    return {
      sent: `one correction twice under one key (${correction.id})`,
      answered: `${describeAnswer(first)} then ${describeAnswer(again)}`,
      verdict: verdict(is2xx(first) && sameAnswer(first, again)),
    };
  },
};

export const keyReusedWithOtherBody: ConformanceCase = {
  id: 'key-reuse',
  title: 'the same key with a different body',
  rule: "same key, different correction → 422 (Idempotency 3; the IETF Idempotency-Key draft's Error Scenarios)",
  async run(target) {
    const correction = testCorrection();
    const first = await deliver(correction, target);
    const changed = { ...correction, changes: [{ ...correction.changes[0]!, to: 'A Different Title' }] };
    const reused = await deliver(changed, target);
    return {
      sent: `a correction, then a different one under its key (${correction.id})`,
      answered: `${describeAnswer(first)} then ${describeAnswer(reused)}`,
      verdict: verdict(is2xx(first) && reused.status === 422),
    };
  },
};

export const keyNotTheId: ConformanceCase = {
  id: 'key-mismatch',
  title: 'a key that is not the correction id',
  rule: 'a key other than correction.id → 422; a refusal is not remembered, so the same correction with its own key is then accepted (Idempotency 4 and 7)',
  async run(target) {
    const correction = testCorrection();
    const otherKey = testCorrection().id;
    const refused = await deliver(correction, target, { key: otherKey });
    const accepted = await deliver(correction, target);
    return {
      sent: `a correction under another key (${otherKey}), then under its own (${correction.id})`,
      answered: `${describeAnswer(refused)} then ${describeAnswer(accepted)}`,
      verdict: verdict(refused.status === 422 && is2xx(accepted)),
    };
  },
};

/** Seconds from Retry-After (whole seconds only), capped so a case never waits long. */
function retryDelayMs(answers: Answer[]): number {
  const seconds = Math.max(0, ...answers.map((a) => (a.status === 'none' ? 0 : Number(a.retryAfter) || 0)));
  return Math.min(seconds, 5) * 1000;
}

export const concurrentSameKey: ConformanceCase = {
  id: 'concurrent',
  title: 'two at once with the same key',
  rule: 'two attempts at once make one record: one 2xx, the other 409 or the same answer; a later retry replays it (Idempotency 6)',
  async run(target) {
    const correction = testCorrection();
    const answers = await Promise.all([deliver(correction, target), deliver(correction, target)]);
    const stored = answers.filter(is2xx);
    const othersAre409 = answers.every((a) => is2xx(a) || a.status === 409);
    await pause(retryDelayMs(answers));
    const later = await deliver(correction, target);
    const pass =
      stored.length > 0 &&
      othersAre409 &&
      stored.every((a) => sameAnswer(a, stored[0]!)) &&
      sameAnswer(later, stored[0]!);
    return {
      sent: `one correction twice at the same moment, then once more (${correction.id})`,
      answered: `${answers.map(describeAnswer).join(' and ')}; later ${describeAnswer(later)}`,
      verdict: verdict(pass),
    };
  },
};
