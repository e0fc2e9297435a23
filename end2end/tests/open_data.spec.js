// Open data: a journalist finds the API from any page's footer, reads how to use it, and
// the API answers what the page promises. The page passes axe-core and reads without
// JavaScript.
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { visit } = helpers;

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    test('the open data page is found from the footer and explains the API', async ({ page, request }) => {
      await visit(page, '/ideas', { javaScript });
      await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
      await expect(page).toHaveURL(/\/developers$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
      await expect(page.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute(
        'href',
        'https://creativecommons.org/licenses/by/4.0/',
      );
      await expect(page.getByText('GET /api/v1/ideas', { exact: true })).toBeVisible();
      await expect(page.getByText(/requests per minute/)).toBeVisible();
      if (javaScript) {
        await helpers.hydrated(page);
        await helpers.expectAccessible(page);
      }

      const documentLink = page.getByRole('link', { name: '/api/v1/openapi.json' });
      const document = await request.get(await documentLink.getAttribute('href'));
      expect(document.ok()).toBeTruthy();
      const paths = Object.keys((await document.json()).paths);
      expect(paths).toEqual(expect.arrayContaining(['/api/v1/ideas', '/api/v1/projects', '/api/v1/dashboard']));
    });
  });
}
