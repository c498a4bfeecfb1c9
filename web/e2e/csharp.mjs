// A C# notebook (Quire's own kernel, which the server always offers): stream, result, error, HTML display, save and
// reload.
import { args, expect, launch, run, Scenario, screenshot } from './lib.mjs';
import { createNotebook, expectOutput, runCell } from './notebook-lib.mjs';

await run(async () => {
  const { baseUrl, artifacts, token } = args();
  const s = new Scenario('csharp');
  const { browser, page } = await launch();
  const created = await s.check('new C# notebook from the file browser, kernel idle', () => createNotebook(page, baseUrl, token, 'csharp'), 180_000);
  if (!created) {
    await browser.close();
    return s.report();
  }
  await s.check('C# is highlighted', async () => {
    await runCell(page, 0, 'var greeting = "hi from C#";\nConsole.WriteLine(greeting);', 180_000);
    await expectOutput(page, 0, /hi from C#/);
    expect((await page.locator('.cell').nth(0).locator('.tok-keyword, .tok-string').count()) > 0, 'no syntax highlighting in the C# cell');
  });
  await s.check('execute result', async () => {
    await runCell(page, 1, '6 * 7');
    await expectOutput(page, 1, /42/);
  });
  await s.check('error', async () => {
    await runCell(page, 2, 'throw new InvalidOperationException("boom");');
    await expectOutput(page, 2, /boom/);
  });
  await s.check('save and reload keep the outputs', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.body.dataset.dirty === 'false', null, { timeout: 20_000 });
    await page.reload();
    await page.waitForSelector('body[data-ready="notebook"]');
    await expectOutput(page, 0, /hi from C#/);
    await expectOutput(page, 1, /42/);
    await screenshot(page, artifacts, 'notebook-csharp');
  });
  await browser.close();
  s.report();
});
