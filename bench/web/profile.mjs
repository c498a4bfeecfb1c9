// Where each keystroke's time goes: types KEYS characters into cell 251 of the benchmark notebook (as bench.mjs does)
// under a Chromium trace, and prints the renderer main thread's CPU time per key (trace thread time, so less at the
// mercy of the machine's load than wall time), in all and by phase. Tracing adds its own overhead: compare runs of
// this script with each other, not with bench.mjs.
// Usage: node profile.mjs BASE_URL NOTEBOOK [KEYS=60] (token in JUPYTER_TOKEN). Prints one JSON line.
const { chromium } = await import(new URL('../../web/node_modules/playwright-core/index.mjs', import.meta.url).href);

const [baseUrl, notebook, keysArg] = process.argv.slice(2);
const keys = Number(keysArg ?? 60);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
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
await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'blink', 'input'] } });
for (const ch of 'x = compute(alpha, beta) + 1  # '.repeat(20).slice(0, keys)) {
  await page.keyboard.type(ch);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}
await cdp.send('Tracing.end');
await complete;
await browser.close();

const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const slices = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const perKey = (ms) => +(ms / 1000 / keys).toFixed(2);
const cpuOf = (name) => perKey(slices.filter((e) => e.name === name).reduce((sum, e) => sum + (e.tdur ?? 0), 0));
// Top-level tasks only (tasks nest), for the total.
let end = -1;
let total = 0;
for (const e of slices) {
  if ((e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts >= end) {
    total += e.tdur ?? 0;
    end = e.ts + e.dur;
  }
}
const result = {
  keys,
  mainThreadCpuPerKeyMs: perKey(total),
  javascriptMs: cpuOf('FunctionCall'),
  styleMs: cpuOf('UpdateLayoutTree'),
  layoutMs: cpuOf('Layout'),
  intersectionObserversMs: cpuOf('IntersectionObserverController::computeIntersections'),
  hitTestMs: cpuOf('HitTest'),
  prePaintMs: cpuOf('PrePaint'),
  paintMs: cpuOf('Paint'),
  layerizeMs: cpuOf('Layerize'),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
