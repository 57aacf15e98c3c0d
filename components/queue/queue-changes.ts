import { browser } from 'wxt/browser';
import type { QueueChanged, QueueChangedSchema } from '../../lib/schema/messages';

type MessageEvent = Pick<typeof browser.runtime.onMessage, 'addListener' | 'removeListener'>;
type SchemaLoader = () => Promise<typeof QueueChangedSchema>;

// zod and the schemas load after first paint: the popup must show the queue first, and no
// broadcast needs checking before the list it would update exists.
let schema: Promise<typeof QueueChangedSchema> | undefined;
const loadQueueChangedSchema: SchemaLoader = () => {
  schema ??= import('../../lib/schema/messages').then((module) => module.QueueChangedSchema);
  return schema;
};

/**
 * Listens for the background's queue/changed broadcasts and validates each one. Anything else on
 * the channel (other pages' requests, malformed broadcasts) is ignored. The listener returns
 * nothing, so this page never answers a request meant for the background. Broadcasts are
 * delivered in the order they arrived.
 */
export function subscribeToQueueChanges(
  listener: (change: QueueChanged) => void,
  onMessage: MessageEvent = browser.runtime.onMessage,
  loadSchema: SchemaLoader = loadQueueChangedSchema,
): () => void {
  let active = true;
  const handle = (message: unknown): undefined => {
    if ((message as { type?: unknown } | null)?.type !== 'queue/changed') return;
    void loadSchema().then((changeSchema) => {
      const parsed = changeSchema.safeParse(message);
      if (active && parsed.success) listener(parsed.data);
    });
  };
  onMessage.addListener(handle);
  return () => {
    active = false;
    onMessage.removeListener(handle);
  };
}
