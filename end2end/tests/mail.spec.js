// The journeys that go through the mailbox: a new resident confirms their address before
// taking part (and asks for the link again), and someone who forgot their password
// chooses a new one, which signs out their other devices. With JavaScript and without.
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { uniqueEmail, PASSWORD, visit, hydrated, createAccount, signIn, linkInMail, confirmEmail } = helpers;

const NEW_PASSWORD = 'seven quiet herons cross the Sonian forest';

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });
    const expectAccessible = javaScript ? helpers.expectAccessible : async () => {};
    const settle = async (page) => { if (javaScript) await hydrated(page); };

    test('a new resident confirms their address before proposing', async ({ page }) => {
      const email = uniqueEmail(javaScript ? 'confirm-js' : 'confirm-nojs');
      await visit(page, '/register', { javaScript });
      await page.getByLabel('Public name').fill('Amina Benali');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await expect(page).toHaveURL(/\/profile$/);
      await expect(page.getByText(`We sent a link to ${email}`)).toBeVisible();
      await settle(page);
      await expectAccessible(page);

      await visit(page, '/ideas/new', { javaScript });
      await expect(page.getByText('Confirm your email address first')).toBeVisible();
      await expect(page.getByLabel('Title')).toHaveCount(0);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Send the link again' }).click();
      if (!javaScript) await expect(page).toHaveURL(/\/profile\?email=sent$/);
      await expect(page.getByText('We have sent a new link')).toBeVisible();

      const link = await linkInMail(email, '/verify-email?token');
      await visit(page, link, { javaScript });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email address');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await expect(page).toHaveURL(/\/profile\?email=confirmed$/);
      await expect(page.getByText('Your email address is confirmed')).toBeVisible();
      await expect(page.locator('#confirm-email')).toHaveCount(0);

      await visit(page, '/ideas/new', { javaScript });
      await expect(page.getByLabel('Title')).toBeVisible();
    });

    test('a forgotten password is replaced from the link in the email', async ({ browser }) => {
      const email = uniqueEmail(javaScript ? 'reset-js' : 'reset-nojs');
      createAccount(email, 'Jonas Claes', 'member');
      const laptop = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await signIn(laptop, email, { javaScript });

      const phone = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await visit(phone, '/login', { javaScript });
      await phone.getByRole('link', { name: 'Forgot your password?' }).click();
      await expect(phone).toHaveURL(/\/forgot-password$/);
      await settle(phone);
      await expectAccessible(phone);
      await phone.getByLabel('Email address').fill(email);
      await phone.getByRole('button', { name: 'Send me a link' }).click();
      await expect(phone.getByText('If an account uses this address')).toBeVisible();
      await expectAccessible(phone);

      const link = await linkInMail(email, '/reset-password?token');
      await visit(phone, link, { javaScript });
      await expectAccessible(phone);
      await phone.getByLabel('New password').fill('password1234');
      await phone.getByRole('button', { name: 'Change my password' }).click();
      await expect(phone.getByText('This password is too easy to guess')).toBeVisible();
      await phone.getByLabel('New password').fill(NEW_PASSWORD);
      await phone.getByRole('button', { name: 'Change my password' }).click();
      await expect(phone).toHaveURL(/\/login\?password=reset$/);
      await expect(phone.getByText('Your password has been changed')).toBeVisible();
      await settle(phone);
      await phone.getByLabel('Email address').fill(email);
      await phone.getByLabel('Password').fill(NEW_PASSWORD);
      await phone.getByRole('button', { name: 'Sign in' }).last().click();
      await expect(phone).toHaveURL(/\/profile$/);

      await laptop.goto('/profile');
      await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Please sign in to continue.');
    });
  });
}
