// What a flaky network and a desktop do to a session: the kernel's WebSocket drops while a cell prints, the client
// library reconnects by itself and every output is there (the server replays what the page missed); and a file dropped
// onto the file browser from the desktop is uploaded.
import { args, expect, launch, run, Scenario, screenshot, setCell, waitForRun } from './lib.mjs';
import { createNotebook, expectOutput, waitForIdle } from './notebook-lib.mjs';

await run(async () => {
  const { baseUrl, artifacts, token } = args();
  const s = new Scenario('sessions');
  const { browser, context, page, consoleErrors } = await launch();

  // Every WebSocket the page opens, so that the scenario can drop the kernel's as a network would (a close the page
  // did not ask for: @jupyterlab/services then reconnects on its own).
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    window.__sockets = [];
    window.WebSocket = class extends Native {
      constructor(...a) {
        super(...a);
        window.__sockets.push(this);
      }
    };
  });

  const created = await s.check('new Python notebook, kernel idle', () => createNotebook(page, baseUrl, token, 'python3'), 120_000);
  if (!created) {
    await browser.close();
    return s.report();
  }

  await s.check('the kernel socket drops mid-cell; after the reconnect every output is there', async () => {
    await setCell(page, 0, "import time\nfor i in range(12):\n    print('line', i, flush=True)\n    time.sleep(0.5)\nprint('done')");
    await page.keyboard.press('Control+Enter');
    await expectOutput(page, 0, /line 1\b/, 30_000);
    const dropped = await page.evaluate(() => {
      const open = window.__sockets.filter((w) => w.readyState === WebSocket.OPEN && /\/api\/kernels\/[^/]+\/channels/.test(w.url));
      open.forEach((w) => w.close(4000, 'network drop (test)'));
      return open.length;
    });
    expect(dropped === 1, `expected one open kernel socket to drop, found ${dropped}`);
    // The library shows the drop (connecting) and reconnects within a few seconds; the server replays what it missed.
    await expectOutput(page, 0, /done/, 60_000);
    const text = await page.locator('.cell').nth(0).locator('.output-area').innerText();
    for (let i = 0; i < 12; i++) expect(text.includes(`line ${i}\n`), `line ${i} is missing after the reconnect: ${JSON.stringify(text)}`);
    const reopened = await page.evaluate(() => window.__sockets.filter((w) => w.readyState === WebSocket.OPEN && /\/channels/.test(w.url)).length);
    expect(reopened === 1, `expected the page to have reconnected one kernel socket, found ${reopened}`);
    await waitForIdle(page);
  }, 150_000);

  await s.check('run above, run below, and restart and run all', async () => {
    // Three short cells after the first: each records its turn in a list the kernel keeps.
    const cells = ["order = ['a']", "order.append('b')", "order.append('c'); print(order)"];
    for (const [i, code] of cells.entries()) {
      if ((await page.locator('.cell').count()) <= i + 1) {
        await page.keyboard.press('Escape');
        await page.click('#insert-below');
      }
      await setCell(page, i + 1, code);
    }
    const select = async (i) => {
      await page.keyboard.press('Escape');
      await page.locator('.cell').nth(i).locator('.in-prompt').click();
    };
    await select(3);
    await page.click('#run-above');
    await waitForRun(page, 2, 60_000);
    await waitForIdle(page);
    expect(!/\[\d+\]/.test(await page.locator('.cell').nth(3).locator('.in-prompt').innerText()), 'run above ran the selected cell');
    // From the cell that starts the list: it and every cell below run once more.
    await select(1);
    await page.click('#run-below');
    await expectOutput(page, 3, /\['a', 'b', 'c'\]/, 60_000);
    await page.click('#restart-run-all');
    await page.click('.modal button[data-value="ok"]');
    // Counts start again at 1 only in a restarted kernel: the last cell's [4] shows every cell ran again, in order.
    await page.waitForFunction(
      () => [...document.querySelectorAll('.cell .in-prompt')].map((p) => p.textContent?.match(/\[(\d+)\]/)?.[1]).join(',') === '1,2,3,4',
      undefined,
      { timeout: 90_000 },
    );
    await expectOutput(page, 3, /\['a', 'b', 'c'\]/, 30_000);
    await waitForIdle(page, 90_000);
  }, 240_000);

  await s.check('run all queues every cell at once, as JupyterLab does', async () => {
    // The first cell sleeps: while it runs, the last one is already queued in the kernel (shown running). Run one by
    // one, the last cell would start only once the first had finished.
    await setCell(page, 1, "import time\ntime.sleep(4)\norder = ['a']");
    await page.keyboard.press('Escape');
    await page.click('#run-all');
    await page.waitForFunction(
      () => {
        const cells = document.querySelectorAll('.cell');
        return cells[1]?.classList.contains('running') && cells[3]?.classList.contains('running');
      },
      undefined,
      { timeout: 3_500 },
    );
    await expectOutput(page, 3, /\['a', 'b', 'c'\]/, 60_000);
    await waitForIdle(page, 60_000);
  }, 120_000);

  await s.check('a file dropped onto the file browser is uploaded', async () => {
    await page.goto(`${baseUrl}tree/`);
    await page.waitForSelector('body[data-ready="tree"]', { timeout: 20_000 });
    const content = 'dropped from the desktop\n';
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      return data;
    }, content);
    const target = page.locator('.files');
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await page.locator('tr[data-name="dropped.txt"]').waitFor({ timeout: 20_000 });
    const raw = await (await fetch(`${baseUrl}files/dropped.txt`, { headers: { Authorization: `token ${token}` } })).text();
    expect(raw === content, `the uploaded file holds ${JSON.stringify(raw)}`);
    await screenshot(page, artifacts, 'after-drop');
  });

  await s.check('no errors in the console', async () => {
    // The dropped socket is the scenario's own doing: the library may log it.
    const unexpected = consoleErrors.filter((e) => !/WebSocket|network drop/i.test(e));
    expect(unexpected.length === 0, unexpected.join(' | '));
  });

  await browser.close();
  s.report();
});
