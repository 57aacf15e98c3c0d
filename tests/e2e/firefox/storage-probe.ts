// One probe, run unchanged in any realm (a content script, a page, an extension page): it reads
// every storage area and asks every request for private data that realm can reach, and reports
// what each gave as text, or `refused: <why>`. Sent as source text, so it stands alone.

/** A message the probe sends through runtime.sendMessage, as the add-on's pages send them. */
export interface ProbeRequest {
  type: string;
  payload: unknown;
}

/** What each area gave, by area: JSON text, `absent` or `refused: <why>`. */
export type ProbeReport = Record<string, string>;

export interface ProbeOptions {
  requests: ProbeRequest[];
  /** Databases opened by name even when indexedDB.databases() does not list them. */
  databaseNames: string[];
  /** An add-on page to frame and read IndexedDB through (its origin's, if the realm may). */
  frameUrl?: string;
}

export async function probeStorage({ requests, databaseNames, frameUrl }: ProbeOptions): Promise<ProbeReport> {
  const found: ProbeReport = {};
  const attempt = async (where: string, read: () => unknown) => {
    try {
      found[where] = JSON.stringify(await read()) ?? 'undefined';
    } catch (error) {
      // An error from another compartment may not even be readable (Firefox's Xray wrappers).
      let why = 'unreadable error';
      try {
        why = error instanceof Error ? `${error.name} ${error.message}` : String(error);
      } catch {}
      found[where] = `refused: ${why}`;
    }
  };
  type Area = { get(keys: null): Promise<unknown> };
  type Api = { storage: Record<string, Area>; runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = () => {
    const found = scope.browser ?? scope.chrome;
    if (!found) throw new Error('no extension API in this realm');
    return found;
  };

  for (const area of ['local', 'sync', 'session']) {
    await attempt(`storage.${area}`, () => {
      const store = api().storage[area];
      if (!store) throw new Error(`no storage.${area} here`);
      return store.get(null);
    });
  }

  // Every database an IndexedDB lists, and the private one by name even if unlisted. Opening a
  // database that does not exist would create it: the upgrade is aborted, so it reads as absent.
  const dumpDatabases = async (where: string, factory: () => IDBFactory) => {
    let listed: string[] = [];
    await attempt(`${where}.databases`, async () => {
      const databases = await factory().databases();
      listed = Array.from(databases, (database) => String(database.name));
      return listed;
    });
    for (const name of new Set([...listed, ...databaseNames])) {
      await attempt(
        `${where} ${name}`,
        () =>
          new Promise((resolve, reject) => {
            const open = factory().open(name);
            open.onupgradeneeded = () => open.transaction?.abort();
            open.onerror = () => (open.error?.name === 'AbortError' ? resolve('absent') : reject(open.error));
            open.onsuccess = () => {
              const db = open.result;
              const stores = Array.from(db.objectStoreNames);
              if (stores.length === 0) {
                db.close();
                return resolve({});
              }
              const tx = db.transaction(stores);
              const dump: Record<string, unknown> = {};
              for (const store of stores) {
                const all = tx.objectStore(store).getAll();
                all.onsuccess = () => {
                  dump[store] = all.result;
                };
              }
              tx.oncomplete = () => {
                db.close();
                resolve(dump);
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
    }
  };
  await dumpDatabases('indexedDB', () => indexedDB);

  // A document of the add-on's own, framed by this realm (form.html is web-accessible): its
  // IndexedDB is the add-on origin's, which this realm may or may not be allowed to reach.
  if (frameUrl) {
    const frame = document.createElement('iframe');
    frame.src = frameUrl;
    frame.hidden = true;
    await new Promise((resolve) => {
      frame.onload = resolve;
      document.body.append(frame);
    });
    await attempt('framed add-on document', () => frame.contentDocument?.documentURI ?? null);
    await dumpDatabases('framed indexedDB', () => {
      const factory = frame.contentWindow?.indexedDB;
      if (!factory) throw new Error('no IndexedDB through the frame');
      return factory;
    });
    frame.remove();
  }

  const storageEntries = (storage: Storage) => {
    const entries: Record<string, string | null> = {};
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key !== null) entries[key] = storage.getItem(key);
    }
    return entries;
  };
  await attempt('localStorage', () => storageEntries(localStorage));
  await attempt('sessionStorage', () => storageEntries(sessionStorage));
  await attempt('document.cookie', () => document.cookie);
  await attempt('caches', async () => {
    const dump: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const bodies: string[] = [];
      for (const request of await cache.keys())
        bodies.push(`${request.url} ${await (await cache.match(request))?.text()}`);
      dump[name] = bodies;
    }
    return dump;
  });

  for (const request of requests) await attempt(`message ${request.type}`, () => api().runtime.sendMessage(request));
  return found;
}
