// How the release build reaches a browser: every file of the bundle a page loads comes
// compressed (the brotli files the build made) under a name that carries its hash, with
// a year of caching; the page itself comes compressed.
const { test, expect } = require('@playwright/test');
const { hydrated } = require('./helpers');

test('the bundle arrives compressed, hashed and cached for a year', async ({ page }) => {
  const bundle = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/pkg/')) bundle.push(response);
  });
  const answer = await page.goto('/ideas');
  expect((await answer.allHeaders())['content-encoding']).toBe('br');
  await hydrated(page);

  const kinds = new Set(bundle.map((r) => new URL(r.url()).pathname.split('.').pop()));
  expect([...kinds].sort()).toEqual(['css', 'js', 'wasm']);
  for (const response of bundle) {
    const path = new URL(response.url()).pathname;
    const headers = await response.allHeaders();
    expect(path, 'a name with its hash').toMatch(/^\/pkg\/[^/]+\.[A-Za-z0-9_-]{22}\.(css|js|wasm)$/);
    expect(headers['content-encoding'], path).toBe('br');
    expect(headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
  }
});

