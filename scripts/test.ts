// `npm test`: typecheck, lint, unit tests, build, browser tests — then one plain closing line
// `N passed, M failed` (CI reads it), counting every test and each static check as one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertChromium } from '../tests/e2e/chromium-path';
import { assertFirefox } from '../tests/e2e/firefox/firefox-path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'test-results');
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function check(label: string, command: string, args: string[]): void {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTestSuites: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; message?: string }[];
}

function vitest(label: string, config: string, extraEnv: Record<string, string> = {}): void {
  const out = join(reports, `${label}.json`);
  const ok = run(
    label,
    'npx',
    ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    extraEnv,
  );
  if (!existsSync(out)) {
    failed++;
    failures.push(`${label}: the test runner did not finish`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no failed tests but is a failure all the same.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.message);
  failed += brokenFiles.length;
  for (const file of brokenFiles) failures.push(`${label}: ${file.name}: ${file.message?.split('\n')[0]}`);
  if (!ok && report.numFailedTests === 0 && brokenFiles.length === 0) {
    failed++;
    failures.push(`${label}: vitest exited with an error`);
  }
}

try {
  assertChromium();
  assertFirefox();
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  console.log('0 passed, 1 failed');
  process.exit(1);
}

check('typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit']);
check('lint (biome check)', 'npx', ['biome', 'check', '.']);
vitest('unit', 'vitest.config.ts');
// Both builds before any browser test: the Chromium tests load .output/chrome-mv3, the Firefox
// tests (tests/e2e/firefox) install .output/firefox-mv2 into Debian's firefox-esr.
const built =
  run('build (wxt build)', 'npx', ['wxt', 'build']) &&
  run('build (wxt build -b firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (built) {
  passed++;
  vitest('browser', 'vitest.e2e.config.ts', { E2E_SKIP_BUILD: '1' });
} else {
  failed++;
  failures.push('build');
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
