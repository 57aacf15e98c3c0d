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

export async function probeStorage(requests: ProbeRequest[], databaseNames: string[]): Promise<ProbeReport> {
  const found: ProbeReport = {};
  const attempt = async (where: string, read: () => unknown) => {
    try {
      found[where] = JSON.stringify(await read()) ?? 'undefined';
    } catch (error) {
      found[where] = `refused: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`;
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

  // Every database the origin lists, and the private one by name even if unlisted. Opening a
  // database that does not exist would create it: the upgrade is aborted, so it reads as absent.
  let listed: string[] = [];
  await attempt('indexedDB.databases', async () => {
    const databases = await indexedDB.databases();
    listed = Array.from(databases, (database) => String(database.name));
    return listed;
  });
  for (const name of new Set([...listed, ...databaseNames])) {
    await attempt(
      `indexedDB ${name}`,
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open(name);
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
