// Shared by profile.mjs and processes.mjs: opens the benchmark notebook in headless Chromium, types KEYS characters
// into cell 251 (as bench.mjs does, one per frame) under a Chromium trace of CATEGORIES, and returns the trace events.
const { chromium } = await import(new URL('../../web/node_modules/playwright-core/index.mjs', import.meta.url).href);

export async function traceTyping(baseUrl, notebook, keys, categories) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}tree/?token=${process.env.JUPYTER_TOKEN ?? ''}`);
    await page.goto(`${baseUrl}notebooks/${notebook}`);
    await page.waitForSelector('body[data-all-rendered="true"]', { timeout: 60_000 });
    const cell = page.locator('.cell').nth(251);
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.input-area').click();
    await cell.locator('.cm-editor.cm-focused').waitFor();
    await page.keyboard.press('Control+End');

    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
    for (const ch of 'x = compute(alpha, beta) + 1  # '.repeat(20).slice(0, keys)) {
      await page.keyboard.type(ch);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    }
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await browser.close();
  }
}
