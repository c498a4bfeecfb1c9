// Authentication: requests without a token, or with a wrong one, are refused (401 or 403, as the server answers)
// on the REST API and on the kernel WebSocket; the right token is accepted in the header and as ?token=.
import { ContentsManager, KernelAPI, KernelSpecAPI, ServerConnection, SessionAPI } from '@jupyterlab/services';
import { Scenario, expect, expectEqual, expectRefused, makeSettings, need, serverFromArgs, short, withTimeout } from './lib/harness.mjs';

const { baseUrl, token } = serverFromArgs('auth.mjs BASE_URL');
const good = makeSettings(baseUrl, token);
const refused = [401, 403];
const kernelTimeout = 120_000;

/** Opens the kernel's channels WebSocket the way the library's WebSocket class does; resolves with how it ended. */
function openChannels(kernelId, query) {
  const url = `${good.wsUrl}api/kernels/${encodeURIComponent(kernelId)}/channels${query}`;
  return new Promise((resolve) => {
    const socket = new good.WebSocket(url);
    socket.on('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode });
      response.resume();
      socket.terminate();
    });
    socket.on('error', (error) => resolve({ opened: false, error: error.message }));
  });
}

await new Scenario('auth').run(async (s) => {
  for (const [label, settings] of [
    ['without a token', makeSettings(baseUrl, '')],
    ['with a wrong token', makeSettings(baseUrl, `${token}-wrong`)],
  ]) {
    await s.check(`${label}: GET /api/kernelspecs is refused`, () => expectRefused(KernelSpecAPI.getSpecs(settings), refused, 'GET /api/kernelspecs'));

    await s.check(`${label}: GET /api/contents is refused`, async () => {
      const contents = new ContentsManager({ serverSettings: settings });
      await expectRefused(contents.get('', { content: true }), refused, 'GET /api/contents');
      contents.dispose();
    });

    await s.check(`${label}: PUT /api/contents is refused and writes nothing`, async () => {
      const contents = new ContentsManager({ serverSettings: settings });
      const path = `refused-${process.pid}.txt`;
      await expectRefused(contents.save(path, { type: 'file', format: 'text', content: 'no' }), refused, `PUT /api/contents/${path}`);
      contents.dispose();
      await expectRefused(new ContentsManager({ serverSettings: good }).get(path, { content: false }), [404], `GET ${path} with the token`);
    });

    await s.check(`${label}: GET /api/sessions is refused`, () => expectRefused(SessionAPI.listRunning(settings), refused, 'GET /api/sessions'));

    await s.check(`${label}: POST /api/kernels is refused and starts nothing`, async () => {
      const before = (await KernelAPI.listRunning(good)).map((m) => m.id);
      await expectRefused(KernelAPI.startNew({ name: 'python3' }, settings), refused, 'POST /api/kernels');
      const after = (await KernelAPI.listRunning(good)).map((m) => m.id);
      expectEqual(after.filter((id) => !before.includes(id)), [], 'kernels started by the refused request');
    });
  }

  await s.check('with the token in the Authorization header: GET /api/kernelspecs is served', async () => {
    const specs = await KernelSpecAPI.getSpecs(good);
    expect(Object.keys(specs.kernelspecs).length > 0, `no kernelspecs: ${short(specs)}`);
  });

  await s.check('with the token as ?token=: GET /api/kernelspecs is served', async () => {
    const noHeader = makeSettings(baseUrl, '');
    const response = await ServerConnection.makeRequest(`${baseUrl}api/kernelspecs?token=${encodeURIComponent(token)}`, {}, noHeader);
    expectEqual(response.status, 200, 'GET /api/kernelspecs?token=…');
  });

  const kernel = await s.check('a kernel to try the WebSocket on (KernelAPI.startNew)', () => KernelAPI.startNew({ name: 'python3' }, good), kernelTimeout);
  try {
    for (const [label, query, opens] of [
      ['without a token', '', false],
      ['with a wrong token', `?token=${encodeURIComponent(`${token}-wrong`)}`, false],
      ['with the token', `?token=${encodeURIComponent(token)}`, true],
    ]) {
      await s.check(`${label}: the kernel WebSocket ${opens ? 'opens' : 'is refused'}`, async () => {
        const { id } = need(kernel, 'starting the kernel');
        const outcome = await withTimeout(openChannels(id, query), 30_000, 'the WebSocket neither opened nor failed within 30 s');
        if (opens) {
          expect(outcome.opened, `the WebSocket did not open: ${short(outcome)}`);
        } else {
          expect(!outcome.opened, 'the WebSocket opened');
          expect(refused.includes(outcome.status), `the upgrade was expected to be answered 401 or 403, got ${short(outcome)}`);
        }
      }, kernelTimeout);
    }
  } finally {
    if (kernel) {
      await KernelAPI.shutdownKernel(kernel.id, good).catch(() => {});
    }
  }
});
