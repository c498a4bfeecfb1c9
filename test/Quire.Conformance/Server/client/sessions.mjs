// Sessions: /api/sessions through SessionManager and SessionAPI: create, list, get, patch (path, name, kernel),
// delete, with the session's kernel reached over its WebSocket.
import { KernelAPI, KernelManager, SessionAPI, SessionManager } from '@jupyterlab/services';
import { Scenario, expect, expectEqual, expectRefused, makeSettings, need, serverFromArgs, short, uniqueName } from './lib/harness.mjs';

const { baseUrl, token, args } = serverFromArgs('sessions.mjs BASE_URL [KERNEL_NAME]');
const kernelName = args[0] ?? 'python3';
const serverSettings = makeSettings(baseUrl, token);
const kernelTimeout = 120_000;

async function executeResult(kernel, code) {
  const future = kernel.requestExecute({ code });
  const results = [];
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'execute_result') {
      results.push(msg.content.data['text/plain']);
    }
  };
  const reply = await future.done;
  expectEqual(reply.content.status, 'ok', `execute_reply status of ${short(code)}`);
  return results;
}

await new Scenario('sessions').run(async (s) => {
  const kernelManager = new KernelManager({ serverSettings });
  const sessions = new SessionManager({ kernelManager, serverSettings });
  const dir = uniqueName('sessions');
  const firstPath = `${dir}/first.ipynb`;
  const movedPath = `${dir}/moved.ipynb`;
  let session;

  try {
    session = await s.check(`create a notebook session with ${kernelName}`, async () => {
      const connection = await sessions.startNew({ path: firstPath, name: 'first.ipynb', type: 'notebook', kernel: { name: kernelName } });
      expect(typeof connection.id === 'string' && connection.id.length > 0, `session id ${short(connection.id)}`);
      expectEqual([connection.path, connection.name, connection.type], [firstPath, 'first.ipynb', 'notebook'], 'path, name, type');
      expect(connection.kernel, 'the session has no kernel');
      expectEqual(connection.kernel.name, kernelName, 'kernel name');
      return connection;
    }, kernelTimeout);

    await s.check("the session's kernel answers over its WebSocket", async () => {
      const { kernel } = need(session, 'creating the session');
      const info = await kernel.info;
      expectEqual(info.status, 'ok', 'kernel_info_reply status');
      expectEqual(await executeResult(kernel, '1 + 1'), ['2'], 'results of 1 + 1');
    }, kernelTimeout);

    await s.check('list sessions (SessionAPI.listRunning)', async () => {
      const { id, kernel } = need(session, 'creating the session');
      const models = await SessionAPI.listRunning(serverSettings);
      const model = models.find((m) => m.id === id);
      expect(model, `session ${id} is not listed: ${short(models)}`);
      expectEqual([model.path, model.type, model.kernel?.id, model.kernel?.name], [firstPath, 'notebook', kernel.id, kernelName], 'path, type, kernel id and name');
    });

    await s.check('get a session (SessionAPI.getSessionModel)', async () => {
      const { id, kernel } = need(session, 'creating the session');
      const model = await SessionAPI.getSessionModel(id, serverSettings);
      expectEqual([model.id, model.path, model.name, model.type, model.kernel?.id], [id, firstPath, 'first.ipynb', 'notebook', kernel.id], 'id, path, name, type, kernel id');
      expect(typeof model.kernel.execution_state === 'string', `kernel.execution_state is ${short(model.kernel.execution_state)}`);
    });

    await s.check('find a session by path (SessionManager.findByPath)', async () => {
      const { id } = need(session, 'creating the session');
      const model = await sessions.findByPath(firstPath);
      expectEqual(model?.id, id, 'the session found');
    });

    await s.check('patch the path (setPath)', async () => {
      const connection = need(session, 'creating the session');
      const kernelId = connection.kernel.id;
      await connection.setPath(movedPath);
      const model = await SessionAPI.getSessionModel(connection.id, serverSettings);
      expectEqual([model.path, model.kernel?.id], [movedPath, kernelId], 'path and kernel after the patch');
      // SessionManager.findByPath answers from its cache of models; the server's list is the truth here.
      const atOldPath = (await SessionAPI.listRunning(serverSettings)).filter((m) => m.path === firstPath);
      expectEqual(atOldPath, [], 'sessions at the old path');
    });

    await s.check('patch the name (setName)', async () => {
      const connection = need(session, 'creating the session');
      await connection.setName('moved.ipynb');
      const model = await SessionAPI.getSessionModel(connection.id, serverSettings);
      expectEqual(model.name, 'moved.ipynb', 'name after the patch');
    });

    await s.check('patch the kernel (changeKernel) starts a new one and shuts the old one down', async () => {
      const connection = need(session, 'creating the session');
      const oldId = connection.kernel.id;
      const kernel = await connection.changeKernel({ name: kernelName });
      expect(kernel && kernel.id !== oldId, `the kernel id is still ${oldId}`);
      const model = await SessionAPI.getSessionModel(connection.id, serverSettings);
      expectEqual(model.kernel?.id, kernel.id, "the session's kernel id");
      expectEqual(await executeResult(kernel, '2 + 3'), ['5'], 'results of 2 + 3 on the new kernel');
      expectEqual(await KernelAPI.getKernelModel(oldId, serverSettings), undefined, 'the old kernel');
    }, kernelTimeout);

    await s.check('delete a session shuts its kernel down', async () => {
      const connection = need(session, 'creating the session');
      const { id } = connection;
      const kernelId = connection.kernel?.id;
      await connection.shutdown();
      session = undefined;
      const models = await SessionAPI.listRunning(serverSettings);
      expect(!models.some((m) => m.id === id), `session ${id} is still listed`);
      await expectRefused(SessionAPI.getSessionModel(id, serverSettings), [404], 'GET the deleted session');
      expectEqual(await KernelAPI.getKernelModel(kernelId, serverSettings), undefined, "the deleted session's kernel");
    }, kernelTimeout);

    await s.check('an unknown session is 404', async () => {
      await expectRefused(SessionAPI.getSessionModel('00000000-0000-4000-8000-000000000000', serverSettings), [404], 'GET an unknown session');
    });
  } finally {
    await session?.shutdown().catch(() => {});
    sessions.dispose();
    kernelManager.dispose();
  }
});
