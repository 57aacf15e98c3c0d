import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertChromium } from './chromium-path';

// Builds the extension once for all browser tests (skipped when E2E_SKIP_BUILD=1 and a build
// exists, as `npm test` builds just before running them).
export default function setup(): void {
  assertChromium();
  const root = join(import.meta.dirname, '..', '..');
  const built = existsSync(join(root, '.output', 'chrome-mv3', 'manifest.json'));
  if (process.env.E2E_SKIP_BUILD === '1' && built) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
}
