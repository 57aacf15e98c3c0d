import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BidiConnection } from './bidi';
import { firefoxPath } from './firefox-path';

export const FIREFOX_EXTENSION_DIR = join(import.meta.dirname, '..', '..', '..', '.output', 'firefox-mv2');
const ADDON_ID = 'erratum@erratum.dev';

/** A console message or uncaught error from any context the rig can see. */
export interface ConsoleEntry {
  level: string;
  text: string;
  source: string;
}

export interface FirefoxLaunchOptions {
  /** The UI language (`ja`, `en-US`): intl.locale.requested, which browser.i18n follows. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

/**
 * Prefs for a test profile. The moz-extension UUID is fixed so extension pages have a known
 * address (Firefox draws a random one per install otherwise); optional permissions are granted
 * without the doorhanger a headless browser cannot click (the options page still asks for them
 * through permissions.request, as a reader's click would).
 */
function userPrefs(uuid: string, options: FirefoxLaunchOptions): string {
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
    'extensions.webextOptionalPermissionPrompts': false,
    // console.* from pages and extension pages (the background included) on stdout, where the
    // rig reads them: BiDi's log module sees only the contexts it can address.
    'devtools.console.stdout.content': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'browser.aboutwelcome.enabled': false,
    'extensions.update.enabled': false,
    'app.update.disabledForTesting': true,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    ...(options.locale ? { 'intl.locale.requested': options.locale, 'intl.accept_languages': options.locale } : {}),
    // 0 dark, 1 light: what prefers-color-scheme reports to every page, extension pages included.
    ...(options.colorScheme
      ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
      : {}),
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

export interface FirefoxProcess {
  bidi: BidiConnection;
  process: ChildProcess;
  profileDir: string;
  uuid: string;
  /** console.* lines Firefox printed on stdout (extension pages and the background included). */
  stdoutConsole: ConsoleEntry[];
}

/** Starts Debian's headless Firefox on a fresh profile and opens a BiDi session with it. */
export async function startFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxProcess> {
  const profileDir = mkdtempSync(join(tmpdir(), 'erratum-firefox-'));
  const uuid = randomUUID();
  writeFileSync(join(profileDir, 'user.js'), userPrefs(uuid, options));
  const child = spawn(
    firefoxPath(),
    ['--headless', '--no-remote', '--new-instance', '--profile', profileDir, '--remote-debugging-port=0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const stdoutConsole: ConsoleEntry[] = [];
  let pendingLine = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pendingLine + chunk.toString('utf8')).split('\n');
    pendingLine = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^console\.(error|warn|log|info|debug): (.*)$/.exec(line);
      if (match) stdoutConsole.push({ level: match[1] ?? 'log', text: match[2] ?? '', source: 'stdout' });
      else if (stdoutConsole.length > 0 && /^\s/.test(line)) {
        const last = stdoutConsole[stdoutConsole.length - 1];
        if (last) last.text += `\n${line}`;
      }
    }
  });
  const address = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi in 30 s:\n${stderr}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi started:\n${stderr}`));
    });
  });
  const bidi = await BidiConnection.open(`${address}/session`);
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
  return { bidi, process: child, profileDir, uuid, stdoutConsole };
}

/** Installs the built add-on (temporary, so unsigned is fine; Firefox >= 138). */
export async function installExtension(bidi: BidiConnection, path = FIREFOX_EXTENSION_DIR): Promise<void> {
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path } });
}

export async function stopFirefox(firefox: FirefoxProcess, { dispose = true } = {}): Promise<void> {
  await firefox.bidi.send('session.end').catch(() => undefined);
  firefox.bidi.close();
  if (firefox.process.exitCode === null) {
    const exited = new Promise((resolve) => firefox.process.once('exit', resolve));
    firefox.process.kill('SIGTERM');
    const timer = setTimeout(() => firefox.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dispose) rmSync(firefox.profileDir, { recursive: true, force: true });
}
