// Opens the benchmark notebook in headless Chromium REPS times (navigation → the app's "quire-rendered" mark, set in
// the frame after the last cell rendered), then types 200 characters into a cell in the middle of it and measures
// every key from its keydown to the frame after the editor updated (requestAnimationFrame, then a task: after paint).
// Usage: node bench.mjs BASE_URL NOTEBOOK REPS (token in JUPYTER_TOKEN). Prints one JSON line.
// playwright-core comes from web/node_modules (installed by the server's build), not a copy of its own.
const { chromium } = await import(new URL('../../web/node_modules/playwright-core/index.mjs', import.meta.url).href);

const [baseUrl, notebook, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const token = process.env.JUPYTER_TOKEN ?? '';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(`${baseUrl}tree/?token=${token}`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const opens = [];
const allRendered = [];
const typing = [];
for (let rep = 0; rep < reps; rep++) {
  await page.goto(`${baseUrl}notebooks/${notebook}`);
  await page.waitForSelector('body[data-ready="notebook"]', { timeout: 60_000 });
  const rendered = await page.evaluate(() => performance.getEntriesByName('quire-rendered')[0]?.startTime ?? -1);
  await page.waitForSelector('body[data-all-rendered="true"]', { timeout: 60_000 });
  allRendered.push(await page.evaluate(() => performance.getEntriesByName('quire-all-rendered')[0]?.startTime ?? -1));
  const cells = await page.locator('.cell').count();
  if (cells !== 500) throw new Error(`expected 500 cells, found ${cells}`);
  opens.push(rendered);

  // A code cell in the middle of the notebook.
  const cell = page.locator('.cell').nth(251);
  await cell.scrollIntoViewIfNeeded();
  await cell.locator('.input-area').click();
  await cell.locator('.cm-editor.cm-focused').waitFor();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    window.__latencies = [];
    window.__domLatencies = [];
    // When the editor's DOM changed after a key: the app's own work, without the wait for the next frame.
    let pending = null;
    new MutationObserver(() => {
      if (pending !== null) {
        window.__domLatencies.push(performance.now() - pending);
        pending = null;
      }
    }).observe(document.querySelector('.cm-focused .cm-content'), { childList: true, subtree: true, characterData: true });
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        pending = start;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.__latencies.push(performance.now() - start);
          channel.port2.postMessage(0);
        });
      },
      true,
    );
  });
  const text = 'x = compute(alpha, beta) + 1  # '.repeat(7).slice(0, 200);
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  const latencies = await page.evaluate(() => window.__latencies);
  const domLatencies = await page.evaluate(() => window.__domLatencies);
  const typed = await cell.locator('.cm-content').innerText();
  if (!typed.includes(text.slice(0, 30))) throw new Error(`the typed text is not in the cell: ${JSON.stringify(typed.slice(-300))}`);
  typing.push({ p50: percentile(latencies, 50), p95: percentile(latencies, 95), n: latencies.length, domP50: percentile(domLatencies, 50), domP95: percentile(domLatencies, 95) });
}

// The floor of this measurement in this browser: the same keys, timed the same way, into a bare <textarea> on an
// empty page. Headless Chromium paints on a 60 Hz clock, so even this waits up to a frame; the notebook's figures are
// read against it.
const floor = [];
for (let rep = 0; rep < reps; rep++) {
  await page.setContent('<textarea id="floor" style="width:600px;height:200px"></textarea>');
  await page.click('#floor');
  await page.evaluate(() => {
    window.__floor = [];
    document.addEventListener('keydown', (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__floor.push(performance.now() - start);
        channel.port2.postMessage(0);
      });
    }, true);
  });
  for (const ch of 'x = compute(alpha, beta) + 1  # '.repeat(7).slice(0, 200)) {
    await page.keyboard.type(ch);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  const latencies = await page.evaluate(() => window.__floor);
  floor.push({ p50: percentile(latencies, 50), p95: percentile(latencies, 95) });
}
await browser.close();
const result = {
  reps,
  openMs: opens.map((x) => Math.round(x)),
  openMedianMs: Math.round(median(opens)),
  allOutputsMs: allRendered.map((x) => Math.round(x)),
  allOutputsMedianMs: Math.round(median(allRendered)),
  typingP50Ms: +median(typing.map((t) => t.p50)).toFixed(2),
  typingP95Ms: +median(typing.map((t) => t.p95)).toFixed(2),
  keyToDomP50Ms: +median(typing.map((t) => t.domP50)).toFixed(2),
  keyToDomP95Ms: +median(typing.map((t) => t.domP95)).toFixed(2),
  floorTextareaP50Ms: +median(floor.map((t) => t.p50)).toFixed(2),
  floorTextareaP95Ms: +median(floor.map((t) => t.p95)).toFixed(2),
  typingPerRep: typing.map((t) => ({ p50: +t.p50.toFixed(2), p95: +t.p95.toFixed(2), keys: t.n, domP50: +t.domP50.toFixed(2), domP95: +t.domP95.toFixed(2) })),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
