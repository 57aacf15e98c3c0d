import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserFormApi } from '../../../components/form/api';
import { createHandlers } from '../../../lib/background/handlers';
import { createRouter } from '../../../lib/background/router';
import { loadDraft } from '../../../lib/drafts';
import { openQueueDb } from '../../../lib/queue/db';
import { NO_PAGE_REACH } from '../../lib/background/no-page-reach';
import { declare, fakeApi, renderForm, reviewButton, selectField, type } from './harness';

const KEY = 'doi:10.1112/plms/s2-42.1.230';

describe('drafts', () => {
  it('are saved as the user types, under the paper key', async () => {
    const { api, drafts } = fakeApi();
    renderForm({}, api);
    type(selectField('Title'), 'On Computable Numbers, with an Application');
    await waitFor(() =>
      expect(drafts.get(KEY)?.state.suggestions.title).toBe('On Computable Numbers, with an Application'),
    );
    expect(drafts.get(KEY)?.state.selected).toEqual(['title']);
  });

  it('are not written for a form the user has not touched', async () => {
    const { api } = fakeApi();
    renderForm({}, api);
    await waitFor(() => expect(api.loadDraft).toHaveBeenCalledWith(KEY));
    fireEvent(window, new Event('pagehide'));
    expect(api.saveDraft).not.toHaveBeenCalled();
  });

  it('come back when the form for the same paper reopens, and can be discarded', async () => {
    const { api, drafts } = fakeApi();
    const first = renderForm({ draftDelayMs: 60_000 }, api);
    await act(async () => {
      await api.loadDraft.mock.results[0]?.value;
    });
    type(selectField('Title'), 'On Computable Numbers, with an Application');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Ada Lovelace' }));
    // Closing the panel before the debounce fires: pagehide saves at once.
    fireEvent(window, new Event('pagehide'));
    expect(drafts.has(KEY)).toBe(true);
    first.unmount();

    renderForm({}, api);
    expect(await screen.findByText('Draft restored.')).toBeTruthy();
    expect((screen.getByLabelText('Suggested correction (Title)') as HTMLInputElement).value).toBe(
      'On Computable Numbers, with an Application',
    );
    expect(screen.getByRole('button', { name: 'Undo removing Ada Lovelace' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(drafts.has(KEY)).toBe(false));
    expect(screen.queryByText('Draft restored.')).toBeNull();
    expect(screen.queryByLabelText('Suggested correction (Title)')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Ada Lovelace' })).toBeTruthy();
  });

  it('keep the last keystroke when the tab is hidden inside the save delay', async () => {
    const { api, drafts } = fakeApi();
    renderForm({ draftDelayMs: 60_000 }, api);
    await act(async () => {
      await api.loadDraft.mock.results[0]?.value;
    });
    type(selectField('Title'), 'On Computable Numbers');
    expect(drafts.has(KEY)).toBe(false);
    // What a closing or backgrounded tab fires first (pagehide comes too late to finish a save).
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      fireEvent(document, new Event('visibilitychange'));
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
    expect(drafts.get(KEY)?.state.suggestions.title).toBe('On Computable Numbers');
  });

  it('keep the last keystroke when the panel is closed at once, saved before it closes', async () => {
    const { api, drafts } = fakeApi();
    const onClose = vi.fn(() => {
      closedWith = drafts.get(KEY)?.state.suggestions.title;
    });
    let closedWith: string | undefined;
    renderForm({ draftDelayMs: 60_000, onClose }, api);
    await act(async () => {
      await api.loadDraft.mock.results[0]?.value;
    });
    type(selectField('Title'), 'On Computable Numbers, with an Application');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(closedWith).toBe('On Computable Numbers, with an Application');
  });

  it('say that an attached PDF was not kept', async () => {
    const { api, drafts } = fakeApi();
    const first = renderForm({}, api);
    fireEvent.change(screen.getByLabelText('Choose a PDF file'), {
      target: { files: [new File(['%PDF-1.4'], 'corrected.pdf')] },
    });
    await screen.findByText(/corrected\.pdf \(/);
    type(selectField('Year'), '1937');
    await waitFor(() => expect(drafts.get(KEY)?.hadPdf).toBe(true));
    first.unmount();
    renderForm({}, api);
    expect(await screen.findByText('The PDF you attached is not kept in drafts: attach it again.')).toBeTruthy();
  });

  it('keep the clicked field selected on top of a restored draft', async () => {
    const { api } = fakeApi();
    const first = renderForm({}, api);
    type(selectField('Year'), '1937');
    await waitFor(() => expect(api.saveDraft).toHaveBeenCalled());
    first.unmount();
    renderForm({ openAt: { field: 'doi' } }, api);
    await screen.findByText('Draft restored.');
    expect(screen.getByRole('button', { name: 'Edit Year' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Edit DOI' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('are cleared once the correction is sent', async () => {
    const { api, drafts } = fakeApi();
    renderForm({}, api);
    type(selectField('Year'), '1937');
    declare();
    await waitFor(() => expect(drafts.get(KEY)?.state.declaration).toBe(true));
    fireEvent.click(reviewButton());
    fireEvent.click(screen.getByRole('button', { name: 'Send correction' }));
    await screen.findByRole('heading', { name: 'Saved in your outbox' });
    await waitFor(() => expect(drafts.has(KEY)).toBe(false));
    expect(api.clearDraft).toHaveBeenCalledWith(KEY);
  });

  it('live in the worker, out of storage.local, with the real api', async () => {
    // The worker's router answers the form's messages, as from the form page.
    const route = createRouter(
      createHandlers({ db: openQueueDb, queueChanged: () => undefined }, NO_PAGE_REACH),
      'ext',
      'chrome-extension://ext/',
    );
    // fakeBrowser answers through sendResponse, as Chrome's callback form does.
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      void route(message, { id: 'ext', url: 'chrome-extension://ext/form.html' }).then(sendResponse);
      return true;
    });
    const api = { ...fakeApi().api, loadDraft: browserFormApi.loadDraft, saveDraft: browserFormApi.saveDraft };
    const first = renderForm({}, api);
    type(selectField('Venue'), 'Proc. LMS');
    await waitFor(async () => expect((await loadDraft(KEY))?.state.suggestions.venue).toBe('Proc. LMS'));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    first.unmount();
    renderForm({}, api);
    expect(await screen.findByText('Draft restored.')).toBeTruthy();
    expect((screen.getByLabelText('Suggested correction (Venue)') as HTMLInputElement).value).toBe('Proc. LMS');
  });
});
