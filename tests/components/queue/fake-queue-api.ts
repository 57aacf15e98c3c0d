import { vi } from 'vitest';
import type { PopupApi } from '../../../components/queue/api';
import type { QueueChanged } from '../../../lib/schema/messages';
import type { QueueCounts, QueueItem, QueueSummary } from '../../../lib/schema/queue';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schema/settings';

// Relative to the real clock, because the components read Date.now for "5 minutes ago".
export const NOW = Date.now();

let sequence = 0;
export function summary(overrides: Partial<QueueSummary> = {}): QueueSummary {
  sequence += 1;
  return {
    id: `0190c0de-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    status: 'queued',
    title: `Paper ${sequence}`,
    site: 'arxiv',
    pageUrl: 'https://arxiv.org/abs/2101.01234',
    attempts: 0,
    nextAttemptAt: NOW,
    createdAt: NOW - 5 * 60_000,
    updatedAt: NOW - 5 * 60_000,
    ...overrides,
  };
}

export function countsOf(items: QueueSummary[]): QueueCounts {
  const counts: QueueCounts = { queued: 0, sending: 0, sent: 0, retrying: 0, 'needs-attention': 0, discarded: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** An in-memory background: lists newest first, honours the limit, records every call. */
export function fakeQueueApi(
  items: QueueSummary[],
  options: { settings?: Partial<Settings>; total?: number; exported?: QueueItem[] } = {},
) {
  const listeners = new Set<(change: QueueChanged) => void>();
  const api = {
    list: vi.fn(async (limit: number) => ({
      items: items.slice(0, limit),
      counts: countsOf(items),
      total: options.total ?? items.length,
    })),
    retry: vi.fn(async (_id?: string) => ({ scheduled: 2 })),
    discard: vi.fn(async (id: string) => {
      const index = items.findIndex((item) => item.id === id);
      const discarded = { ...items[index]!, status: 'discarded' as const };
      items[index] = discarded;
      return discarded;
    }),
    exportAll: vi.fn(async () => ({ exportedAt: '2026-11-23T12:00:00.000Z', items: options.exported ?? [] })),
    openFixForm: vi.fn(async (_id: string) => {}),
    download: vi.fn((_filename: string, _blob: Blob) => {}),
    onQueueChanged: vi.fn((listener: (change: QueueChanged) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    checkStatuses: vi.fn(async () => ({ checked: 0 })),
    getSettings: vi.fn(async () => ({
      ...DEFAULT_SETTINGS,
      endpointUrl: 'https://example.org/corrections',
      ...options.settings,
    })),
    openOptions: vi.fn(async () => {}),
    // No tab under the popup: the queue tests do not show "Correct this page".
    currentTabId: vi.fn(async (): Promise<number | undefined> => undefined),
    pageState: vi.fn(async (_tabId: number) => ({ reachable: false, detection: null })),
    correctPage: vi.fn(async (_tabId: number, _request: object) => ({ openedIn: 'tab' as const })),
    closePopup: vi.fn(() => {}),
  } satisfies PopupApi;
  const broadcast = (change: QueueChanged) => {
    for (const listener of listeners) listener(change);
  };
  return { api, broadcast };
}
