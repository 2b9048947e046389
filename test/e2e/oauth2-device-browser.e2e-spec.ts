import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { firstPartyToken } from 'test/helpers/auth';
import { describeWithChromium, launchChromium } from 'test/helpers/chromium';
import { createUser, DEFAULT_PASSWORD } from 'test/helpers/factories';
import { freePort } from 'test/helpers/local-ports';
import { createOAuth2Client, type TestClient } from 'test/helpers/oauth2-flow';
import { createManualWorkout } from 'test/helpers/workouts-api';
import { createTestApp, type TestApp } from 'test/setup/test-app';

const describeWithBrowser = describeWithChromium('the device flow browser test');

const SCRIPT = join(__dirname, '..', '..', 'examples', 'device-cli', 'device-login.mjs');

/** The example CLI as a user runs it, its output collected as it comes. */
class CliRun {
  private readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [SCRIPT], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
  }

  /** The verification URI and the user code, once printed. */
  async prompt(): Promise<{ uri: string; code: string }> {
    for (let i = 0; i < 200; i += 1) {
      const match = /open (\S+) and enter the code (\S+)/.exec(this.stdout);
      if (match?.[1] && match[2]) return { uri: match[1], code: match[2] };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no prompt from the CLI: ${this.stdout} ${this.stderr}`);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

async function click(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
}

describeWithBrowser(
  'device flow in a real browser: the example CLI polls, the user approves',
  () => {
    jest.setTimeout(60000);
    let t: TestApp;
    let browser: Browser;
    let baseUrl: string;
    let client: TestClient;
    const runs: CliRun[] = [];

    beforeAll(async () => {
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${String(port)}`;
      // The verification URI is built from UI_URL; a 1 s interval keeps the polling quick.
      t = await createTestApp({ UI_URL: baseUrl, OAUTH2_DEVICE_POLL_INTERVAL: '1' });
      await t.app.listen(port, '127.0.0.1');
      const user = await createUser(t.dataSource, { email: 'runner@example.com' });
      const token = firstPartyToken(t.app, user);
      await createManualWorkout(t, token, {
        title: 'Hill repeats',
        sport_id: 5,
        distance: 12.5,
        duration: 3900,
        workout_date: '2024-05-03 18:30',
      });
      client = await createOAuth2Client(t, token, {
        client_name: 'Terminal app',
        token_endpoint_auth_method: 'none',
        scope: 'workouts:read',
      });
      browser = await launchChromium();
    });

    afterAll(async () => {
      for (const run of runs) run.kill();
      await browser.close();
      await t.close();
    });

    function startCli(): CliRun {
      const run = new CliRun({ PACEKEEPER_URL: baseUrl, CLIENT_ID: client.client_id });
      runs.push(run);
      return run;
    }

    /** Opens the address the CLI printed, signs in and types the code. */
    async function enterCode(page: Page, uri: string, code: string): Promise<void> {
      await page.goto(uri);
      expect(page.url()).toBe(`${baseUrl}/profile/apps/device`);
      await page.fill('#email', 'runner@example.com');
      await page.fill('#password', DEFAULT_PASSWORD);
      await click(page, 'button[type=submit]');
      expect(await page.textContent('h1')).toBe('Connect a device');
      await page.fill('#user_code', code.toLowerCase());
      await click(page, 'button[type=submit]');
      expect(await page.textContent('h1')).toBe('Authorize Terminal app?');
      expect(await page.textContent('ul.scopes')).toContain('workouts:read');
      expect(await page.textContent('#user-code')).toBe(code);
    }

    it('the CLI gets tokens once the user authorizes, and lists the workouts with them', async () => {
      const run = startCli();
      const { uri, code } = await run.prompt();
      expect(uri).toBe(`${baseUrl}/device`);
      const context = await browser.newContext();
      const page = await context.newPage();
      await enterCode(page, uri, code);
      await click(page, 'button[value=authorize]');
      expect(await page.textContent('#device-result')).toBe('Device connected');
      expect(await run.exited).toBe(0);
      expect(run.stdout).toContain('Signed in (scope: workouts:read). Latest workouts:');
      expect(run.stdout).toContain('Fri, 03 May 2024 16:30:00 GMT\tHill repeats\t12.5 km\t1:05:00');
      const rows: { n: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM oauth2_tokens WHERE client_id = $1',
        [client.id],
      );
      expect(rows[0]?.n).toBe(1);
      await context.close();
    });

    it('the CLI stops with access_denied when the user cancels', async () => {
      const run = startCli();
      const { uri, code } = await run.prompt();
      const context = await browser.newContext();
      const page = await context.newPage();
      await enterCode(page, uri, code);
      await click(page, 'button[value=cancel]');
      expect(await page.textContent('#device-result')).toBe('Access denied');
      expect(await run.exited).toBe(1);
      expect(run.stderr).toContain('Access was denied on the verification page.');
      await context.close();
    });
  },
);
