// How the release build reaches a browser. Pages are the server's; the browser runs only
// their islands (the support and follow buttons, the ideas like a title being typed, the
// moderators' keys). A page without an island loads its stylesheet and nothing else; one
// with islands loads the script, the wasm and the messages of its own language, each
// compressed (the brotli files the build made) under a name that carries its hash, with
// a year of caching. The page itself comes compressed as it is made: zstd, which Chromium
// accepts, costs the server a tenth of brotli's work on a page.
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { hydrated, uniqueEmail } = helpers;

/** Opens `path` and waits until it is interactive; answers the bundle files it loaded. */
async function bundleOf(page, path) {
  const bundle = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/pkg/')) bundle.push(response);
  });
  const answer = await page.goto(path);
  expect((await answer.allHeaders())['content-encoding']).toBe('zstd');
  await hydrated(page);
  for (const response of bundle) {
    const file = new URL(response.url()).pathname;
    const headers = await response.allHeaders();
    expect(file, 'a name with its hash').toMatch(/^\/pkg\/[^/]+\.[A-Za-z0-9_-]{22}\.(css|js|wasm|ftl)$/);
    expect(headers['content-encoding'], file).toBe('br');
    expect(headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
  }
  return bundle.map((r) => new URL(r.url()).pathname);
}

const kinds = (files) => [...new Set(files.map((f) => f.split('.').pop()))].sort();

/**
 * A member's idea, and a new browser signed in as another member (with an empty cache),
 * in `locale`: its page holds the support button, an island.
 */
async function memberBeforeAnIdea(browser, locale) {
  const [authorEmail, readerEmail] = [uniqueEmail('delivery-author'), uniqueEmail('delivery-reader')];
  helpers.createAccount(authorEmail, 'Anna Author', 'member');
  helpers.createAccount(readerEmail, 'Rik Reader', 'member');
  const author = await (await browser.newContext()).newPage();
  await helpers.signIn(author, authorEmail);
  await helpers.visit(author, '/ideas/new');
  const title = `Benches in the shade ${Date.now()}`;
  await author.getByLabel('Title').fill(title);
  await author.getByLabel('Description').fill('Benches under the trees of every square.');
  await author.getByLabel('Theme').selectOption({ label: 'Transversality' });
  await helpers.publishIdea(author, title);
  const path = new URL(author.url()).pathname;

  const signingIn = await (await browser.newContext()).newPage();
  await helpers.signIn(signingIn, readerEmail);
  const storageState = await signingIn.context().storageState();
  const reader = await (await browser.newContext({
    storageState, locale, extraHTTPHeaders: { 'Accept-Language': locale },
  })).newPage();
  return { reader, path };
}

test('a page without an island loads its stylesheet only, and is ready at once', async ({ page }) => {
  const files = await bundleOf(page, '/ideas');
  expect(kinds(files), files.join(' ')).toEqual(['css']);
  await expect(page.locator('leptos-island')).toHaveCount(0);
});

test('a page with an island loads the bundle once, and its button works in the page', async ({ browser }) => {
  const { reader, path } = await memberBeforeAnIdea(browser, 'en-GB');
  const files = await bundleOf(reader, path);
  expect(kinds(files), files.join(' ')).toEqual(['css', 'ftl', 'js', 'wasm']);
  expect(files.filter((f) => f.endsWith('.wasm')), 'one wasm').toHaveLength(1);

  await reader.evaluate(() => { window.agoraSamePage = true; });
  await reader.getByRole('button', { name: 'Support this idea' }).click();
  await expect(reader.locator('.vote-count strong')).toHaveText('1');
  await expect(reader.getByRole('button', { name: 'Withdraw my support' })).toHaveAttribute('aria-pressed', 'true');
  expect(await reader.evaluate(() => window.agoraSamePage), 'counted in the page, not reloaded').toBe(true);
});

test('a visitor moving from page to page asks for nothing the server must refuse', async ({ page }) => {
  const refused = [];
  page.on('response', (r) => { if (r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await bundleOf(page, '/ideas');
  await page.locator('header a[href="/themes"]').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes');
  await hydrated(page);
  await page.locator('header a[href="/ideas"]').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ideas');
  await hydrated(page);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('in Dutch, a page fetches the messages of its language only, and its island speaks it', async ({ browser }) => {
  const { reader, path } = await memberBeforeAnIdea(browser, 'nl-BE');
  const files = await bundleOf(reader, path);
  const messages = files.filter((f) => f.endsWith('.ftl'));
  expect(messages, files.join(' ')).toHaveLength(1);
  expect(messages[0]).toMatch(/^\/pkg\/nl\./);
  await reader.getByRole('button', { name: 'Dit idee steunen' }).click();
  await expect(reader.getByRole('button', { name: 'Mijn steun intrekken' })).toBeVisible();
  await expect(reader.locator('.vote-count')).toContainText('1');
});
