// Kernelspecs: /api/kernelspecs through KernelSpecManager and KernelSpecAPI, and the logos under /kernelspecs/.
import { KernelSpecAPI, KernelSpecManager, ServerConnection } from '@jupyterlab/services';
import { Scenario, expect, expectEqual, makeSettings, need, serverFromArgs, short } from './lib/harness.mjs';

const { baseUrl, token } = serverFromArgs('kernelspecs.mjs BASE_URL');
const serverSettings = makeSettings(baseUrl, token);
const expected = { python3: 'python', csharp: 'csharp' };

await new Scenario('kernelspecs').run(async (s) => {
  const manager = new KernelSpecManager({ serverSettings });

  const specs = await s.check('KernelSpecManager loads the specs', async () => {
    await manager.ready;
    await manager.refreshSpecs();
    expect(manager.specs, 'manager.specs is null after refreshSpecs()');
    return manager.specs;
  });

  await s.check('python3 (ipykernel) and csharp (Quire) are offered', () => {
    const offered = Object.keys(need(specs, 'loading the specs').kernelspecs);
    for (const name of Object.keys(expected)) {
      expect(offered.includes(name), `no kernelspec ${name}; offered: ${offered.join(', ')}`);
    }
  });

  await s.check('the default is an offered spec', () => {
    const { default: name, kernelspecs } = need(specs, 'loading the specs');
    expect(typeof name === 'string' && name in kernelspecs, `default ${short(name)} is not among ${Object.keys(kernelspecs).join(', ')}`);
  });

  for (const [name, language] of Object.entries(expected)) {
    await s.check(`${name} spec has name, display_name, language and argv`, () => {
      const spec = need(specs, 'loading the specs').kernelspecs[name];
      need(spec, `offering ${name}`);
      expectEqual(spec.name, name, `${name}.name`);
      expectEqual(spec.language.toLowerCase(), language, `${name}.language`);
      expect(typeof spec.display_name === 'string' && spec.display_name.length > 0, `${name}.display_name is empty`);
      expect(Array.isArray(spec.argv) && spec.argv.length > 0, `${name}.argv is ${short(spec.argv)}`);
    });

    await s.check(`${name} logo-64x64 is served as an image`, async () => {
      const spec = need(specs, 'loading the specs').kernelspecs[name];
      const logo = need(spec, `offering ${name}`).resources['logo-64x64'];
      expect(typeof logo === 'string', `${name}.resources has no logo-64x64: ${short(spec.resources)}`);
      const url = new URL(logo, baseUrl).href;
      const response = await ServerConnection.makeRequest(url, {}, serverSettings);
      expectEqual(response.status, 200, `GET ${logo}`);
      const type = response.headers.get('Content-Type') ?? '';
      expect(type.startsWith('image/'), `GET ${logo}: Content-Type ${type}, expected image/*`);
      const body = new Uint8Array(await response.arrayBuffer());
      expect(body.length > 0, `GET ${logo}: empty body`);
    });
  }

  await s.check('KernelSpecAPI.getSpecs agrees with the manager', async () => {
    const direct = await KernelSpecAPI.getSpecs(serverSettings);
    const fromManager = need(specs, 'loading the specs');
    expectEqual(Object.keys(direct.kernelspecs).sort(), Object.keys(fromManager.kernelspecs).sort(), 'spec names');
    expectEqual(direct.default, fromManager.default, 'default');
  });

  manager.dispose();
});
