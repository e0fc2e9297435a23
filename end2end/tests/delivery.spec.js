// How the release build reaches a browser: every file of the bundle a page loads comes
// compressed (the brotli files the build made) under a name that carries its hash, with
// a year of caching; the page itself comes compressed. The wasm is split: a public page
// loads the main part only, a page of the programme, account or staff group fetches its
// own part too, which the page names so that it comes beside the main part (`cargo leptos
// build --split`, the groups in app/src/lib.rs). The bundle holds no
// translations: a page fetches the messages of its own language beside it.
const { test, expect } = require('@playwright/test');
const { hydrated } = require('./helpers');

/** Opens `path` and waits for hydration; answers the paths of the bundle files it loaded. */
async function bundleOf(page, path) {
  const bundle = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/pkg/')) bundle.push(response);
  });
  const answer = await page.goto(path);
  expect((await answer.allHeaders())['content-encoding']).toBe('br');
  await hydrated(page);
  for (const response of bundle) {
    const file = new URL(response.url()).pathname;
    const headers = await response.allHeaders();
    expect(file, 'a name with its hash').toMatch(/^\/pkg\/[^/]+\.[A-Za-z0-9_-]{22}\.(css|js|wasm|ftl)$/);
    expect(headers['content-encoding'], file).toBe('br');
    expect(headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
  }
  return { files: bundle.map((r) => new URL(r.url()).pathname) };
}

test('the bundle arrives compressed, hashed and cached for a year', async ({ page }) => {
  const { files } = await bundleOf(page, '/ideas');
  const kinds = new Set(files.map((f) => f.split('.').pop()));
  expect([...kinds].sort()).toEqual(['css', 'ftl', 'js', 'wasm']);
  expect(files.filter((f) => f.endsWith('.wasm')), 'a public page loads the main wasm only').toHaveLength(1);
});

test('a page of the account group fetches its part of the wasm, then hydrates', async ({ page }) => {
  const { files } = await bundleOf(page, '/login');
  expect(files.some((f) => /^\/pkg\/split_account_page_[^/]+\.wasm$/.test(f)), files.join(' ')).toBe(true);
  expect(files.some((f) => /^\/pkg\/split_staff_page_/.test(f)), 'not the staff pages').toBe(false);
});

test('going from a public page to a page of the account group loads its part without a page load', async ({ page }) => {
  const { files } = await bundleOf(page, '/ideas');
  expect(files.some((f) => f.includes('split_account_page_'))).toBe(false);
  const parts = [];
  page.on('response', (r) => { if (new URL(r.url()).pathname.startsWith('/pkg/split_account_page_')) parts.push(r); });
  await page.evaluate(() => { window.agoraSamePage = true; });
  await page.locator('header a[href="/login"]').first().click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('Email address')).toBeVisible();
  expect(parts, 'the account part was fetched').toHaveLength(1);
  expect(await page.evaluate(() => window.agoraSamePage), 'routed in the page, not reloaded').toBe(true);
});

test('a visitor moving from page to page asks for nothing the server must refuse', async ({ page }) => {
  const refused = [];
  page.on('response', (r) => { if (r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  await bundleOf(page, '/ideas');
  await page.evaluate(() => { window.agoraSamePage = true; });
  await page.locator('header a[href="/themes"]').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes');
  await page.locator('header a[href="/ideas"]').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ideas');
  expect(await page.evaluate(() => window.agoraSamePage), 'routed in the page, not reloaded').toBe(true);
  expect(refused).toEqual([]);
});

test('a page of the programme group names its part of the wasm, and the browser fetches just that beside the main part', async ({ page }) => {
  const { files } = await bundleOf(page, '/projects');
  const named = (await page.locator('template#agora-part').getAttribute('data-files')).split(' ');
  expect(named.some((f) => /^\/pkg\/split_programme_page_[^/]+\.wasm$/.test(f)), named.join(' ')).toBe(true);
  const wasm = [...new Set(files.filter((f) => f.endsWith('.wasm')))];
  expect(wasm.filter((f) => !named.includes(f)), 'besides the part, the main wasm only').toHaveLength(1);
  expect(wasm.filter((f) => named.includes(f)).sort(), 'the browser fetched each file named').toEqual([...named].sort());
  expect(wasm.some((f) => /split_(account|staff)_page_/.test(f)), 'not the other parts').toBe(false);
});

test('a page of the main part names no other part', async ({ page }) => {
  await bundleOf(page, '/ideas');
  await expect(page.locator('template#agora-part')).toHaveCount(0);
});

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-BE' });

  test('a page fetches the messages of its language only, and the pages it routes to speak it', async ({ page }) => {
    const { files } = await bundleOf(page, '/ideas');
    const messages = files.filter((f) => f.endsWith('.ftl'));
    expect(messages, files.join(' ')).toHaveLength(1);
    expect(messages[0]).toMatch(/^\/pkg\/nl\./);
    await page.evaluate(() => { window.agoraSamePage = true; });
    await page.locator('header a[href="/themes"]').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thema\'s');
    expect(await page.evaluate(() => window.agoraSamePage), 'rendered by the bundle, not the server').toBe(true);
  });
});
