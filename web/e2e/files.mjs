// The file browser: list, new folder/file, rename (a name that looks like HTML stays text), duplicate, upload (a
// chunked 2.5 MB file and a small one), download link, delete with confirmation; screenshots light and dark.
import { args, expect, launch, run, Scenario, screenshot } from './lib.mjs';

await run(async () => {
  const { baseUrl, artifacts, token } = args();
  const s = new Scenario('files');
  const { browser, page, consoleErrors } = await launch();
  const api = async (path) => (await fetch(`${baseUrl}api/contents/${path}`, { headers: { Authorization: `token ${token}` } })).json();
  const row = (name) => page.locator(`tr[data-name="${name}"]`);

  await s.check('the token in the address logs in and leaves the address', async () => {
    await page.goto(`${baseUrl}tree/?token=${token}`);
    await page.waitForSelector('body[data-ready="tree"]', { timeout: 20_000 });
    expect(!page.url().includes('token='), `the token is still in the address: ${page.url()}`);
  });

  await s.check('new folder, renamed to a name that looks like HTML, shows as text', async () => {
    await page.click('#new-folder');
    await row('Untitled Folder').waitFor();
    await row('Untitled Folder').locator('[data-action="rename"]').click();
    const name = '<img src=x onerror=window.__pwned=1> folder';
    await page.fill('.modal-input', name);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => [...document.querySelectorAll('tr[data-type="directory"]')].some((r) => r.dataset.name === n), name, { timeout: 20_000 });
    const renamed = page.locator('tr[data-type="directory"]').filter({ has: page.locator('td.name a', { hasText: 'onerror' }) });
    expect((await renamed.locator('td.name a').textContent()) === name, 'the name is not shown literally');
    expect((await page.locator('td.name img').count()) === 0, 'the name was parsed as HTML');
    expect((await page.evaluate(() => window.__pwned)) === undefined, 'a script in the name ran');
  });

  await s.check('new text file and duplicate', async () => {
    await page.click('#new-file');
    await row('untitled.txt').waitFor();
    await row('untitled.txt').locator('[data-action="duplicate"]').click();
    await page.locator('tr[data-name^="untitled-Copy"]').first().waitFor();
  });

  await s.check('upload: a 2.5 MB file goes up in chunks, byte for byte', async () => {
    const big = Buffer.alloc(2_500_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) % 251;
    await page.setInputFiles('input[type=file]', [{ name: 'big.bin', mimeType: 'application/octet-stream', buffer: big }, { name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('hello upload\n') }]);
    await row('big.bin').waitFor({ timeout: 30_000 });
    await row('hello.txt').waitFor();
    const model = await api('big.bin?content=0');
    expect(model.size === big.length, `big.bin is ${model.size} bytes on the server, not ${big.length}`);
    const raw = Buffer.from(await (await fetch(`${baseUrl}files/big.bin`, { headers: { Authorization: `token ${token}` } })).arrayBuffer());
    expect(raw.equals(big), 'big.bin differs from what was uploaded');
  });

  await s.check('download link fetches the file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), row('hello.txt').locator('[data-action="download"]').click()]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    expect(Buffer.concat(chunks).toString() === 'hello upload\n', 'the download has other content');
  });

  await s.check('screenshot: file browser', () => screenshot(page, artifacts, 'file-browser'));

  await s.check('delete asks first; cancel keeps, confirm removes', async () => {
    await row('untitled.txt').locator('[data-action="delete"]').click();
    await page.keyboard.press('Escape');
    expect((await row('untitled.txt').count()) === 1, 'cancelling the confirmation deleted the file');
    await row('untitled.txt').locator('[data-action="delete"]').click();
    await page.click('.modal button[data-value="delete"]');
    await row('untitled.txt').waitFor({ state: 'detached' });
    const listing = await api('');
    expect(!listing.content.some((i) => i.name === 'untitled.txt'), 'untitled.txt is still on the server');
  });

  await s.check('dark theme', async () => {
    await page.click('#theme-toggle');
    expect((await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark', 'the theme did not switch to dark');
    await screenshot(page, artifacts, 'file-browser-dark');
    await page.click('#theme-toggle');
  });

  await s.check('no errors in the browser console', async () => {
    expect(consoleErrors.length === 0, consoleErrors.join(' | '));
  });
  await browser.close();
  s.report();
});
