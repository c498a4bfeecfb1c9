// An untrusted notebook whose outputs and markdown try to run script (<script>, onerror=, javascript: links, SVG
// with script): nothing runs, and the harmless parts still show.
import { args, expect, launch, putNotebook, run, Scenario } from './lib.mjs';

const attack = {
  cells: [
    { cell_type: 'markdown', id: 'md1', metadata: {}, source: '# Title\n<img src="x" onerror="window.__pwned=\'markdown\'">\n[link](javascript:window.__pwned=1)' },
    {
      cell_type: 'code', id: 'code1', metadata: {}, execution_count: 1, source: 'evil()',
      outputs: [
        { output_type: 'display_data', metadata: {}, data: { 'text/html': '<b id="kept">kept</b><script>window.__pwned="script"</script><img id="evil-img" src="x" onerror="window.__pwned=\'onerror\'">', 'text/plain': 'html' } },
        { output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=\'svg\'"><script>window.__pwned="svgscript"</script><rect width="10" height="10"/></svg>' } },
        { output_type: 'display_data', metadata: {}, data: { 'application/javascript': 'window.__pwned="js"', 'text/plain': 'js' } },
        { output_type: 'execute_result', execution_count: 1, metadata: {}, data: { 'text/markdown': '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> *md*', 'text/plain': 'md' } },
      ],
    },
  ],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

await run(async () => {
  const { baseUrl, token } = args();
  const s = new Scenario('untrusted');
  const { browser, page } = await launch();
  await s.check('the notebook is written unsigned', async () => {
    await putNotebook(baseUrl, token, 'attack.ipynb', attack);
  });
  await s.check('it opens, shown as not trusted', async () => {
    await page.goto(`${baseUrl}notebooks/attack.ipynb?token=${token}`);
    await page.waitForSelector('body[data-ready="notebook"]', { timeout: 20_000 });
    expect((await page.textContent('#trust')) === 'Not trusted', 'the notebook is not marked untrusted');
  });
  await s.check('the harmless HTML is shown', async () => {
    await page.waitForSelector('#kept');
  });
  await s.check('no script ran (inline, onerror, SVG, JavaScript output, iframe)', async () => {
    // Give broken images time to fire their (removed) onerror handlers.
    await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 10_000 });
    const pwned = await page.evaluate(() => window.__pwned);
    expect(pwned === undefined, `a script ran: window.__pwned = ${pwned}`);
    expect((await page.locator('[onerror]').count()) === 0, 'an onerror attribute survived sanitizing');
    expect((await page.locator('.output script, .markdown script, .output iframe').count()) === 0, 'a script or iframe element survived');
    expect((await page.locator('a[href^="javascript:"]').count()) === 0, 'a javascript: link survived');
  });
  await browser.close();
  s.report();
});
