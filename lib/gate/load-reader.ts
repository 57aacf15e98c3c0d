// How the readers reach a page the gate let through: a dynamic import() of the reader's own
// built content script (content-scripts/reader*.js), made from the gate's content script.
//
// Why this and not the alternatives (each checked in Chromium 156 on this machine):
// - scripting.executeScript from the worker (tabs.executeScript in Firefox MV2) needs the
//   `scripting` permission and host permission for the tab. Content-script match patterns do
//   not grant it: Chromium answers "Cannot access contents of the page. Extension manifest must
//   request permission to access the respective host." Asking for <all_urls> host permission
//   would let the worker fetch every origin with the user's cookies, which the manifest
//   deliberately avoids (endpoint origins are optional permissions granted one by one). It is
//   also a round trip to a worker that may be asleep, and two code paths (scripting / tabs).
// - import() of a web-accessible module: no new permission, no worker, one code path for
//   Chrome MV3 and Firefox MV2 (content scripts may import() extension files in both; checked
//   in Firefox ESR too). The imported module runs in the content script's isolated world, not
//   the page's, and the page's CSP does not apply to it (checked under `default-src 'none'`).
//   The cost is fingerprinting: a web-accessible file can be probed by any page at a fixed URL.
//   Chrome's `use_dynamic_url` (wxt.config.ts) removes that: the files answer only at a
//   per-session random origin, which runtime.getURL gives us and a page cannot guess (a probe
//   of the fixed URL fails). Firefox's moz-extension origin is random per install already.
// The reader file is an unlisted script (never in the manifest): importing it runs its main(),
// which starts the page session (entrypoints/content/page-session.ts).

interface Runtime {
  id?: string;
  getURL(path: string): string;
}

/**
 * The extension runtime, looked up only when a reader is wanted: the first touch of it builds
 * its bindings in this world, which a page that is no paper should not pay for. Same choice as
 * lib/native-browser.ts (Firefox's `browser`, else Chrome's `chrome`), without importing it,
 * since that module touches the runtime as it loads.
 */
function runtime(): Runtime {
  const scope = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime: Runtime } };
  return scope.browser?.runtime?.id ? scope.browser.runtime : (scope.chrome as { runtime: Runtime }).runtime;
}

/** Loads and runs content-scripts/<name>.js in this content script's world. */
export async function loadReader(name: string): Promise<void> {
  await import(/* @vite-ignore */ runtime().getURL(`/content-scripts/${name}.js`));
}
