// A Python notebook made and used in the browser: outputs of every kind, completion, inspection, stdin, interrupt,
// restart, save, reload.
import { args, expect, launch, run, Scenario, screenshot, waitForRun } from './lib.mjs';
import { createNotebook, expectOutput, outputText, runCell, waitForIdle } from './notebook-lib.mjs';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

await run(async () => {
  const { baseUrl, artifacts, token } = args();
  const s = new Scenario('python');
  const { browser, page, consoleErrors } = await launch();
  const created = await s.check('new Python notebook from the file browser, kernel idle', () => createNotebook(page, baseUrl, token, 'python3'), 120_000);
  if (!created) {
    await browser.close();
    return s.report();
  }
  await s.check('stream output with ANSI colour and carriage return', async () => {
    await runCell(page, 0, "print('\\x1b[31mred\\x1b[0m plain')\nprint('10%', end='\\r'); print('100%')");
    await expectOutput(page, 0, /red plain\n100%/);
    expect((await page.locator('.cell').nth(0).locator('.ansi-red-fg').count()) === 1, 'the ANSI red span is missing');
  });
  await s.check('execute result with its count', async () => {
    await runCell(page, 1, '6 * 7');
    await expectOutput(page, 1, /42/);
    expect(/\[2\]/.test(await page.locator('.cell').nth(1).locator('.in-prompt').innerText()), 'the execution count is not 2');
  });
  await s.check('error with traceback', async () => {
    await runCell(page, 2, '1/0');
    await expectOutput(page, 2, /ZeroDivisionError/);
  });
  await s.check('HTML and PNG outputs', async () => {
    await runCell(page, 3, `from IPython.display import HTML, Image, display\nimport base64\ndisplay(HTML('<b id="html-out">bold</b>'))\ndisplay(Image(data=base64.b64decode('${PNG}')))`);
    await page.waitForSelector('#html-out');
    expect((await page.locator('.cell').nth(3).locator('img.output-image').count()) === 1, 'the PNG is not shown');
  });
  await s.check('update_display_data and clear_output(wait=True)', async () => {
    await runCell(page, 4, "from IPython.display import display, clear_output\nh = display('first', display_id=True)\nh.update('updated')\nfor i in range(3):\n    clear_output(wait=True)\n    print('tick', i)");
    await expectOutput(page, 4, /^tick 2\s*$/);
  });
  await s.check('tab completion from the kernel', async () => {
    await runCell(page, 5, 'import os');
    await page.locator('.cell').nth(5).locator('.cm-content').click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('\nos.pat');
    await page.keyboard.press('Tab');
    await page.waitForSelector('.cm-tooltip-autocomplete li:has-text("path")', { timeout: 30_000 });
    await page.keyboard.press('Escape');
  });
  await s.check('Shift+Tab inspection', async () => {
    await page.keyboard.insertText('h');
    await page.keyboard.press('Shift+Tab');
    await page.waitForSelector('.inspect-tooltip', { timeout: 30_000 });
    await page.keyboard.press('Escape');
  });
  await s.check('stdin prompt answered, password hidden', async () => {
    await page.keyboard.press('Escape');
    await page.click('#insert-below');
    const index = (await page.locator('.cell').count()) - 1;
    const { setCell } = await import('./lib.mjs');
    await setCell(page, index, "import getpass\nname = input('Name? ')\nsecret = getpass.getpass('Secret? ')\nprint('hello', name, len(secret))");
    await page.keyboard.press('Control+Enter');
    await page.fill('.stdin-input', 'Ada');
    await page.keyboard.press('Enter');
    const password = page.locator('.stdin-input[type=password]');
    await password.waitFor();
    await password.fill('hunter2');
    await page.keyboard.press('Enter');
    await waitForRun(page, index);
    await expectOutput(page, index, /hello Ada 7/);
    expect(!(await outputText(page, index)).includes('hunter2'), 'the password is shown');
  });
  await s.check('interrupt a running loop', async () => {
    await page.keyboard.press('Escape');
    await page.click('#insert-below');
    const index = (await page.locator('.cell').count()) - 1;
    const { setCell } = await import('./lib.mjs');
    await setCell(page, index, "import time\nprint('looping', flush=True)\nwhile True:\n    time.sleep(0.05)");
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((i) => document.querySelectorAll('.cell')[i]?.querySelector('.output-area')?.textContent?.includes('looping'), index, { timeout: 30_000 });
    await page.click('#interrupt');
    await waitForRun(page, index, 30_000);
    await expectOutput(page, index, /KeyboardInterrupt/);
  });
  await s.check('markdown cell with math renders', async () => {
    await page.keyboard.press('Escape');
    await page.click('#insert-below');
    await page.keyboard.press('m');
    const index = (await page.locator('.cell').count()) - 1;
    const { setCell } = await import('./lib.mjs');
    await setCell(page, index, '## Heading\nEuler: $e^{i\\pi}+1=0$');
    await page.keyboard.press('Control+Enter');
    await page.locator('.cell').nth(index).locator('.rendered-markdown h2').waitFor();
    await page.locator('.cell').nth(index).locator('.katex').first().waitFor();
  });
  await s.check('screenshot: notebook with outputs', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, artifacts, 'notebook-python');
    await page.click('#theme-toggle');
    await screenshot(page, artifacts, 'notebook-python-dark');
    await page.click('#theme-toggle');
  });
  await s.check('Ctrl+S saves and clears the dirty mark', async () => {
    expect((await page.textContent('#dirty')) !== '', 'the notebook is not marked dirty after edits');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.body.dataset.dirty === 'false', null, { timeout: 20_000 });
  });
  await s.check('restart: the kernel comes back idle and forgets', async () => {
    await page.click('#restart');
    await page.click('.modal button[data-value="ok"]');
    await waitForIdle(page, 60_000);
    const count = await page.locator('.cell').count();
    await page.keyboard.press('Escape');
    await page.click('#insert-below');
    await runCell(page, count, "print('name' in globals())");
    await expectOutput(page, count, /False/);
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.body.dataset.dirty === 'false', null, { timeout: 20_000 });
  });
  await s.check('reload: cells and outputs are all there', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="notebook"]');
    await expectOutput(page, 0, /red plain/);
    await expectOutput(page, 1, /42/);
    await expectOutput(page, 2, /ZeroDivisionError/);
    await page.waitForSelector('#html-out');
    expect((await page.textContent('#trust')) === 'Trusted', 'outputs made in this browser are not trusted after reload');
  });
  await s.check('Download as HTML gives the saved notebook converted, sanitized', async () => {
    const href = await page.getAttribute('#download-html', 'href');
    expect(href !== null && href.includes('/nbconvert/html/'), `the HTML download link is ${href}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
    expect(download.suggestedFilename().endsWith('.html'), `the download is named ${download.suggestedFilename()}`);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const html = Buffer.concat(chunks).toString();
    expect(html.includes('ZeroDivisionError') && html.includes('html-out'), 'the converted page lacks the notebook\'s outputs');
  });
  await s.check('no errors in the browser console', async () => {
    const real = consoleErrors.filter((e) => !/WebSocket|ERR_CONNECTION|status of 404/.test(e));
    expect(real.length === 0, real.join(' | '));
  });
  await browser.close();
  s.report();
});
