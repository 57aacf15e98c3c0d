// The status address (protocol 1.2, docs/endpoint.md "Status"): optional, but when a receipt
// carries one it must be an address the extension may ask with the token, and it must answer
// the correction's state as the extension reads it (lib/sync/status-check.ts, the same function).
import { ReceiptSchema } from '../../lib/schema/correction';
import { checkStatus, statusAddressProblem } from '../../lib/sync/status-check';
import { type ConformanceCase, describeAnswer, is2xx } from './case';
import { testCorrection } from './corrections';
import { deliver } from './requests';

/** What a plain GET on the status address answers without a token (the token case). */
async function statusWithoutToken(statusUrl: string): Promise<number | string> {
  try {
    const response = await fetch(statusUrl, { headers: { Accept: 'application/json' }, redirect: 'manual' });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return `no answer (${(error as Error).message})`;
  }
}

export const statusAddress: ConformanceCase = {
  id: 'status',
  title: 'the status address',
  rule: 'a receipt\'s "status", when there is one, is on the endpoint\'s origin; GET with the token → 200 { id, state, note, updatedAt }, "received" for a new correction; without the token → 401 (Status)',
  async run(target) {
    const correction = testCorrection();
    const answer = await deliver(correction, target);
    const sent = `a correction (${correction.id}), then GET on its receipt's status address`;
    if (!is2xx(answer) || answer.status === 'none')
      return { sent, answered: `the delivery: ${describeAnswer(answer)}`, verdict: 'fail' };
    let receiptJson: unknown = null;
    try {
      receiptJson = JSON.parse(answer.bodyText);
    } catch {}
    const receipt = ReceiptSchema.safeParse(receiptJson);
    const statusUrl = receipt.success ? receipt.data.status : undefined;
    if (!statusUrl)
      return { sent, answered: 'a receipt without a status address (optional: not checked)', verdict: 'skip' };
    const problem = statusAddressProblem(statusUrl, target.endpoint);
    if (problem) return { sent, answered: `status ${statusUrl}: ${problem}`, verdict: 'fail' };
    const check = await checkStatus(
      fetch,
      { statusUrl, endpointUrl: target.endpoint, token: target.token, correctionId: correction.id },
      Date.now(),
    );
    if (check.kind !== 'status') return { sent, answered: `status ${statusUrl}: ${check.reason}`, verdict: 'fail' };
    const { state } = check.status;
    if (state !== 'received')
      return { sent, answered: `"${state}" for a correction nobody reviewed yet`, verdict: 'fail' };
    if (!target.token)
      return { sent, answered: '"received" (no --token given: the token is not checked)', verdict: 'pass' };
    const withoutToken = await statusWithoutToken(statusUrl);
    return {
      sent: `${sent}, with the token and without it`,
      answered: `"received" with the token; ${withoutToken} without it`,
      verdict: withoutToken === 401 ? 'pass' : 'fail',
    };
  },
};
