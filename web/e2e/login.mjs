// Logging in and out as a person does: a notebook address opened without a token shows the login page, a wrong token
// is refused there, the right one leads back to the address asked for (not to the tree), and "Log out" ends the
// session (the app and the API refuse the browser until it logs in again).
import { args, expect, launch, putNotebook, run, Scenario, screenshot } from './lib.mjs';

await run(async () => {
  const { baseUrl, artifacts, token } = args();
  const s = new Scenario('login');
  const { browser, page, consoleErrors } = await launch();
  const refused = [];
  page.on('response', (r) => {
    if (r.status() === 401 || r.status() === 403) refused.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  const apiStatus = () => page.evaluate(async (base) => (await fetch(`${base}api/contents`)).status, baseUrl);

  // A notebook to ask for, made through the API (not through the browser, which is not logged in yet).
  await putNotebook(baseUrl, token, 'asked%20for.ipynb', { cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 });

  await s.check('a notebook address without a token shows the login page', async () => {
    await page.goto(`${baseUrl}notebooks/asked%20for.ipynb`);
    await page.waitForSelector('input#password', { timeout: 20_000 });
    expect(new URL(page.url()).pathname.endsWith('/login'), `expected the login page, got ${page.url()}`);
    expect((await apiStatus()) === 403, 'the API answered a browser that has not logged in');
    await screenshot(page, artifacts, 'login');
  });

  await s.check('a wrong token is refused on the login page', async () => {
    await page.fill('input#password', `${token}-wrong`);
    await Promise.all([page.waitForLoadState('domcontentloaded'), page.click('button[type=submit]')]);
    await page.waitForSelector('.error', { timeout: 20_000 });
    expect((await page.locator('.error').textContent()).includes('Invalid'), 'no "Invalid credentials" message');
    expect((await apiStatus()) === 403, 'a wrong token logged the browser in');
  });

  await s.check('the right token leads back to the notebook asked for', async () => {
    await page.fill('input#password', token);
    await Promise.all([page.waitForURL(/\/notebooks\/asked%20for\.ipynb/, { timeout: 20_000 }), page.click('button[type=submit]')]);
    await page.waitForSelector('body[data-ready="notebook"]', { timeout: 30_000 });
    expect((await apiStatus()) === 200, 'the API refused the browser after logging in');
  });

  let errorsBeforeLogout = [];
  let refusedBeforeLogout = [];
  await s.check('log out ends the session', async () => {
    await page.goto(`${baseUrl}tree/`);
    await page.waitForSelector('body[data-ready="tree"]', { timeout: 20_000 });
    errorsBeforeLogout = [...consoleErrors];
    refusedBeforeLogout = [...refused];
    await Promise.all([page.waitForURL(/\/logout$/, { timeout: 20_000 }), page.click('#logout')]);
    await page.getByText('You have been logged out').waitFor({ timeout: 20_000 });
    expect((await apiStatus()) === 403, 'the API still answered after logging out');
    await page.goto(`${baseUrl}tree/`);
    await page.waitForSelector('input#password', { timeout: 20_000 });
  });

  await s.check('while logged in, no request was refused and the console has no errors', async () => {
    // Refused on purpose: the scenario's own API calls before logging in, and the wrong token (401, as jupyter_server).
    const unexpected = refusedBeforeLogout.filter((r) => r !== '403 GET /api/contents' && r !== '401 POST /login');
    expect(unexpected.length === 0, `refused: ${unexpected.join(' | ')}`);
    // The browser logs each refused response above as a console error; the list of them was checked just before.
    const errors = errorsBeforeLogout.filter((e) => !/status of 40[13]/.test(e));
    expect(errors.length === 0, errors.join(' | '));
  });

  await browser.close();
  s.report();
});
