import { existsSync } from 'node:fs';

/** Debian's Firefox ESR (or FIREFOX_PATH): the tests never download a browser. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

export function assertFirefox(): void {
  if (!existsSync(firefoxPath()))
    throw new Error(
      `Firefox not found at ${firefoxPath()}: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
}
