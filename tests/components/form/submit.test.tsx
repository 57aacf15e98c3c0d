import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { MessageError } from '../../../lib/messaging/send';
import { type Correction, CorrectionSchema } from '../../../lib/schema/correction';
import type { QueueSummary } from '../../../lib/schema/queue';
import {
  CORRECTION_ID,
  declare,
  fakeApi,
  renderForm,
  reviewBlocked,
  reviewButton,
  selectField,
  summaryOf,
  type,
} from './harness';

const DRAFT_KEY = 'doi:10.1112/plms/s2-42.1.230';

function fillYearCorrection(): void {
  type(selectField('Year'), '1937');
  type(selectField('Venue'), 'Proc. London Math. Soc.');
  declare();
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('review step', () => {
  it('lists each change old → new, and Back keeps everything', () => {
    renderForm();
    fillYearCorrection();
    fireEvent.click(reviewButton());
    const review = screen.getByRole('heading', { name: 'Review your correction' }).closest('section')!;
    const rows = Array.from(review.querySelectorAll('.review-row'), (row) => row.textContent);
    expect(rows).toContain('Year1936 → becomes1937');
    expect(rows).toContain('VenueProceedings of the London Mathematical Society → becomesProc. London Math. Soc.');
    expect(rows).toContain('Your informationAda Lovelace <ada@example.org>');
    expect(document.activeElement?.id).toBe('review-heading');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByLabelText('Suggested correction (Year)') as HTMLInputElement).value).toBe('1937');
    expect(reviewBlocked()).toBe(false);
  });
});

describe('sending', () => {
  it('stages the PDF first, then submits a correction the schema accepts', async () => {
    const { api, calls } = fakeApi();
    renderForm({}, api);
    fillYearCorrection();
    fireEvent.change(screen.getByLabelText('Choose a PDF file'), {
      target: { files: [new File(['%PDF-1.4 corrected'], 'corrected.pdf')] },
    });
    await screen.findByText(/corrected\.pdf \(/);
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });

    expect(calls).toEqual(['stagePdf', 'submit']);
    const [stagedId, stagedFile, sha256] = api.stagePdf.mock.calls[0]!;
    expect(stagedId).toBe(CORRECTION_ID);
    expect((stagedFile as File).name).toBe('corrected.pdf');
    const correction = api.submit.mock.calls[0]![0];
    expect(CorrectionSchema.safeParse(correction).success).toBe(true);
    expect(correction.id).toBe(CORRECTION_ID);
    expect(correction.pdf).toEqual({ name: 'corrected.pdf', size: 18, sha256 });
    expect(correction.changes).toEqual([
      { field: 'year', from: 1936, to: 1937 },
      { field: 'venue', from: 'Proceedings of the London Mathematical Society', to: 'Proc. London Math. Soc.' },
    ]);
  });

  it('says "Queued" only once the background has answered', async () => {
    const answer = deferred<QueueSummary>();
    const { api } = fakeApi({ submit: () => answer.promise });
    renderForm({}, api);
    fillYearCorrection();
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    const sending = await screen.findByRole('button', { name: 'Sending…' });
    expect((sending as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByText('Saved in your outbox')).toBeNull();
    answer.resolve(summaryOf({ id: CORRECTION_ID }));
    expect(await screen.findByRole('heading', { name: 'Saved in your outbox' })).toBeTruthy();
    expect(screen.getByText('Waiting to be sent.').closest('[role="status"]')).not.toBeNull();
  });

  it('shows the delivery status live, ignoring other corrections', async () => {
    const { api, broadcast } = fakeApi();
    renderForm({}, api);
    fillYearCorrection();
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
    const status = () => document.querySelector('[data-status]')!;

    broadcast(summaryOf({ id: CORRECTION_ID }, { status: 'sending', updatedAt: 2 }));
    await waitFor(() => expect(status().textContent).toBe('Sending…'));
    broadcast(summaryOf({ id: '019aab3c-1d2e-7f00-8a00-0000000000ff' }, { status: 'sent', updatedAt: 3 }));
    expect(status().textContent).toBe('Sending…');

    const retryAt = Date.UTC(2026, 10, 23, 14, 5);
    broadcast(summaryOf({ id: CORRECTION_ID }, { status: 'retrying', nextAttemptAt: retryAt, updatedAt: 4 }));
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(retryAt);
    await waitFor(() => expect(status().textContent).toBe(`Could not be sent yet; next attempt at ${when}.`));

    broadcast(
      summaryOf(
        { id: CORRECTION_ID },
        {
          status: 'needs-attention',
          updatedAt: 5,
          lastError: { kind: 'rejected', message: 'Unknown DOI', serverMessage: 'Unknown DOI', at: 5 },
        },
      ),
    );
    await waitFor(() => expect(status().textContent).toBe('Needs attention: Unknown DOI'));

    broadcast(
      summaryOf(
        { id: CORRECTION_ID },
        { status: 'sent', updatedAt: 6, receipt: { url: 'https://curators.example/r/42' } },
      ),
    );
    const receipt = await screen.findByRole('link', { name: 'View receipt' });
    expect(receipt.getAttribute('href')).toBe('https://curators.example/r/42');
    expect(status().textContent).toContain('Sent: the server has received your correction.');
  });

  it('keeps news that arrives before the answer, and shows it once accepted', async () => {
    const answer = deferred<QueueSummary>();
    const { api, broadcast } = fakeApi({ submit: () => answer.promise });
    renderForm({}, api);
    fillYearCorrection();
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('button', { name: 'Sending…' });
    broadcast(summaryOf({ id: CORRECTION_ID }, { status: 'sending', updatedAt: 5 }));
    expect(screen.queryByText('Sending…', { selector: 'p' })).toBeNull();
    answer.resolve(summaryOf({ id: CORRECTION_ID }, { updatedAt: 4 }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
    expect(document.querySelector('[data-status]')!.textContent).toBe('Sending…');
  });

  it('shows a refusal and keeps everything the user entered', async () => {
    const { api } = fakeApi({
      submit: async (_: Correction) => {
        throw new MessageError('No endpoint is configured yet. Set one in the options.');
      },
    });
    renderForm({}, api);
    fillYearCorrection();
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The correction was not queued: No endpoint is configured yet. Set one in the options.',
    );
    expect(screen.queryByText('Saved in your outbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByLabelText('Suggested correction (Year)') as HTMLInputElement).value).toBe('1937');
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
  });
});

describe('edit mode (a correction that needs attention)', () => {
  it('shows the server message, prefills everything and sends the edit as a new revision', async () => {
    const { api } = fakeApi();
    const { detectedPaper } = await import('../../lib/form/paper-fixture');
    const paper = detectedPaper();
    const queued: Correction = {
      id: '019aab3c-0000-7000-8000-00000000abcd',
      createdAt: '2026-11-20T09:00:00.000Z',
      pageUrl: paper.url,
      paper: { title: paper.title, doi: paper.doi, arxivId: null, pmid: null, url: paper.url },
      detected: paper,
      changes: [{ field: 'doi', from: paper.doi, to: '10.9999/unknown' }],
      authorChanges: [],
      comment: 'From the journal site.',
      submitter: { name: 'Alan Turing', email: 'alan@example.org' },
      declaration: true,
    };
    renderForm(
      { editing: { correction: queued, problem: 'DOI 10.9999/unknown does not resolve' }, submitter: queued.submitter },
      api,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The server could not accept this correction: DOI 10.9999/unknown does not resolve',
    );
    const doi = screen.getByLabelText('Suggested correction (DOI)') as HTMLInputElement;
    expect(doi.value).toBe('10.9999/unknown');
    expect((screen.getByLabelText('Comment') as HTMLTextAreaElement).value).toBe('From the journal site.');
    type(doi, '10.1112/plms/s2-43.6.544');
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
    expect(api.submit).not.toHaveBeenCalled();
    const resent = api.resubmit.mock.calls[0]![0];
    // The server may hold the first version (its answer lost): the edit must not reuse that key.
    expect(resent.id).toBe(CORRECTION_ID);
    expect(resent.supersedes).toBe(queued.id);
    expect(resent.createdAt).toBe(queued.createdAt);
    expect(resent.changes).toEqual([{ field: 'doi', from: paper.doi, to: '10.1112/plms/s2-43.6.544' }]);
    expect(CorrectionSchema.safeParse(resent).success).toBe(true);
  });
});

describe('a Send whose answer may be lost', () => {
  it('keeps the id in the draft before handing the correction over', async () => {
    const answer = deferred<QueueSummary>();
    const { api, drafts } = fakeApi({ submit: () => answer.promise });
    renderForm({}, api);
    fillYearCorrection();
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await waitFor(() => expect(api.submit).toHaveBeenCalled());
    expect(drafts.get(DRAFT_KEY)?.correctionId).toBe(CORRECTION_ID);
    answer.resolve(summaryOf({ id: CORRECTION_ID }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
  });

  async function sendAndClose(api: ReturnType<typeof fakeApi>['api']) {
    const first = renderForm({}, api);
    fillYearCorrection();
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await waitFor(() => expect(api.submit).toHaveBeenCalledTimes(1));
    // The tab closes while the hand-over is still unanswered.
    first.unmount();
  }

  it('sends a reopened draft again as the same correction, body and all', async () => {
    let calls = 0;
    const { api } = fakeApi({
      submit: (correction) =>
        ++calls === 1 ? new Promise<QueueSummary>(() => {}) : Promise.resolve(summaryOf(correction)),
    });
    await sendAndClose(api);
    renderForm({ newId: () => '019aab3c-1d2e-7f00-8a00-0000000000aa' }, api);
    await screen.findByText('Draft restored.');
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
    const [first, second] = api.submit.mock.calls.map(([correction]) => correction);
    expect(second).toEqual(first);
    expect(second?.id).toBe(CORRECTION_ID);
  });

  it('sends a reopened draft that was edited as a new revision of the first Send', async () => {
    let calls = 0;
    const { api } = fakeApi({
      submit: (correction) =>
        ++calls === 1 ? new Promise<QueueSummary>(() => {}) : Promise.resolve(summaryOf(correction)),
    });
    await sendAndClose(api);
    const revisionId = '019aab3c-1d2e-7f00-8a00-0000000000aa';
    renderForm({ newId: () => revisionId }, api);
    await screen.findByText('Draft restored.');
    type(screen.getByLabelText('Suggested correction (Year)'), '1938');
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
    const second = api.submit.mock.calls[1]![0];
    expect(second).toMatchObject({ id: revisionId, supersedes: CORRECTION_ID });
    expect(second.changes).toContainEqual({ field: 'year', from: 1936, to: 1938 });
  });
});
