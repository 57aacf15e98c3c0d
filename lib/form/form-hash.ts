/**
 * What the form page was opened for, from its address: `#ctx=<contextId>` (the content script,
 * after a click on a paper page; `&claim=` follows it in a tab of its own, which the worker opened:
 * lib/form/await-claim.ts) or `#edit=<correctionId>` (the popup, to fix a correction).
 */
export type FormTarget = { kind: 'context'; contextId: string } | { kind: 'edit'; correctionId: string };

export function parseFormHash(hash: string): FormTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const contextId = params.get('ctx');
  if (contextId) return { kind: 'context', contextId };
  const correctionId = params.get('edit');
  if (correctionId) return { kind: 'edit', correctionId };
  return null;
}
