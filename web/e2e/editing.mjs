// Notebook editing without running code: command-mode keys, multi-select, moving cells, find and replace, tags,
// collapsing, conflict detection on save (reload), and revert to a checkpoint.
import { args, expect, launch, putNotebook, run, Scenario } from './lib.mjs';

const initial = (sources) => ({
  cells: sources.map((source, i) => ({ cell_type: 'code', id: `cell${i}`, metadata: {}, execution_count: null, outputs: [], source })),
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
});

await run(async () => {
  const { baseUrl, token } = args();
  const s = new Scenario('editing');
  const { browser, page } = await launch();
  const put = (content) => putNotebook(baseUrl, token, 'edit.ipynb', content);
  const sources = () => page.evaluate(() => window.quire.notebook.model.cells.map((c) => c.source));
  const types = () => page.evaluate(() => window.quire.notebook.model.cells.map((c) => c.type));
  const key = async (...keys) => {
    for (const k of keys) await page.keyboard.press(k);
  };
  const selectCell = async (i) => {
    await page.locator('.cell').nth(i).locator('.prompt').first().click();
  };

  await s.check('open', async () => {
    await put(initial(['a1', 'b2', 'c3']));
    await page.goto(`${baseUrl}notebooks/edit.ipynb?token=${token}`);
    await page.waitForSelector('body[data-ready="notebook"]', { timeout: 20_000 });
  });
  await s.check('B inserts below, D D deletes, Z brings it back', async () => {
    await selectCell(0);
    await key('b');
    expect(JSON.stringify(await sources()) === '["a1","","b2","c3"]', `after B: ${JSON.stringify(await sources())}`);
    await key('d', 'd');
    expect(JSON.stringify(await sources()) === '["a1","b2","c3"]', `after D D: ${JSON.stringify(await sources())}`);
    await key('z');
    expect((await sources()).length === 4, 'Z did not restore the deleted cell');
    await key('d', 'd');
  });
  await s.check('A inserts above; C and V copy and paste; X cuts', async () => {
    await selectCell(0);
    await key('c', 'ArrowDown', 'v');
    expect(JSON.stringify(await sources()) === '["a1","b2","a1","c3"]', `after C, Down, V: ${JSON.stringify(await sources())}`);
    await key('x');
    expect(JSON.stringify(await sources()) === '["a1","b2","c3"]', `after X: ${JSON.stringify(await sources())}`);
    await selectCell(0);
    await key('a');
    expect((await sources())[0] === '' && (await sources()).length === 4, `after A: ${JSON.stringify(await sources())}`);
    await key('d', 'd');
  });
  await s.check('M and Y change the cell type', async () => {
    await selectCell(1);
    await key('m');
    expect((await types())[1] === 'markdown', `after M: ${JSON.stringify(await types())}`);
    await key('y');
    expect((await types())[1] === 'code', `after Y: ${JSON.stringify(await types())}`);
  });
  await s.check('Shift+Down selects two cells; moving them down keeps their order', async () => {
    await selectCell(0);
    await key('Shift+ArrowDown');
    expect((await page.locator('.cell.selected').count()) === 2, 'two cells are not selected');
    await page.click('#move-down');
    expect(JSON.stringify(await sources()) === '["c3","a1","b2"]', `after moving down: ${JSON.stringify(await sources())}`);
  });
  await s.check('Z undoes moves, type changes, inserts and pastes, newest first', async () => {
    // Now ["c3","a1","b2"]; cell 0 gets an output so that a type change and its undo can be seen to keep it.
    await page.evaluate(() => {
      const notebook = window.quire.notebook;
      notebook.model.cells[0].outputs = [{ output_type: 'stream', name: 'stdout', text: 'kept\n' }];
      notebook.views[0].renderOutputs();
    });
    await selectCell(0);
    await key('ArrowDown');
    await page.click('#move-up');
    expect(JSON.stringify(await sources()) === '["a1","c3","b2"]', `after moving up: ${JSON.stringify(await sources())}`);
    await selectCell(1);
    await key('m');
    await key('b');
    await key('c', 'v');
    expect((await sources()).length === 5 && (await types())[1] === 'markdown', `after M, B, C, V: ${JSON.stringify(await sources())} ${JSON.stringify(await types())}`);
    await key('z');
    expect((await sources()).length === 4, `Z did not take the pasted cell out: ${JSON.stringify(await sources())}`);
    await key('z');
    expect(JSON.stringify(await sources()) === '["a1","c3","b2"]', `Z did not take the inserted cell out: ${JSON.stringify(await sources())}`);
    await key('z');
    expect(JSON.stringify(await types()) === '["code","code","code"]', `Z did not undo M: ${JSON.stringify(await types())}`);
    await page.locator('.cell').nth(1).locator('.output-area', { hasText: 'kept' }).waitFor({ timeout: 5_000 });
    await key('z');
    expect(JSON.stringify(await sources()) === '["c3","a1","b2"]', `Z did not undo the move: ${JSON.stringify(await sources())}`);
  });
  await s.check('Enter edits, Escape leaves the editor', async () => {
    await selectCell(0);
    await key('Enter');
    await page.locator('.cell').nth(0).locator('.cm-editor.cm-focused').waitFor();
    await page.keyboard.insertText('# edited ');
    await key('Escape');
    expect((await sources())[0].includes('# edited'), `the edit did not reach the model: ${JSON.stringify(await sources())}`);
    expect((await page.evaluate(() => document.body.dataset.mode)) === 'command', 'Escape did not return to command mode');
  });
  await s.check('Brackets beside the cursor are marked once typing pauses', async () => {
    await selectCell(0);
    await key('Enter');
    await page.locator('.cell').nth(0).locator('.cm-editor.cm-focused').waitFor();
    await page.keyboard.press('End');
    // closeBrackets makes "f(" "f()" with the cursor between the two, which the marks find after a pause in typing.
    await page.keyboard.type('f(');
    await page.waitForFunction(() => document.querySelectorAll('.cell .cm-focused .cm-matchingBracket').length === 2, null, { timeout: 5_000 });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await key('Escape');
    expect(!(await sources())[0].includes('f('), `the typed brackets were not taken out: ${JSON.stringify(await sources())}`);
  });
  await s.check('find and replace across cells', async () => {
    await key('f');
    await page.fill('#find-query', 'a1');
    await page.fill('#find-replace', 'zz9');
    await page.click('#replace-all');
    const after = await sources();
    expect(!after.some((x) => x.includes('a1')) && after.some((x) => x.includes('zz9')), `after replace all: ${JSON.stringify(after)}`);
    await page.locator('.find-bar').press('Escape');
  });
  await s.check('parameters tag toggle and collapsed outputs', async () => {
    await page.locator('.cell').nth(0).hover();
    await page.locator('.cell').nth(0).locator('[data-action="parameters"]').click();
    await page.locator('.cell').nth(0).locator('.tag-parameters').waitFor();
    const tags = await page.evaluate(() => window.quire.notebook.model.cells[0].metadata.tags);
    expect(JSON.stringify(tags) === '["parameters"]', `tags are ${JSON.stringify(tags)}`);
    await selectCell(0);
    await key('o');
    expect(await page.locator('.cell').nth(0).evaluate((e) => e.classList.contains('outputs-hidden')), 'O did not collapse the outputs');
  });
  await s.check('a file changed on disk is detected on save; Reload shows the disk version', async () => {
    await key('Control+s');
    await page.waitForFunction(() => document.body.dataset.dirty === 'false', null, { timeout: 20_000 });
    // The disk's modification times have a resolution; a later write must look newer.
    await new Promise((r) => setTimeout(r, 1100));
    await put(initial(['from disk']));
    await selectCell(0);
    await key('b');
    await key('Control+s');
    await page.waitForSelector('.modal:has-text("changed on disk")', { timeout: 20_000 });
    await page.click('.modal button[data-value="reload"]');
    await page.waitForFunction(() => JSON.stringify(window.quire.notebook.model.cells.map((c) => c.source)) === '["from disk"]', null, { timeout: 20_000 });
  });
  await s.check('revert to checkpoint', async () => {
    await selectCell(0);
    const before = await page.evaluate(() => document.body.dataset.savedAt ?? '');
    await key('Control+s');
    // Set once the save and its checkpoint are done.
    await page.waitForFunction((b) => (document.body.dataset.savedAt ?? '') !== b, before, { timeout: 20_000 });
    await key('b');
    await page.evaluate(() => window.quire.notebook.saver.save(false));
    expect((await sources()).length === 2, 'the added cell is missing before revert');
    await page.click('#revert');
    await page.click('.modal button[data-value="ok"]');
    await page.waitForFunction(() => window.quire.notebook.model.cells.length === 1, null, { timeout: 20_000 });
  });
  await s.check('change the kernel to C#', async () => {
    await page.waitForSelector('#kernel-status[data-status="idle"]', { timeout: 90_000 });
    await page.click('#kernel-name');
    await page.selectOption('.modal select', 'csharp');
    await page.click('.modal button[data-value="ok"]');
    await page.waitForFunction(() => document.getElementById('kernel-name')?.textContent === 'C#', null, { timeout: 60_000 });
    await page.waitForSelector('#kernel-status[data-status="idle"]', { timeout: 120_000 });
    const spec = await page.evaluate(() => window.quire.notebook.model.metadata.kernelspec.name);
    expect(spec === 'csharp', `the notebook's kernelspec is ${spec}`);
  }, 180_000);
  await browser.close();
  s.report();
});
