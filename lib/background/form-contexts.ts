import { browser } from 'wxt/browser';
import type { PaperMetadata } from '../schema/paper';
import { type FormFrame, sameFrame } from './form-frames';

// The paper a content script handed over, kept until the framed form asks for it. In session
// storage: it survives the worker being stopped, is gone when the browser closes (the form's
// draft keeps the user's work), and is readable only by trusted extension contexts. Each context
// carries a claim that only the frame the content script created receives (form-frames.ts).

interface StoredFormContext {
  paper: PaperMetadata;
  field?: string;
  authorIndex?: number;
  /** Text the reader selected on the page ("Correct with Erratum"): the field's suggested value. */
  suggestion?: string;
  tabId?: number;
  createdAt: number;
  /** Given to the content script only; the form frame must present it. */
  claim: string;
  /** The frame that presented the claim: the only one this context answers. */
  frame?: FormFrame;
}

const PREFIX = 'form-context:';
const MAX_CONTEXTS = 50;

export async function saveFormContext(
  context: Omit<StoredFormContext, 'claim' | 'frame'>,
): Promise<{ contextId: string; claim: string }> {
  const contextId = crypto.randomUUID();
  const claim = crypto.randomUUID();
  await browser.storage.session.set({ [PREFIX + contextId]: { ...context, claim } });
  await pruneFormContexts();
  return { contextId, claim };
}

export async function loadFormContext(contextId: string): Promise<StoredFormContext | undefined> {
  const key = PREFIX + contextId;
  const stored = await browser.storage.session.get(key);
  return stored[key] as StoredFormContext | undefined;
}

export type ClaimResult = { ok: true; context: StoredFormContext } | { ok: false; reason: 'expired' | 'not-yours' };

/**
 * Binds a context to the frame presenting its claim, in the tab whose page opened it. The claim
 * is the proof: the content script gives it only to the frame it created, so a frame presenting
 * it later (the panel put back after the page removed it is a new frame) takes the context over,
 * and the frame before it is answered no more.
 */
export async function claimFormContext(contextId: string, claim: string, frame: FormFrame): Promise<ClaimResult> {
  const context = await loadFormContext(contextId);
  if (!context) return { ok: false, reason: 'expired' };
  if (context.claim !== claim) return { ok: false, reason: 'not-yours' };
  if (context.tabId !== undefined && context.tabId !== frame.tabId) return { ok: false, reason: 'not-yours' };
  const bound = { ...context, frame };
  await browser.storage.session.set({ [PREFIX + contextId]: bound });
  return { ok: true, context: bound };
}

/** Whether `frame` is a form frame that claimed a context still kept. */
export async function isClaimedFrame(frame: FormFrame): Promise<boolean> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all).some(([key, value]) => {
    const owner = key.startsWith(PREFIX) ? (value as StoredFormContext).frame : undefined;
    return owner !== undefined && sameFrame(owner, frame);
  });
}

async function pruneFormContexts(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const contexts = Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .sort(([, a], [, b]) => (b as StoredFormContext).createdAt - (a as StoredFormContext).createdAt);
  const stale = contexts.slice(MAX_CONTEXTS).map(([key]) => key);
  if (stale.length) await browser.storage.session.remove(stale);
}
