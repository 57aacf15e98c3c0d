import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/queue/Popup';
import { subscribeToQueueChanges } from '../../../components/queue/queue-changes';
import { countsOf, fakeQueueApi, NOW, summary } from './fake-queue-api';

afterEach(cleanup);

describe('Popup', () => {
  it('shows the counts and each item, with a hostile title as plain text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const items = [
      summary({
        title: hostile,
        status: 'needs-attention',
        attempts: 3,
        lastError: {
          kind: 'rejected',
          status: 422,
          message: 'DOI does not resolve',
          serverMessage: 'DOI does not resolve',
          at: NOW,
        },
      }),
      summary({ title: 'Retrying paper', status: 'retrying', attempts: 1, nextAttemptAt: NOW + 10 * 60_000 }),
      summary({ title: 'Sent paper', status: 'sent', receipt: { url: 'https://corrections.example.org/r/1' } }),
      summary({ title: 'Queued paper' }),
    ];
    const { api } = fakeQueueApi(items);
    const { container } = render(<Popup api={api} />);

    expect(await screen.findByText(hostile)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('2 waiting')).toBeTruthy();
    expect(screen.getByText('1 need attention')).toBeTruthy();
    expect(screen.getByText('1 sent')).toBeTruthy();
    expect(screen.getByText('Attempts: 3')).toBeTruthy();
    expect(screen.getByText('Last error: DOI does not resolve')).toBeTruthy();
    expect(screen.getByText('Next attempt in 10 minutes')).toBeTruthy();
    expect(screen.getAllByText('arxiv.org')).toHaveLength(4);
    expect(screen.getAllByText('Queued 5 minutes ago').length).toBeGreaterThan(0);
    const receipt = screen.getByRole('link', { name: 'View receipt' });
    expect(receipt.getAttribute('href')).toBe('https://corrections.example.org/r/1');
    expect(api.list).toHaveBeenCalledWith(100);
  });

  it('asks what became of sent corrections when it opens, and shows what the curators did, note as text', async () => {
    const review = (state: 'received' | 'accepted' | 'rejected' | 'applied', note: string | null) => ({
      state,
      note,
      updatedAt: new Date(NOW - 2 * 60 * 60_000).toISOString(),
      checkedAt: NOW,
    });
    const { api } = fakeQueueApi([
      summary({ title: 'Accepted paper', status: 'sent', review: review('accepted', 'Fixed in the next release.') }),
      summary({ title: 'Rejected paper', status: 'sent', review: review('rejected', '<b>The title is right.</b>') }),
      summary({ title: 'Waiting paper', status: 'sent', review: review('received', null) }),
      summary({ title: 'Applied paper', status: 'sent', review: review('applied', null) }),
    ]);
    const { container } = render(<Popup api={api} />);
    await waitFor(() => expect(api.checkStatuses).toHaveBeenCalledTimes(1));
    const row = (title: string) => within(screen.getByRole('listitem', { name: title }));
    expect(await row('Accepted paper').findByText('Accepted 2 hours ago')).toBeTruthy();
    expect(row('Accepted paper').getByText('Fixed in the next release.')).toBeTruthy();
    expect(row('Rejected paper').getByText('Rejected 2 hours ago')).toBeTruthy();
    expect(row('Rejected paper').getByText('<b>The title is right.</b>')).toBeTruthy();
    expect(container.querySelector('.queue-item-review b')).toBeNull();
    expect(row('Waiting paper').getByText('Received by the curators 2 hours ago')).toBeTruthy();
    expect(row('Applied paper').getByText('Applied to the record 2 hours ago')).toBeTruthy();
  });

  it('offers a receipt link only for http(s) addresses', async () => {
    const { api } = fakeQueueApi([summary({ status: 'sent', receipt: { url: 'javascript:alert(1)' } })]);
    render(<Popup api={api} />);
    await screen.findByText('Sent');
    expect(screen.queryByRole('link', { name: 'View receipt' })).toBeNull();
  });

  it('retries one item, and all of them, through the api', async () => {
    const retrying = summary({ title: 'Retrying paper', status: 'retrying', attempts: 1 });
    const { api } = fakeQueueApi([retrying]);
    render(<Popup api={api} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(api.retry).toHaveBeenCalledWith(retrying.id));
    expect(await screen.findByText('Sending this correction again now.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Retry all now' }));
    await waitFor(() => expect(api.retry).toHaveBeenLastCalledWith(undefined));
    expect(await screen.findByText('Sending 2 corrections now.')).toBeTruthy();
  });

  it('opens the form to fix a correction that needs attention', async () => {
    const item = summary({ status: 'needs-attention', attempts: 1 });
    const { api } = fakeQueueApi([item]);
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Fix and resend' }));
    await waitFor(() => expect(api.openFixForm).toHaveBeenCalledWith(item.id));
  });

  it('discards only after the user confirms', async () => {
    const item = summary({ title: 'Doomed paper', status: 'needs-attention', attempts: 2 });
    const { api } = fakeQueueApi([item]);
    render(<Popup api={api} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(screen.getByText('Discard this correction? It will not be sent.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.discard).not.toHaveBeenCalled();
    expect(screen.queryByText('Discard this correction? It will not be sent.')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, discard' }));
    await waitFor(() => expect(api.discard).toHaveBeenCalledWith(item.id));
    expect(await screen.findByText('Discarded')).toBeTruthy();
    expect(screen.getByText('Correction discarded.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Discard' })).toBeNull();
  });

  it('exports what the background returned as a dated JSON download', async () => {
    const { api } = fakeQueueApi([summary()]);
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export JSON' }));

    await waitFor(() => expect(api.download).toHaveBeenCalledOnce());
    const [filename, blob] = api.download.mock.calls[0]!;
    expect(filename).toBe('erratum-queue-2026-11-23.json');
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text())).toEqual(await api.exportAll.mock.results[0]!.value);
    expect(await screen.findByText('Exported 0 corrections.')).toBeTruthy();
  });

  it('updates an item in place when the background broadcasts a change, ignoring invalid messages', async () => {
    const item = summary({ title: 'Moving paper', status: 'retrying', attempts: 1 });
    const { api } = fakeQueueApi([item]);
    // The real listener, on the fake browser's message channel.
    const live = { ...api, onQueueChanged: subscribeToQueueChanges };
    render(<Popup api={live} />);
    const row = (await screen.findByText('Moving paper')).closest('li')!;
    expect(within(row).getByText('Retrying')).toBeTruthy();

    const sent = { ...item, status: 'sent' as const, attempts: 2 };
    const injected = { ...summary({ title: 'Injected paper', createdAt: NOW }), status: 'needs-attention' };
    const reply = () => {};
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'queue/changed', counts: 'many', items: [injected] },
      {},
      reply,
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'queue/changed', counts: countsOf([sent]), items: [sent] },
      {},
      reply,
    );
    // Broadcasts are handled in order: once the valid one shows, the invalid one was dropped.
    await waitFor(() => expect(within(row).getByText('Sent')).toBeTruthy());
    expect(screen.getByText('1 sent')).toBeTruthy();
    expect(screen.getByText('0 waiting')).toBeTruthy();
    expect(screen.getByText('“Moving paper” is now: Sent')).toBeTruthy();
    expect(screen.queryByText('Injected paper')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('announces several moves in one broadcast once, with how many changed', async () => {
    const first = summary({ title: 'First paper', status: 'retrying', attempts: 1 });
    const second = summary({ title: 'Second paper', status: 'queued' });
    const { api, broadcast } = fakeQueueApi([first, second]);
    render(<Popup api={api} />);
    await screen.findByText('Second paper');
    const moved = [
      { ...first, status: 'sent' as const },
      { ...second, status: 'needs-attention' as const },
    ];
    broadcast({ type: 'queue/changed', counts: countsOf(moved), items: moved });
    expect(await screen.findByText('2 corrections changed status')).toBeTruthy();
    const rowOf = (title: string) => screen.getByText(title).closest('li')!;
    expect(within(rowOf('First paper')).getByText('Sent')).toBeTruthy();
    expect(within(rowOf('Second paper')).getByText('Needs attention')).toBeTruthy();
  });

  it('shows a new correction on top when it arrives', async () => {
    const older = summary({ title: 'Older paper' });
    const { api, broadcast } = fakeQueueApi([older]);
    render(<Popup api={api} />);
    await screen.findByText('Older paper');
    const newer = summary({ title: 'Newer paper', createdAt: NOW });
    broadcast({ type: 'queue/changed', counts: countsOf([newer, older]), items: [newer] });
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((li) => li.querySelector('.queue-item-title')?.textContent)).toEqual([
        'Newer paper',
        'Older paper',
      ]),
    );
    expect(screen.getByText('2 waiting')).toBeTruthy();
  });

  it('explains how to start when the queue is empty', async () => {
    const { api } = fakeQueueApi([]);
    render(<Popup api={api} />);
    expect(
      await screen.findByText(
        'Nothing queued. Click the pencil beside a title, author or DOI on a paper page to suggest a correction.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('points to the options when no endpoint is configured', async () => {
    const { api } = fakeQueueApi([], { settings: { endpointUrl: '' } });
    render(<Popup api={api} />);
    expect(await screen.findByText(/No endpoint is configured/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set one in Options' }));
    expect(api.openOptions).toHaveBeenCalledOnce();
  });

  it('says nothing about the endpoint when one is configured', async () => {
    const { api } = fakeQueueApi([]);
    render(<Popup api={api} />);
    await waitFor(() => expect(api.getSettings).toHaveBeenCalled());
    await screen.findByText(/Nothing queued/);
    expect(screen.queryByText(/No endpoint is configured/)).toBeNull();
  });

  it('renders a bounded page of a 10,000-item queue and loads more on request', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => summary({ createdAt: NOW - i * 1000 }));
    const { api } = fakeQueueApi(items);
    render(<Popup api={api} />);

    expect(await screen.findByText('Showing 100 of 10,000')).toBeTruthy();
    expect(api.list).toHaveBeenCalledWith(100);
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
    expect(screen.getByText('10,000 waiting')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Showing 200 of 10,000')).toBeTruthy();
    expect(api.list).toHaveBeenLastCalledWith(200);
    expect(screen.getAllByRole('listitem')).toHaveLength(200);
  });

  it('speaks Japanese', async () => {
    globalThis.__testLocale = 'ja';
    const { api } = fakeQueueApi([summary({ status: 'needs-attention', attempts: 1 })], {
      settings: { endpointUrl: '' },
    });
    render(<Popup api={api} />);
    expect(await screen.findByText('要対応 1 件')).toBeTruthy();
    expect(screen.getByRole('button', { name: '編集して再送' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'すべて今すぐ再送' })).toBeTruthy();
    expect(screen.getByText(/送信先が設定されていない/)).toBeTruthy();
    expect(screen.getByText('追加: 5 分前')).toBeTruthy();
  });

  it('shows a refusal from the background as is', async () => {
    const { api } = fakeQueueApi([summary({ status: 'retrying', attempts: 1 })]);
    api.retry.mockRejectedValueOnce(new Error('The outbox is busy; try again in a moment.'));
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The outbox is busy; try again in a moment.');
  });
});
