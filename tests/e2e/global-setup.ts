import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertChromium } from './chromium-path';
import { assertFirefox } from './firefox/firefox-path';

// Builds both browsers' extensions once for all browser tests (skipped when E2E_SKIP_BUILD=1 and a build
// exists, as `npm test` builds just before running them).
export default function setup(): void {
  assertChromium();
  assertFirefox();
  const root = join(import.meta.dirname, '..', '..');
  for (const [dir, args] of [
    ['chrome-mv3', ['wxt', 'build']],
    ['firefox-mv2', ['wxt', 'build', '-b', 'firefox']],
  ] as const) {
    const built = existsSync(join(root, '.output', dir, 'manifest.json'));
    if (process.env.E2E_SKIP_BUILD === '1' && built) continue;
    execFileSync('npx', [...args], { cwd: root, stdio: 'inherit' });
  }
}
