import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OptionsApi } from '../../../components/options/api';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { siteChoices } from '../../../components/options/site-choices';
import type { EndpointTestResult } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schema/settings';
import { fakeQueueApi } from '../queue/fake-queue-api';

afterEach(cleanup);

const ADAPTERS = [
  { id: 'arxiv', name: 'arXiv' },
  { id: 'pubmed', name: 'PubMed' },
];

function fakeOptionsApi(stored: Partial<Settings> = {}, options: { grant?: boolean; test?: EndpointTestResult } = {}) {
  const listeners = new Set<() => void>();
  const api = {
    getSettings: vi.fn(async (): Promise<Settings> => ({ ...DEFAULT_SETTINGS, ...stored })),
    subscribeSettings: vi.fn((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),

    saveSettings: vi.fn(async (settings: Settings) => settings),
    testEndpoint: vi.fn(
      async (_url: string, _token: string): Promise<EndpointTestResult> =>
        options.test ?? { ok: true, status: 204, message: 'No Content' },
    ),
    requestOrigin: vi.fn(async (_pattern: string) => options.grant ?? true),
  } satisfies OptionsApi;
  /** Another options page saved `next`. */
  const savedElsewhere = (next: Partial<Settings>) => {
    Object.assign(stored, next);
    for (const listener of listeners) listener();
  };
  return { ...api, savedElsewhere };
}

function renderOptions(api: OptionsApi) {
  return render(<OptionsPage api={api} queueApi={fakeQueueApi([]).api} sites={siteChoices(ADAPTERS)} />);
}

const endpointInput = () => screen.getByLabelText('Endpoint address') as HTMLInputElement;
const type = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } });

describe('OptionsPage', () => {
  it('loads the stored settings into the form', async () => {
    const api = fakeOptionsApi({
      endpointUrl: 'https://corrections.example.org/api',
      token: 's3cret',
      submitter: { name: 'Ada Lovelace', email: 'ada@example.org' },
      disabledSites: ['pubmed'],
    });
    renderOptions(api);
    expect(((await screen.findByLabelText('Endpoint address')) as HTMLInputElement).value).toBe(
      'https://corrections.example.org/api',
    );
    const token = screen.getByLabelText('Token') as HTMLInputElement;
    expect(token.value).toBe('s3cret');
    expect(token.type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(token.type).toBe('text');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ada Lovelace');
    expect((screen.getByLabelText('arXiv') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('PubMed') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Other pages with standard metadata') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('heading', { name: 'Queue' })).toBeTruthy();
  });

  it("shows settings saved in another options page, but never over the user's unsaved edits", async () => {
    const api = fakeOptionsApi({ endpointUrl: 'https://one.example.org/in' });
    renderOptions(api);
    await screen.findByDisplayValue('https://one.example.org/in');
    api.savedElsewhere({ endpointUrl: 'https://two.example.org/in' });
    await screen.findByDisplayValue('https://two.example.org/in');

    type(screen.getByLabelText('Name'), 'Ada Lovelace');
    api.savedElsewhere({ endpointUrl: 'https://three.example.org/in' });
    await vi.waitFor(() => expect(api.getSettings).toHaveBeenCalledTimes(3));
    await api.getSettings.mock.results[2]?.value;
    expect(endpointInput().value).toBe('https://two.example.org/in');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ada Lovelace');
  });

  it('explains why a plain-http endpoint is refused and accepts one on localhost', async () => {
    const api = fakeOptionsApi();
    renderOptions(api);
    type(await screen.findByLabelText('Endpoint address'), 'http://example.org/corrections');
    expect(
      screen.getByText(/uses plain http:\/\/, which would send your token and corrections unencrypted/),
    ).toBeTruthy();
    expect(endpointInput().getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.requestOrigin).not.toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();

    type(endpointInput(), 'http://localhost:8787/corrections');
    expect(screen.queryByText(/plain http:\/\//)).toBeNull();
    expect(endpointInput().getAttribute('aria-invalid')).toBeNull();
  });

  it('explains an address with credentials in it', async () => {
    renderOptions(fakeOptionsApi());
    type(await screen.findByLabelText('Endpoint address'), 'https://user:pw@example.org/api');
    expect(screen.getByText(/contains a user name or password/)).toBeTruthy();
  });

  it('asks for the endpoint origin before saving, in the same click', async () => {
    const api = fakeOptionsApi();
    renderOptions(api);
    type(await screen.findByLabelText('Endpoint address'), 'http://localhost:8787/corrections');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Synchronously, inside the click: the browser shows the prompt only during the gesture.
    expect(api.requestOrigin).toHaveBeenCalledWith('http://localhost/*');
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(api.requestOrigin.mock.invocationCallOrder[0]!).toBeLessThan(api.saveSettings.mock.invocationCallOrder[0]!);
  });

  it('keeps the unsaved address and explains when the permission is refused', async () => {
    const api = fakeOptionsApi({}, { grant: false });
    renderOptions(api);
    type(await screen.findByLabelText('Endpoint address'), 'https://corrections.example.org/api');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Erratum cannot deliver corrections to that server/)).toBeTruthy();
    expect(api.requestOrigin).toHaveBeenCalledWith('https://corrections.example.org/*');
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(endpointInput().value).toBe('https://corrections.example.org/api');
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('saves the name, email, token and sites', async () => {
    const api = fakeOptionsApi({ endpointUrl: 'https://corrections.example.org/api' });
    renderOptions(api);
    type(await screen.findByLabelText('Name'), ' Grace Hopper ');
    type(screen.getByLabelText('Email'), 'grace@example.org');
    type(screen.getByLabelText('Token'), 'tok-123');
    fireEvent.click(screen.getByLabelText('arXiv'));
    fireEvent.click(screen.getByLabelText('Other pages with standard metadata'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(api.saveSettings).toHaveBeenCalledWith({
      endpointUrl: 'https://corrections.example.org/api',
      token: 'tok-123',
      submitter: { name: 'Grace Hopper', email: 'grace@example.org' },
      disabledSites: ['arxiv', 'generic'],
    });
  });

  it('refuses to save an invalid email and says why next to the field', async () => {
    const api = fakeOptionsApi();
    renderOptions(api);
    type(await screen.findByLabelText('Email'), 'grace@');
    expect(screen.getByText('Enter a valid email address, such as ada@example.org.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
  });

  it('shows a refusal from the background as is', async () => {
    const api = fakeOptionsApi();
    api.saveSettings.mockRejectedValueOnce(new Error('Settings storage is full.'));
    renderOptions(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Settings storage is full.')).toBeTruthy();
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('tests the unsaved endpoint and token and reports the answer', async () => {
    const api = fakeOptionsApi({}, { test: { ok: false, status: 401, message: 'Token not accepted' } });
    renderOptions(api);
    type(await screen.findByLabelText('Endpoint address'), 'https://corrections.example.org/api');
    type(screen.getByLabelText('Token'), 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('button', { name: 'Testing…' }).hasAttribute('disabled')).toBe(true);
    expect(
      await screen.findByText('The endpoint answered with status 401, which is a problem: Token not accepted'),
    ).toBeTruthy();
    expect(api.testEndpoint).toHaveBeenCalledWith('https://corrections.example.org/api', 'wrong');
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Test connection' }).hasAttribute('disabled')).toBe(false);
  });

  it('reports a successful test', async () => {
    const api = fakeOptionsApi({ endpointUrl: 'http://127.0.0.1:8787/' });
    renderOptions(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The endpoint answered with status 204: No Content')).toBeTruthy();
  });

  it('speaks Japanese', async () => {
    globalThis.__testLocale = 'ja';
    renderOptions(fakeOptionsApi());
    expect(await screen.findByRole('heading', { name: 'Erratum の設定' })).toBeTruthy();
    type(screen.getByLabelText('送信先の URL'), 'http://example.org/');
    expect(screen.getByText(/暗号化されない http:\/\/ を使っている/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '接続をテスト' })).toBeTruthy();
    expect(screen.getByLabelText('標準のメタデータを持つその他のページ')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'キュー' })).toBeTruthy();
  });
});
