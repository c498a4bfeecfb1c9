// The frame of every end-to-end scenario: headless Chromium (Debian's, driven by playwright-core) against a running
// `quire serve`, named checks, and one JSON report line on stdout.
//
// Usage: node <scenario>.mjs <base URL> <artifact dir>; the token comes from JUPYTER_TOKEN (never argv), the browser
// from CHROMIUM (default /usr/bin/chromium).
// Report (the last stdout line): {"scenario":"…","passed":["…"],"failed":[{"name":"…","reason":"…"}],"fatal":null}
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export function args() {
  const [baseUrl, artifacts] = process.argv.slice(2);
  if (!baseUrl || !artifacts) {
    process.stderr.write('usage: node <scenario>.mjs <base URL> <artifact dir> (token in JUPYTER_TOKEN)\n');
    process.exit(2);
  }
  mkdirSync(artifacts, { recursive: true });
  return { baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, artifacts, token: process.env.JUPYTER_TOKEN ?? '' };
}

export async function launch() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { browser, context, page, consoleErrors };
}

/** Named checks run in order; a failing one is recorded and the next still runs. */
export class Scenario {
  constructor(name) {
    this.name = name;
    this.passed = [];
    this.failed = [];
    this.fatal = null;
  }

  async check(name, body, timeoutMs = 60_000) {
    let timer;
    try {
      const value = await Promise.race([
        body(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs / 1000} s`)), timeoutMs))),
      ]);
      this.passed.push(name);
      return value;
    } catch (error) {
      this.failed.push({ name, reason: String(error?.message ?? error).split('\n').slice(0, 6).join(' | ') });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  report() {
    process.stdout.write(`${JSON.stringify({ scenario: this.name, passed: this.passed, failed: this.failed, fatal: this.fatal })}\n`);
    process.exitCode = this.failed.length === 0 && !this.fatal ? 0 : 1;
  }
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Saves a notebook through the contents API with the token (as a client other than the browser would); fails unless 2xx. */
export async function putNotebook(baseUrl, token, path, content) {
  const response = await fetch(`${baseUrl}api/contents/${path}`, {
    method: 'PUT',
    headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'notebook', format: 'json', content }),
  });
  expect(response.ok, `PUT ${path} answered ${response.status}`);
}

export async function screenshot(page, artifacts, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/** Waits until a cell (by index) has finished running: its prompt shows a number, not "*". */
export async function waitForRun(page, index, timeout = 60_000) {
  await page.waitForFunction(
    (i) => {
      const cell = document.querySelectorAll('.cell')[i];
      return cell && !cell.classList.contains('running') && /\[\d+\]/.test(cell.querySelector('.in-prompt')?.textContent ?? '');
    },
    index,
    { timeout },
  );
}

/** Types code into cell `index` (creating the editor if needed), replacing what was there. */
export async function setCell(page, index, code) {
  const cell = page.locator('.cell').nth(index);
  await cell.scrollIntoViewIfNeeded();
  // A double click enters a markdown cell's editor too (a single click only selects it, as in Jupyter).
  await cell.locator('.input-area').dblclick();
  const editor = cell.locator('.cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

export async function run(main) {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.stdout.write(`${JSON.stringify({ scenario: 'fatal', passed: [], failed: [], fatal: String(error?.message ?? error) })}\n`);
    process.exitCode = 1;
  }
}
