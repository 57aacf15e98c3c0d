/**
 * Calls `onQuiet` once the page's DOM has stopped changing for `quietMs` after a change, for
 * client-rendered sites that swap a paper's content in place. Idle while nothing changes;
 * mutations inside `ignore` (our own controls) do not count.
 */
export function onDomQuiet(
  onQuiet: () => void,
  {
    signal,
    quietMs = 400,
    root = document,
    ignore,
  }: { signal: AbortSignal; quietMs?: number; root?: Document; ignore?: (node: Node) => boolean },
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (ignore && records.every((record) => ignore(record.target))) return;
    clearTimeout(timer);
    timer = setTimeout(onQuiet, quietMs);
  });
  observer.observe(root.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}

/**
 * Resolves once the DOM has not changed for `quietMs` (or after `maxMs` at the latest): after
 * in-app navigation, the next paper's content is rendered by then.
 */
export function domQuiet({
  signal,
  quietMs = 300,
  maxMs = 3000,
  root = document,
  ignore,
}: {
  signal: AbortSignal;
  quietMs?: number;
  maxMs?: number;
  root?: Document;
  ignore?: (node: Node) => boolean;
}): Promise<void> {
  return new Promise((resolve) => {
    const local = new AbortController();
    const done = () => {
      local.abort();
      clearTimeout(quiet);
      clearTimeout(latest);
      resolve();
    };
    let quiet = setTimeout(done, quietMs);
    const latest = setTimeout(done, maxMs);
    signal.addEventListener('abort', done, { signal: local.signal });
    const observer = new MutationObserver((records) => {
      if (ignore && records.every((record) => ignore(record.target))) return;
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(root.documentElement, { childList: true, subtree: true, characterData: true });
    local.signal.addEventListener('abort', () => observer.disconnect());
  });
}
