import { expect, setCell, waitForRun } from './lib.mjs';

/** From the file browser: New notebook → choose the kernel → the notebook page with an idle kernel. */
export async function createNotebook(page, baseUrl, token, kernel) {
  await page.goto(`${baseUrl}tree/?token=${token}`);
  await page.waitForSelector('body[data-ready="tree"]', { timeout: 20_000 });
  await page.click('#new-notebook');
  await page.selectOption('.modal select', kernel);
  await page.click('.modal button[data-value="create"]');
  await page.waitForSelector('body[data-ready="notebook"]', { timeout: 20_000 });
  await waitForIdle(page, 90_000);
  return decodeURIComponent(new URL(page.url()).pathname.replace(/^.*\/notebooks\//, ''));
}

export async function waitForIdle(page, timeout = 60_000) {
  await page.waitForSelector('#kernel-status[data-status="idle"]', { timeout });
}

/** Puts code in cell `index` and runs it with Ctrl+Enter; resolves when its count appears. */
export async function runCell(page, index, code, timeout = 90_000) {
  while ((await page.locator('.cell').count()) <= index) {
    await page.keyboard.press('Escape');
    await page.click('#insert-below');
  }
  await setCell(page, index, code);
  await page.keyboard.press('Control+Enter');
  await waitForRun(page, index, timeout);
}

export function outputText(page, index) {
  return page.locator('.cell').nth(index).locator('.output-area').innerText();
}

/**
 * Waits until cell `index`'s rendered output matches `pattern`: a cell's run ends with the kernel's reply and idle, but
 * outputs are drawn in the frames after (offscreen ones in idle time), so the page may lag the model briefly.
 */
export async function expectOutput(page, index, pattern, timeout = 15_000) {
  try {
    await page.waitForFunction(
      ([i, source, flags]) => new RegExp(source, flags).test(document.querySelectorAll('.cell')[i]?.querySelector('.output-area')?.innerText ?? ''),
      [index, pattern.source, pattern.flags],
      { timeout },
    );
  } catch {
    const text = await outputText(page, index);
    expect(false, `cell ${index}'s output ${JSON.stringify(text.slice(0, 300))} did not come to match ${pattern} within ${timeout / 1000} s`);
  }
}
