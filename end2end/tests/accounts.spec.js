// The account journey a resident makes: register, sign out, sign in, change the
// language twice, sign out — with JavaScript, and again without it.
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { uniqueEmail, PASSWORD, visit, hydrated } = helpers;

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });
    // axe-core runs inside the page, so it needs JavaScript; without it the server sends
    // the same HTML, which the journey with JavaScript has already checked.
    const expectAccessible = javaScript ? helpers.expectAccessible : async () => {};

    test('a resident registers, signs in, switches language and signs out', async ({ page }) => {
      const email = uniqueEmail(javaScript ? 'js' : 'nojs');

      await visit(page, '/', { javaScript });
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Create an account' }).first().click();
      await expect(page).toHaveURL(/\/register$/);
      if (javaScript) await hydrated(page);
      await expectAccessible(page);

      // A weak password is refused; what was typed stays.
      await page.getByLabel('Public name').fill('Lena Janssens');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('password1234');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await expect(page.getByText('This password is too easy to guess')).toBeVisible();
      await expect(page.getByLabel('Email address')).toHaveValue(email);
      await expect(page.getByLabel('Public name')).toHaveValue('Lena Janssens');
      await expectAccessible(page);

      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await expect(page).toHaveURL(/\/profile$/);
      await expect(page.locator('.profile-name')).toHaveText('Lena Janssens');
      await expect(page.getByRole('link', { name: 'Lena Janssens' })).toBeVisible();
      if (javaScript) await hydrated(page);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

      await page.getByRole('link', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/login/);
      if (javaScript) await hydrated(page);
      await expectAccessible(page);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).last().click();
      await expect(page).toHaveURL(/\/profile$/);
      await expect(page.locator('.profile-name')).toHaveText('Lena Janssens');

      await page.getByRole('button', { name: 'Nederlands' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw profiel');
      await expect(page).toHaveURL(/\/profile$/);
      if (javaScript) await hydrated(page);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Français' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre profil');
      if (javaScript) await hydrated(page);

      await page.getByRole('link', { name: 'Thèmes' }).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thèmes');
      await expect(page.getByText('Inclusion numérique')).toBeVisible();
      if (javaScript) await hydrated(page);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
      await page.goto('/profile');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Veuillez vous connecter pour continuer.');
    });
  });
}
