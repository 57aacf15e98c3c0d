import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { postClose } from '../../../components/form/close';
import { FormPage } from '../../../components/form/FormPage';
import type { sendRequest } from '../../../lib/messaging/send';
import { MessageError } from '../../../lib/messaging/send';
import { detectedPaper } from '../../lib/form/paper-fixture';
import { renderForm, type } from './harness';

describe('opening and closing', () => {
  it('opens with the clicked field selected and takes focus', () => {
    renderForm({ openAt: { field: 'doi' } });
    expect(screen.getByRole('button', { name: 'Edit DOI' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByLabelText('Suggested correction (DOI)')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Request Correction' }));
  });

  it('closes with Esc and with the close button', async () => {
    const onClose = vi.fn();
    renderForm({ onClose });
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    // Each close waits for the draft to be saved first.
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(2));
  });

  it('asks the framing page to close with a message it can recognise', () => {
    const parent = { postMessage: vi.fn() };
    const framed = { parent, close: vi.fn() };
    postClose(framed as unknown as Window);
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'erratum/close' }, '*');
    expect(framed.close).not.toHaveBeenCalled();
  });

  it('closes its own tab when it is no frame (a form in a tab of its own)', () => {
    const tab = { close: vi.fn(), postMessage: vi.fn() };
    Object.assign(tab, { parent: tab });
    postClose(tab as unknown as Window);
    expect(tab.close).toHaveBeenCalledOnce();
    expect(tab.postMessage).not.toHaveBeenCalled();
  });

  it('keeps Tab inside the form, wrapping at both ends', () => {
    renderForm();
    const heading = screen.getByRole('heading', { name: 'Request Correction' });
    expect(document.activeElement).toBe(heading);
    // From the heading the form took focus on, Shift+Tab goes to the end rather than the page.
    expect(fireEvent.keyDown(heading, { key: 'Tab', shiftKey: true })).toBe(false);
    const main = screen.getByRole('main');
    const close = screen.getByRole('button', { name: 'Close' });
    // The review button refuses but stays reachable, and the last stop is the last of the
    // reasons it lists, a link to the declaration.
    const last = screen.getByRole('link', { name: 'Confirm the author declaration.' });
    expect(document.activeElement).toBe(last);
    expect(fireEvent.keyDown(last, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(close);
    expect(fireEvent.keyDown(close, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(last);
    expect(main.contains(document.activeElement)).toBe(true);
    // In the middle, Tab is left to the browser.
    const name = screen.getByLabelText('Name');
    name.focus();
    expect(fireEvent.keyDown(name, { key: 'Tab' })).toBe(true);
  });
});

describe('paper information', () => {
  it('shows page text as text, never as markup', () => {
    renderForm({ paper: detectedPaper({ title: '<img src=x onerror=alert(1)>Turing' }) });
    const info = screen.getByRole('heading', { name: 'Paper information' }).closest('section')!;
    expect(info.querySelector('img')).toBeNull();
    expect(info.textContent).toContain('<img src=x onerror=alert(1)>Turing');
    expect(info.textContent).toContain('Ada Lovelace, Alan Turing, Grace Hopper');
  });
});

describe('in Japanese', () => {
  it('renders every part from the Japanese catalog', () => {
    globalThis.__testLocale = 'ja';
    renderForm();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('訂正を依頼');
    expect(screen.getByRole('group', { name: '著者' })).toBeTruthy();
    expect(document.querySelector('#submit-reason li')?.textContent).toBe(
      '上の編集ボタンで、訂正する項目を1つ以上選んでください。',
    );
    fireEvent.click(screen.getByRole('button', { name: '編集：抄録' }));
    expect(screen.getByLabelText('訂正後の値（抄録）').tagName).toBe('TEXTAREA');
    fireEvent.click(screen.getByRole('button', { name: '編集：出版年' }));
    type(screen.getByLabelText('訂正後の値（出版年）'), '37');
    expect(document.querySelector('#submit-reason li')?.textContent).toBe(
      '出版年：2021 のように4桁の年を入力してください。',
    );
  });
});

describe('FormPage', () => {
  const paper = detectedPaper();

  it('asks the background for the context in its address and opens the form there', async () => {
    const request = vi.fn(async () => ({
      paper,
      field: 'author',
      authorIndex: 2,
      submitter: { name: 'Ada Lovelace', email: 'ada@example.org' },
    })) as unknown as typeof sendRequest;
    const claimFor = vi.fn(async () => 'b7e0c7f2-3d0b-4b8e-8a52-6f1d2e3c4b5a');
    render(<FormPage hash="#ctx=0d9f3a52-3b8e-4c5e-9a0e-8f1b2c3d4e5f" request={request} claimFor={claimFor} />);
    const expand = await screen.findByRole('button', { name: 'Edit Grace Hopper' });
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    expect(claimFor).toHaveBeenCalledWith('0d9f3a52-3b8e-4c5e-9a0e-8f1b2c3d4e5f');
    expect(request).toHaveBeenCalledWith('form/context', {
      contextId: '0d9f3a52-3b8e-4c5e-9a0e-8f1b2c3d4e5f',
      claim: 'b7e0c7f2-3d0b-4b8e-8a52-6f1d2e3c4b5a',
    });
  });

  it('shows why it cannot open', async () => {
    const request = vi.fn(async () => {
      throw new MessageError('This form has expired. Click the edit button on the page again.');
    }) as unknown as typeof sendRequest;
    const claimFor = async () => 'b7e0c7f2-3d0b-4b8e-8a52-6f1d2e3c4b5a';
    render(<FormPage hash="#ctx=0d9f3a52-3b8e-4c5e-9a0e-8f1b2c3d4e5f" request={request} claimFor={claimFor} />);
    expect((await screen.findByRole('alert')).textContent).toContain('This form has expired.');
    render(<FormPage hash="" request={request} />);
    expect(await screen.findByText(/opened without a paper/)).toBeTruthy();
  });

  it('loads a queued correction to fix from #edit=<id>', async () => {
    const correction = {
      id: '019aab3c-0000-7000-8000-00000000abcd',
      createdAt: '2026-11-20T09:00:00.000Z',
      pageUrl: paper.url,
      paper: { title: paper.title, doi: paper.doi, arxivId: null, pmid: null, url: paper.url },
      detected: paper,
      changes: [{ field: 'year' as const, from: 1936, to: 1937 }],
      authorChanges: [],
      submitter: { name: 'Alan Turing', email: 'alan@example.org' },
      declaration: true as const,
    };
    const request = vi.fn(async () => ({
      id: correction.id,
      correction,
      status: 'needs-attention',
      attempts: 3,
      nextAttemptAt: 0,
      hasPdf: false,
      createdAt: 1,
      updatedAt: 2,
      lastError: { kind: 'rejected', message: 'Year is out of range for this venue', at: 2 },
    })) as unknown as typeof sendRequest;
    render(<FormPage hash={`#edit=${correction.id}`} request={request} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Year is out of range for this venue');
    expect(request).toHaveBeenCalledWith('queue/get', { id: correction.id });
    expect((screen.getByLabelText('Suggested correction (Year)') as HTMLInputElement).value).toBe('1937');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Alan Turing');
  });
});
