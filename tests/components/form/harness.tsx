import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import type { FormApi } from '../../../components/form/api';
import { CorrectionForm, type CorrectionFormProps } from '../../../components/form/CorrectionForm';
import type { FormDraft } from '../../../lib/drafts';
import type { Correction } from '../../../lib/schema/correction';
import type { QueueSummary } from '../../../lib/schema/queue';
import { detectedPaper } from '../../lib/form/paper-fixture';

afterEach(cleanup);

// Preact names an event after its handler in lower case only when the element has the matching
// `on…` property; happy-dom's elements lack the drag ones, so without these onDrop would listen
// for "Drop" and never hear the drop a browser (and fireEvent) sends.
for (const type of ['dragstart', 'dragover', 'dragleave', 'drop']) {
  if (!(`on${type}` in HTMLElement.prototype))
    Object.defineProperty(HTMLElement.prototype, `on${type}`, { value: null, writable: true, configurable: true });
}

const NO_COUNTS = { queued: 0, sending: 0, sent: 0, retrying: 0, 'needs-attention': 0, discarded: 0 };

export const CORRECTION_ID = '019aab3c-1d2e-7f00-8a00-000000000001';

export function summaryOf(correction: Pick<Correction, 'id'>, changes: Partial<QueueSummary> = {}): QueueSummary {
  return {
    id: correction.id,
    status: 'queued',
    title: 'On Computable Numbers',
    site: 'generic',
    pageUrl: 'https://example.org/papers/turing-1936',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: 1,
    updatedAt: 1,
    ...changes,
  };
}

/** A FormApi that records calls, keeps drafts in a Map and lets a test broadcast queue news. */
export function fakeApi(overrides: Partial<FormApi> = {}) {
  const drafts = new Map<string, FormDraft>();
  const listeners = new Set<Parameters<FormApi['subscribeQueue']>[0]>();
  const calls: string[] = [];
  const api = {
    submit: vi.fn(
      overrides.submit ??
        (async (correction: Correction) => {
          calls.push('submit');
          return summaryOf(correction);
        }),
    ),
    resubmit: vi.fn(
      overrides.resubmit ??
        (async (correction: Correction) => {
          calls.push('resubmit');
          return summaryOf(correction);
        }),
    ),
    stagePdf: vi.fn(
      overrides.stagePdf ??
        (async (_id: string, _file: Blob, _sha256: string) => {
          calls.push('stagePdf');
        }),
    ),
    loadDraft: vi.fn(overrides.loadDraft ?? (async (key: string) => drafts.get(key) ?? null)),
    saveDraft: vi.fn(
      overrides.saveDraft ??
        (async (key: string, draft: FormDraft) => {
          drafts.set(key, draft);
        }),
    ),
    clearDraft: vi.fn(
      overrides.clearDraft ??
        (async (key: string) => {
          drafts.delete(key);
        }),
    ),
    subscribeQueue: vi.fn((listener: Parameters<FormApi['subscribeQueue']>[0]) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    }),
  } satisfies FormApi;
  const broadcast = (item: QueueSummary) => {
    for (const listener of listeners) listener({ type: 'queue/changed', counts: NO_COUNTS, items: [item] });
  };
  return { api, drafts, calls, broadcast };
}

export function renderForm(props: Partial<CorrectionFormProps> = {}, api: FormApi = fakeApi().api) {
  return render(
    <CorrectionForm
      paper={detectedPaper()}
      submitter={{ name: 'Ada Lovelace', email: 'ada@example.org' }}
      api={api}
      newId={() => CORRECTION_ID}
      draftDelayMs={0}
      onClose={() => undefined}
      {...props}
    />,
  );
}

export function type(element: HTMLElement, value: string): void {
  fireEvent.input(element, { target: { value } });
}

/** Types into a control and leaves it, as a user moving on to the next one. */
export function typeAndLeave(element: HTMLElement, value: string): void {
  type(element, value);
  fireEvent.blur(element);
}

/** Presses a field's edit button and returns its suggestion input (English labels). */
export function selectField(label: string): HTMLElement {
  fireEvent.click(screen.getByRole('button', { name: `Edit ${label}` }));
  return screen.getByLabelText(`Suggested correction (${label})`);
}

export function declare(): void {
  fireEvent.click(screen.getByRole('checkbox', { name: /I am an author of this paper/ }));
}

export function reviewButton(): HTMLButtonElement {
  return screen.getByRole('button', { name: 'Review correction' }) as HTMLButtonElement;
}

/** The review button refuses (aria-disabled: it stays in the Tab order with its reasons). */
export function reviewBlocked(): boolean {
  return reviewButton().getAttribute('aria-disabled') === 'true';
}

/** The first of the reasons the submit bar lists, or null when there is none. */
export function submitReason(): string | null {
  return document.querySelector('#submit-reason li')?.textContent ?? null;
}

/** Every reason the submit bar lists. */
export function submitReasons(): string[] {
  return [...document.querySelectorAll('#submit-reason li')].map((item) => item.textContent ?? '');
}
