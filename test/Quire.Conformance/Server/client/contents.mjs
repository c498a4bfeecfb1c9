// Contents: /api/contents through ContentsManager (its Drive): directories, text, base64, notebooks, untitled files,
// checkpoints, rename, copy, delete, chunked uploads and /files/.
import { ContentsManager, ServerConnection } from '@jupyterlab/services';
import { Scenario, expect, expectEqual, expectRefused, makeSettings, need, serverFromArgs, short, uniqueName } from './lib/harness.mjs';

const { baseUrl, token } = serverFromArgs('contents.mjs BASE_URL');
const serverSettings = makeSettings(baseUrl, token);

const text = 'hello, quire\nnaïve ✓\n';
const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
const notebook = {
  cells: [
    { cell_type: 'markdown', id: 'intro', metadata: {}, source: '# Conformance' },
    {
      cell_type: 'code',
      id: 'answer',
      metadata: {},
      source: '6 * 7',
      execution_count: 1,
      outputs: [{ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '42' }, metadata: {} }],
    },
  ],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

const b64 = (data) => Buffer.from(data).toString('base64');
// jupyter_server wraps base64 at 76 columns (encodebytes); both forms decode to the same bytes.
const unb64 = (data) => new Uint8Array(Buffer.from(data.replace(/\s+/g, ''), 'base64'));
const cellsOf = (model) => model.content.cells.map((c) => ({ id: c.id, type: c.cell_type, source: Array.isArray(c.source) ? c.source.join('') : c.source }));

function expectTimestamp(model, field) {
  const value = model[field];
  expect(typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/.test(value), `${model.path}: ${field} ${short(value)} is not an ISO 8601 time`);
  const skew = Math.abs(Date.parse(value) - Date.now());
  expect(skew < 24 * 3600 * 1000, `${model.path}: ${field} ${value} is more than a day away from now`);
}

await new Scenario('contents').run(async (s) => {
  const contents = new ContentsManager({ serverSettings });
  const dir = uniqueName('contents');
  const txt = `${dir}/notes.txt`;
  const bin = `${dir}/blob.bin`;
  const ipynb = `${dir}/analysis.ipynb`;

  const created = await s.check('PUT a directory (save type directory)', async () => {
    const model = await contents.save(dir, { type: 'directory' });
    expectEqual([model.type, model.path, model.name], ['directory', dir, dir], 'type, path, name');
    return model;
  });

  const untitledDir = await s.check('new untitled directory is "Untitled Folder"', async () => {
    need(created, 'creating the directory');
    const model = await contents.newUntitled({ path: dir, type: 'directory' });
    expectEqual([model.type, model.name, model.path], ['directory', 'Untitled Folder', `${dir}/Untitled Folder`], 'type, name, path');
    return model;
  });

  const sub = await s.check('rename a directory', async () => {
    const model = await contents.rename(need(untitledDir, 'the untitled directory').path, `${dir}/sub`);
    expectEqual([model.type, model.path], ['directory', `${dir}/sub`], 'renamed type, path');
    await expectRefused(contents.get(`${dir}/Untitled Folder`, { content: false }), [404], 'GET the old name');
    return model;
  });

  const savedText = await s.check('save and get a text file (UTF-8)', async () => {
    need(created, 'creating the directory');
    const saved = await contents.save(txt, { type: 'file', format: 'text', content: text });
    expectEqual([saved.type, saved.name, saved.path], ['file', 'notes.txt', txt], 'saved type, name, path');
    const model = await contents.get(txt, { type: 'file', format: 'text', content: true });
    expectEqual([model.type, model.format, model.mimetype], ['file', 'text', 'text/plain'], 'type, format, mimetype');
    expectEqual(model.content, text, 'content');
    expectEqual(model.size, Buffer.byteLength(text), 'size in bytes');
    expect(model.writable === true, `writable is ${short(model.writable)}`);
    expectTimestamp(model, 'last_modified');
    expectTimestamp(model, 'created');
    return model;
  });

  await s.check('save and get a binary file as base64', async () => {
    need(created, 'creating the directory');
    await contents.save(bin, { type: 'file', format: 'base64', content: b64(bytes) });
    const model = await contents.get(bin, { type: 'file', format: 'base64', content: true });
    expectEqual([model.type, model.format], ['file', 'base64'], 'type, format');
    expectEqual(Array.from(unb64(model.content)), Array.from(bytes), 'decoded bytes');
    expectEqual(model.size, bytes.length, 'size');
  });

  await s.check('a binary file asked for without a format comes back as base64', async () => {
    need(created, 'creating the directory');
    const model = await contents.get(bin, { content: true });
    expectEqual([model.type, model.format], ['file', 'base64'], 'type, format');
    expectEqual(Array.from(unb64(model.content)), Array.from(bytes), 'decoded bytes');
  });

  const savedNotebook = await s.check('save and get a notebook', async () => {
    need(created, 'creating the directory');
    const saved = await contents.save(ipynb, { type: 'notebook', format: 'json', content: notebook });
    expectEqual([saved.type, saved.path], ['notebook', ipynb], 'saved type, path');
    expect(!saved.message, `the save reported: ${saved.message}`);
    const model = await contents.get(ipynb, { type: 'notebook', content: true });
    expectEqual([model.type, model.format, model.name], ['notebook', 'json', 'analysis.ipynb'], 'type, format, name');
    expectEqual([model.content.nbformat, model.content.nbformat_minor], [4, 5], 'nbformat');
    expectEqual(cellsOf(model), cellsOf({ content: notebook }), 'cells');
    const output = model.content.cells[1].outputs[0];
    expectEqual([output.output_type, output.data['text/plain']], ['execute_result', '42'], 'the output');
    expectEqual(model.content.metadata.kernelspec?.name, 'python3', 'metadata.kernelspec.name');
    return model;
  });

  await s.check('get a notebook without content', async () => {
    need(savedNotebook, 'saving the notebook');
    const model = await contents.get(ipynb, { content: false });
    expectEqual([model.type, model.content, model.format], ['notebook', null, null], 'type, content, format');
  });

  await s.check('list a directory', async () => {
    need(savedText, 'saving the text file');
    need(savedNotebook, 'saving the notebook');
    const model = await contents.get(dir, { content: true });
    expectEqual([model.type, model.format], ['directory', 'json'], 'type, format');
    const entries = Object.fromEntries(model.content.map((e) => [e.name, e]));
    expectEqual(Object.keys(entries).sort(), ['analysis.ipynb', 'blob.bin', 'notes.txt', 'sub'].filter((n) => n !== 'sub' || sub), 'names');
    expectEqual(entries['analysis.ipynb'].type, 'notebook', 'analysis.ipynb type');
    expectEqual(entries['notes.txt'].type, 'file', 'notes.txt type');
    if (sub) {
      expectEqual(entries.sub.type, 'directory', 'sub type');
    }
    for (const entry of model.content) {
      expect(entry.content === null, `${entry.name}: a listing entry has content ${short(entry.content)}`);
      expectEqual(entry.path, `${dir}/${entry.name}`, `${entry.name} path`);
      expectTimestamp(entry, 'last_modified');
    }
  });

  await s.check('new untitled notebooks are Untitled.ipynb, then Untitled1.ipynb', async () => {
    need(created, 'creating the directory');
    const first = await contents.newUntitled({ path: dir, type: 'notebook' });
    const second = await contents.newUntitled({ path: dir, type: 'notebook' });
    expectEqual([first.name, second.name], ['Untitled.ipynb', 'Untitled1.ipynb'], 'names');
    const model = await contents.get(first.path, { type: 'notebook', content: true });
    expectEqual([model.content.nbformat, model.content.cells.length], [4, 0], 'nbformat and cell count of a new notebook');
  });

  await s.check('new untitled text file with an extension is untitled.txt', async () => {
    need(created, 'creating the directory');
    const model = await contents.newUntitled({ path: dir, type: 'file', ext: '.txt' });
    expectEqual([model.type, model.name], ['file', 'untitled.txt'], 'type, name');
    const read = await contents.get(model.path, { type: 'file', format: 'text', content: true });
    expectEqual(read.content, '', 'content of a new file');
  });

  const checkpoint = await s.check('create a checkpoint', async () => {
    need(savedNotebook, 'saving the notebook');
    const model = await contents.createCheckpoint(ipynb);
    expect(typeof model.id === 'string' && model.id.length > 0, `checkpoint id ${short(model.id)}`);
    expectTimestamp({ ...model, path: `checkpoint of ${ipynb}` }, 'last_modified');
    return model;
  });

  await s.check('list checkpoints', async () => {
    const { id } = need(checkpoint, 'creating the checkpoint');
    const list = await contents.listCheckpoints(ipynb);
    expectEqual(list.map((c) => c.id), [id], 'checkpoint ids');
    const listing = await contents.get(dir, { content: true });
    const hidden = listing.content.map((e) => e.name).filter((n) => n.startsWith('.'));
    expectEqual(hidden, [], 'hidden entries (the checkpoints folder) in the listing');
  });

  await s.check('restore a checkpoint after a change', async () => {
    const { id } = need(checkpoint, 'creating the checkpoint');
    const changed = { ...notebook, cells: [{ cell_type: 'markdown', id: 'changed', metadata: {}, source: 'changed' }] };
    await contents.save(ipynb, { type: 'notebook', format: 'json', content: changed });
    const before = await contents.get(ipynb, { type: 'notebook', content: true });
    expectEqual(cellsOf(before).map((c) => c.id), ['changed'], 'cells after the change');
    await contents.restoreCheckpoint(ipynb, id);
    const after = await contents.get(ipynb, { type: 'notebook', content: true });
    expectEqual(cellsOf(after), cellsOf({ content: notebook }), 'cells after the restore');
  });

  await s.check('delete a checkpoint', async () => {
    const { id } = need(checkpoint, 'creating the checkpoint');
    await contents.deleteCheckpoint(ipynb, id);
    const list = await contents.listCheckpoints(ipynb);
    expectEqual(list, [], 'checkpoints after the delete');
  });

  const renamed = await s.check('rename a file', async () => {
    need(savedText, 'saving the text file');
    const model = await contents.rename(txt, `${dir}/renamed.txt`);
    expectEqual([model.name, model.path], ['renamed.txt', `${dir}/renamed.txt`], 'name, path');
    await expectRefused(contents.get(txt, { content: false }), [404], 'GET the old name');
    const read = await contents.get(model.path, { type: 'file', format: 'text', content: true });
    expectEqual(read.content, text, 'content after the rename');
    return model;
  });

  await s.check('renaming onto an existing file is refused', async () => {
    const from = need(renamed, 'renaming the file').path;
    await expectRefused(contents.rename(from, bin), [409], 'PATCH onto blob.bin');
  });

  await s.check('copy a notebook into its directory', async () => {
    need(savedNotebook, 'saving the notebook');
    const model = await contents.copy(ipynb, dir);
    expect(/^analysis-Copy\d+\.ipynb$/.test(model.name), `the copy is named ${short(model.name)}, expected analysis-Copy1.ipynb`);
    expectEqual([model.type, model.path], ['notebook', `${dir}/${model.name}`], 'type, path');
    const copy = await contents.get(model.path, { type: 'notebook', content: true });
    expectEqual(cellsOf(copy), cellsOf({ content: notebook }), 'cells of the copy');
  });

  await s.check('chunked upload (chunk 1, then -1)', async () => {
    need(created, 'creating the directory');
    const path = `${dir}/chunked.txt`;
    const first = 'first chunk\n';
    const last = 'last chunk\n';
    await contents.save(path, { type: 'file', format: 'base64', chunk: 1, content: b64(first) });
    await contents.save(path, { type: 'file', format: 'base64', chunk: -1, content: b64(last) });
    const model = await contents.get(path, { type: 'file', format: 'text', content: true });
    expectEqual(model.content, first + last, 'content after both chunks');
  });

  await s.check('/files/ serves the raw bytes', async () => {
    need(created, 'creating the directory');
    const url = await contents.getDownloadUrl(bin);
    const response = await ServerConnection.makeRequest(url, {}, serverSettings);
    expectEqual(response.status, 200, `GET ${url}`);
    expectEqual(Array.from(new Uint8Array(await response.arrayBuffer())), Array.from(bytes), 'bytes');
  });

  await s.check('delete a file', async () => {
    const { path } = need(renamed, 'renaming the file');
    await contents.delete(path);
    await expectRefused(contents.get(path, { content: false }), [404], 'GET after the delete');
  });

  await s.check('delete an empty directory', async () => {
    const { path } = need(sub, 'renaming the directory');
    await contents.delete(path);
    await expectRefused(contents.get(path, { content: false }), [404], 'GET after the delete');
  });

  await s.check('a missing file is 404', async () => {
    await expectRefused(contents.get(`${dir}/missing.txt`, { content: true }), [404], 'GET missing.txt');
    await expectRefused(contents.delete(`${dir}/missing.txt`), [404], 'DELETE missing.txt');
  });

  contents.dispose();
});
