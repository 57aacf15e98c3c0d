import { existsSync } from 'node:fs';

/** Debian's Chromium (or CHROME_PATH); tests never download a browser. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

export function assertChromium(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium ` +
        '(or set CHROME_PATH to a Chromium/Chrome binary). Browser tests never download a browser.',
    );
  }
}
