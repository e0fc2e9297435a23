// A resident proposes an idea; another finds it in the list and supports it — with
// JavaScript (the button changes at once) and without (plain form posts).
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { uniqueEmail, PASSWORD, visit, hydrated } = helpers;

async function register(page, name, javaScript) {
  await visit(page, '/register', { javaScript });
  await page.getByLabel('Public name').fill(name);
  await page.getByLabel('Email address').fill(uniqueEmail(name.split(' ')[0].toLowerCase()));
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/profile$/);
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });
    const expectAccessible = javaScript ? helpers.expectAccessible : async () => {};

    test('a resident proposes an idea and another supports it', async ({ browser }) => {
      const title = `Sensors on tram stops ${javaScript ? 'js' : 'nojs'} ${Date.now()}`;
      const author = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await register(author, 'Lena Janssens', javaScript);
      await visit(author, '/ideas/new', { javaScript });
      await expectAccessible(author);
      await author.getByLabel('Title').fill(title);
      await author.getByLabel('Description').fill('Show the waiting time.\n\nSee https://example.org/trams for a model.');
      await author.getByLabel('Theme').selectOption({ label: 'Digital administration' });
      await author.getByLabel('Municipality').selectOption({ label: 'Schaerbeek' });
      await author.getByRole('button', { name: 'Publish my idea' }).click();
      await expect(author.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(author.getByRole('link', { name: 'https://example.org/trams' })).toBeVisible();

      const supporter = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await register(supporter, 'Yusuf Demir', javaScript);
      await visit(supporter, '/ideas?district=schaerbeek', { javaScript });
      await expectAccessible(supporter);
      await supporter.getByRole('link', { name: title }).click();
      await expect(supporter.getByRole('heading', { level: 1 })).toHaveText(title);
      if (javaScript) await hydrated(supporter);
      await expectAccessible(supporter);
      await expect(supporter.locator('.vote-count strong')).toHaveText('0');
      await supporter.getByRole('button', { name: 'Support this idea' }).click();
      await expect(supporter.locator('.vote-count strong')).toHaveText('1');
      await expect(supporter.getByRole('button', { name: 'Withdraw my support' })).toBeVisible();

      await supporter.reload();
      await expect(supporter.locator('.vote-count strong')).toHaveText('1');
      if (javaScript) await hydrated(supporter);
      await supporter.getByRole('button', { name: 'Withdraw my support' }).click();
      await expect(supporter.locator('.vote-count strong')).toHaveText('0');
    });
  });
}
