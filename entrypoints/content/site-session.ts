import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/lib/sites/types';
import { startPageSession } from './page-session';

/** Entry of a generated per-site content script: the adapter is the module's export with that id. */
export function startSiteSession(ctx: ContentScriptContext, siteModule: Record<string, unknown>, id: string): void {
  const adapter = Object.values(siteModule).find(
    (value): value is SiteAdapter => typeof value === 'object' && value !== null && (value as SiteAdapter).id === id,
  );
  if (!adapter) throw new Error(`lib/sites/${id}.ts exports no adapter with id '${id}'`);
  startPageSession(ctx, [adapter]);
}
