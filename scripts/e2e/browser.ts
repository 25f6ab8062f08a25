/**
 * Launches Debian's Chromium through playwright-core. Browser downloads are impossible on the
 * build machines, so a missing browser is a clear error naming the package to install.
 */
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function assertBrowserInstalled(): Promise<void> {
  try {
    await access(CHROME_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `No Chromium at ${CHROME_PATH}. Install it with \`apt-get install -y chromium\` ` +
        '(or point CHROME_PATH at another Chromium/Chrome binary).',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  await assertBrowserInstalled();
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    timeout: 30_000,
  });
}
