import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorrectThisPage, type CorrectThisPageApi, manualIdentity } from '../../../components/queue/CorrectThisPage';
import type { ResponseMap } from '../../../lib/messaging/protocol';

afterEach(cleanup);

function fakeApi(state: ResponseMap['page/state']) {
  const api: CorrectThisPageApi = {
    currentTabId: vi.fn(async () => 12),
    pageState: vi.fn(async () => state),
    correctPage: vi.fn(async () => ({ openedIn: 'panel' as const })),
    closePopup: vi.fn(),
  };
  return api;
}

describe('Correct this page, in the popup', () => {
  it('names the paper it will correct, as text, and opens the form for it', async () => {
    const hostile = '<img src=x onerror=alert(1)> Deep Learning';
    const api = fakeApi({ reachable: true, detection: { papers: [{ name: hostile }] } });
    const { container } = render(<CorrectThisPage api={api} />);
    expect(await screen.findByText(`Corrects: ${hostile}`)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Correct this page' }));
    await waitFor(() => expect(api.closePopup).toHaveBeenCalled());
    expect(api.correctPage).toHaveBeenCalledWith(12, { paperIndex: 0 });
  });

  it('on a list page, corrects the entry picked', async () => {
    const api = fakeApi({ reachable: true, detection: { papers: [{ name: 'First' }, { name: 'Second' }] } });
    render(<CorrectThisPage api={api} />);
    fireEvent.change(await screen.findByLabelText('Paper to correct'), { target: { value: '1' } });
    expect(await screen.findByText('Corrects: Second')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Correct this page' }));
    await waitFor(() => expect(api.correctPage).toHaveBeenCalledWith(12, { paperIndex: 1 }));
  });

  it('with nothing detected, takes a DOI or arXiv id by hand and refuses anything else', async () => {
    const api = fakeApi({ reachable: false, detection: null });
    render(<CorrectThisPage api={api} />);
    const id = await screen.findByLabelText('DOI or arXiv ID');
    fireEvent.input(id, { target: { value: 'not an id' } });
    fireEvent.click(screen.getByRole('button', { name: 'Correct this page' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Enter a DOI/);
    expect(api.correctPage).not.toHaveBeenCalled();
    fireEvent.input(id, { target: { value: 'arXiv:2101.01234' } });
    fireEvent.input(screen.getByLabelText('Title (optional)'), { target: { value: 'A title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Correct this page' }));
    await waitFor(() =>
      expect(api.correctPage).toHaveBeenCalledWith(12, { manual: { arxivId: '2101.01234', title: 'A title' } }),
    );
  });

  it('says why the form did not open, and stays open', async () => {
    const api = fakeApi({ reachable: true, detection: { papers: [{ name: 'A' }, { name: 'B' }] } });
    api.correctPage = vi.fn(async () => {
      throw new Error('The tab was closed');
    });
    render(<CorrectThisPage api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Correct this page' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The form could not be opened: The tab was closed');
    expect(api.closePopup).not.toHaveBeenCalled();
  });
});

describe('an identifier typed by hand', () => {
  it.each([
    ['10.1038/nature14539', { doi: '10.1038/nature14539' }],
    ['https://doi.org/10.1038/NATURE14539', { doi: '10.1038/nature14539' }],
    ['2101.01234v2', { arxivId: '2101.01234v2' }],
    ['hep-th/9901001', { arxivId: 'hep-th/9901001' }],
  ])('%s is %j', (typed, expected) => {
    expect(manualIdentity(typed)).toEqual(expected);
  });

  it('is nothing when it is neither', () => {
    expect(manualIdentity('ISBN 978-3-16-148410-0')).toBeNull();
  });
});
