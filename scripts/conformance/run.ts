// Runs every case, one after another, against one endpoint.
import type { CaseResult, ConformanceCase } from './case';
import { connectionTest, missingToken, wrongToken } from './credentials';
import { correctionWithPdf, plainCorrection, revision } from './deliveries';
import { concurrentSameKey, keyNotTheId, keyReusedWithOtherBody, retrySameKey } from './idempotency';
import { renamedPng, tooLargeBody } from './refusals';
import type { Target } from './requests';
import { statusAddress } from './status';

export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  connectionTest,
  plainCorrection,
  correctionWithPdf,
  retrySameKey,
  keyReusedWithOtherBody,
  keyNotTheId,
  concurrentSameKey,
  renamedPng,
  tooLargeBody,
  missingToken,
  wrongToken,
  revision,
  statusAddress,
];

export interface CaseOutcome extends CaseResult {
  case: ConformanceCase;
}

/** Runs the cases in order; `onOutcome` hears each as it finishes. A case that throws fails. */
export async function runConformance(
  target: Target,
  onOutcome: (outcome: CaseOutcome) => void = () => {},
  cases: readonly ConformanceCase[] = CONFORMANCE_CASES,
): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const conformanceCase of cases) {
    let result: CaseResult;
    try {
      result = await conformanceCase.run(target);
    } catch (error) {
      result = { sent: 'the case could not finish', answered: (error as Error).message, verdict: 'fail' };
    }
    const outcome = { ...result, case: conformanceCase };
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

/** `PASS  a plain correction: sent …; answered …; rule: …` */
export function outcomeLine({ case: c, sent, answered, verdict }: CaseOutcome): string {
  const label = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[verdict];
  return `${label}  ${c.title}: sent ${sent}; answered ${answered}; rule: ${c.rule}`;
}

/** The closing line CI reads; skipped cases are neither. */
export function summaryLine(outcomes: readonly CaseOutcome[]): string {
  const passed = outcomes.filter((o) => o.verdict === 'pass').length;
  const failed = outcomes.filter((o) => o.verdict === 'fail').length;
  return `${passed} passed, ${failed} failed`;
}
