import { browser } from 'wxt/browser';
import type { PaperMetadata } from '../schema/paper';

// The paper a content script handed over, kept until the framed form asks for it. In session
// storage: it survives the worker being stopped, is gone when the browser closes (the form's
// draft keeps the user's work), and is readable only by trusted extension contexts.

interface StoredFormContext {
  paper: PaperMetadata;
  field?: string;
  authorIndex?: number;
  tabId?: number;
  createdAt: number;
}

const PREFIX = 'form-context:';
const MAX_CONTEXTS = 50;

export async function saveFormContext(context: StoredFormContext): Promise<string> {
  const contextId = crypto.randomUUID();
  await browser.storage.session.set({ [PREFIX + contextId]: context });
  await pruneFormContexts();
  return contextId;
}

export async function loadFormContext(contextId: string): Promise<StoredFormContext | undefined> {
  const key = PREFIX + contextId;
  const stored = await browser.storage.session.get(key);
  return stored[key] as StoredFormContext | undefined;
}

async function pruneFormContexts(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const contexts = Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .sort(([, a], [, b]) => (b as StoredFormContext).createdAt - (a as StoredFormContext).createdAt);
  const stale = contexts.slice(MAX_CONTEXTS).map(([key]) => key);
  if (stale.length) await browser.storage.session.remove(stale);
}
