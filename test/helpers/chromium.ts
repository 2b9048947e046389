import { existsSync } from 'node:fs';

import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); a downloaded browser is never used. */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `describe`, or `describe.skip` with a warning when the browser is not installed. */
export function describeWithChromium(what: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  console.warn(`Skipping ${what}: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
