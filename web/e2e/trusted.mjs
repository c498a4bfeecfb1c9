// A trusted notebook's scripts run, and only inside the sandboxed output frame: an HTML output's <script> and an
// application/javascript output do their work there, the frame grows to its content, and from inside it the app's
// page, its cookies and the server's API are out of reach. HTML without script stays in the page.
import { args, expect, launch, putNotebook, run, Scenario } from './lib.mjs';

const probe = `
<div id="ran">waiting</div>
<div style="height: 420px">tall</div>
<script>
  const ran = document.getElementById('ran');
  ran.textContent = 'script ran';
  try { ran.dataset.parent = String(parent.document.title); } catch { ran.dataset.parent = 'blocked'; }
  try { ran.dataset.cookie = document.cookie; } catch { ran.dataset.cookie = 'blocked'; }
  fetch('/api/contents').then(() => (ran.dataset.fetch = 'allowed'), () => (ran.dataset.fetch = 'blocked'));
</script>`;

const notebook = {
  cells: [
    {
      cell_type: 'code', id: 'html1', metadata: { trusted: true }, execution_count: 1, source: 'HTML(probe)',
      outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': probe, 'text/plain': 'probe' } }],
    },
    {
      cell_type: 'code', id: 'js1', metadata: { trusted: true }, execution_count: 2, source: 'Javascript(code)',
      outputs: [{ output_type: 'display_data', metadata: {}, data: { 'application/javascript': "element.innerHTML = '<b id=\"js\">javascript ran</b>';", 'text/plain': 'js' } }],
    },
    {
      cell_type: 'code', id: 'plain1', metadata: { trusted: true }, execution_count: 3, source: 'HTML(table)',
      outputs: [{ output_type: 'execute_result', execution_count: 3, metadata: {}, data: { 'text/html': '<table id="inline-table"><tr><td>1</td></tr></table>', 'text/plain': 'table' } }],
    },
  ],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

await run(async () => {
  const { baseUrl, token } = args();
  const s = new Scenario('trusted');
  const { browser, page } = await launch();
  await s.check('the notebook is saved with its cells trusted, so the server signs it', async () => {
    await putNotebook(baseUrl, token, 'signed.ipynb', notebook);
  });
  await s.check('it opens, shown as trusted', async () => {
    await page.goto(`${baseUrl}notebooks/signed.ipynb?token=${token}`);
    await page.waitForSelector('body[data-ready="notebook"]', { timeout: 20_000 });
    expect((await page.textContent('#trust')) === 'Trusted', `the badge says ${await page.textContent('#trust')}`);
  });
  const html = page.frameLocator('.cell[data-cell-id="html1"] iframe.output-frame');
  await s.check('the HTML output\'s script ran in the frame', async () => {
    await html.locator('#ran', { hasText: 'script ran' }).waitFor({ timeout: 20_000 });
  });
  await s.check('from the frame, the page, its cookies and the API are out of reach', async () => {
    const ran = html.locator('#ran');
    await html.locator('#ran[data-fetch]').waitFor({ timeout: 10_000 });
    expect((await ran.getAttribute('data-parent')) === 'blocked', `the frame read the page's title: ${await ran.getAttribute('data-parent')}`);
    const cookie = await ran.getAttribute('data-cookie');
    expect(cookie === 'blocked' || cookie === '', `the frame read cookies: ${cookie}`);
    expect((await ran.getAttribute('data-fetch')) === 'blocked', 'the frame reached the API');
  });
  await s.check('the frame is as tall as its content', async () => {
    const frame = page.locator('.cell[data-cell-id="html1"] iframe.output-frame');
    await page.waitForFunction((el) => el.getBoundingClientRect().height >= 420, await frame.elementHandle(), { timeout: 10_000 });
  });
  await s.check('the application/javascript output ran with its element', async () => {
    await page.frameLocator('.cell[data-cell-id="js1"] iframe.output-frame').locator('#js', { hasText: 'javascript ran' }).waitFor({ timeout: 20_000 });
  });
  await s.check('HTML without script stays in the page; no output script ran in the page', async () => {
    await page.waitForSelector('.cell[data-cell-id="plain1"] .output-html #inline-table');
    expect((await page.locator('.cell[data-cell-id="plain1"] iframe').count()) === 0, 'a frame was used for HTML without script');
    expect((await page.locator('#ran, #js').count()) === 0, 'an output\'s script ran in the app\'s page');
  });
  await browser.close();
  s.report();
});
