// Accessibility, checked by axe-core (the engine behind Lighthouse's and Playwright's audits) in Chromium: the login
// page, the file browser, and a notebook with every kind of output, in the light and the dark theme. Any WCAG 2 A/AA
// violation of serious or critical impact fails the check, named by rule and element.
import { createRequire } from 'node:module';
import { args, expect, launch, putNotebook, run, Scenario } from './lib.mjs';
import { waitForIdle } from './notebook-lib.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const notebook = {
  cells: [
    { cell_type: 'markdown', id: 'md1', metadata: {}, source: '# Results\nSome *text*, a [link](https://jupyter.org) and math $x^2$.' },
    {
      cell_type: 'code', id: 'code1', metadata: { tags: ['parameters'] }, execution_count: 1, source: 'alpha = 0.5\nprint("hello")',
      outputs: [{ output_type: 'stream', name: 'stdout', text: 'hello\n' }],
    },
    {
      cell_type: 'code', id: 'code2', metadata: {}, execution_count: 2, source: 'df',
      outputs: [
        { output_type: 'execute_result', execution_count: 2, metadata: {}, data: { 'text/html': '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>', 'text/plain': 'df' } },
        { output_type: 'display_data', metadata: {}, data: { 'image/png': 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'text/plain': 'figure' } },
      ],
    },
    {
      cell_type: 'code', id: 'code3', metadata: {}, execution_count: 3, source: '1/0',
      outputs: [{ output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero', traceback: ['\u001b[0;31mZeroDivisionError\u001b[0m: division by zero'] }],
    },
    { cell_type: 'raw', id: 'raw1', metadata: {}, source: 'raw text' },
  ],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

/** Serious and critical WCAG 2 A/AA violations on the page as it is now, as "rule: element, element" lines. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + contrast(n)).join(', ')}`);
    function contrast(node) {
      const data = node.any?.find((c) => c.id === 'color-contrast')?.data;
      return data ? ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}]` : '';
    }
  });
  return found;
}

async function expectClean(page, where) {
  const found = await violations(page);
  expect(found.length === 0, `${where}: ${found.join(' | ')}`);
}

await run(async () => {
  const { baseUrl, token } = args();
  const s = new Scenario('a11y');
  const { browser } = await launch();
  // The app's CSP (tested elsewhere) rightly refuses the injected axe script; this context lets it in.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const page = await context.newPage();
  await s.check('the login page', async () => {
    const anonymous = await context.newPage();
    await anonymous.goto(`${baseUrl}login`);
    await anonymous.waitForSelector('input[type="password"], input[name="password"]');
    await expectClean(anonymous, 'login');
    await anonymous.close();
  });
  await s.check('the notebook is saved', async () => {
    await putNotebook(baseUrl, token, 'a11y.ipynb', notebook);
  });
  await s.check('the file browser, light theme', async () => {
    await page.goto(`${baseUrl}tree/?token=${token}`);
    await page.waitForSelector('body[data-ready="tree"]');
    await page.waitForSelector('tr[data-type="notebook"]');
    await expectClean(page, 'tree');
  });
  await s.check('the notebook, light theme', async () => {
    await page.goto(`${baseUrl}notebooks/a11y.ipynb`);
    await page.waitForSelector('body[data-ready="notebook"]');
    await page.waitForSelector('body[data-all-rendered="true"]');
    await page.waitForSelector('.cell[data-cell-id="code3"] .traceback');
    await waitForIdle(page, 90_000);
    await expectClean(page, 'notebook');
  });
  await s.check('the notebook, dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.waitForSelector('body[data-all-rendered="true"]');
    await waitForIdle(page, 90_000);
    await expectClean(page, 'notebook (dark)');
  });
  await s.check('the file browser, dark theme', async () => {
    await page.goto(`${baseUrl}tree/`);
    await page.waitForSelector('tr[data-type="notebook"]');
    await expectClean(page, 'tree (dark)');
  });
  await browser.close();
  s.report();
});
