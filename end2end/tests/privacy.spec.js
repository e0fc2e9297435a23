// What a person does with their own account: choose what they hear of by email, stop
// news from an email's link while signed out, take their data with them, and leave.
// With JavaScript and without.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const helpers = require('./helpers');

const { uniqueEmail, PASSWORD, visit, hydrated, createAccount, signIn } = helpers;

/** The newest unsubscribe link in the mail sent to `email`. */
async function unsubscribeLink(email) {
  const folder = require('node:path').join(process.env.AGORA_E2E_DATA, 'outbox');
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
      const text = fs.readFileSync(`${folder}/${name}`, 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (!text.includes(`<${email}>`)) continue;
      const found = text.match(/List-Unsubscribe: <https?:\/\/[^/]+(\/unsubscribe\?account=\d+&kind=all&sig=[0-9a-f]+)>/);
      if (found) return found[1];
    }
    if (Date.now() > deadline) throw new Error(`no news email to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });
    const expectAccessible = javaScript ? helpers.expectAccessible : async () => {};
    const settle = async (page) => { if (javaScript) await hydrated(page); };

    test('news by email is chosen on the profile and stopped from the email, signed out', async ({ browser }) => {
      const authorEmail = uniqueEmail(javaScript ? 'news-js' : 'news-nojs');
      const readerEmail = uniqueEmail(javaScript ? 'reader-js' : 'reader-nojs');
      createAccount(authorEmail, 'Sofia Peeters', 'member');
      createAccount(readerEmail, 'Tom Maes', 'member');
      const author = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await signIn(author, authorEmail, { javaScript });
      await expect(author.getByRole('heading', { name: 'Email', exact: true })).toBeVisible();
      await expect(author.getByLabel('A daily digest (at 8 in the morning)')).toBeChecked();
      await author.getByLabel('At once, for each piece of news').check();
      await author.getByRole('button', { name: 'Save my email choices' }).click();
      await expect(author.getByText('Your email choices are saved.')).toBeVisible();
      await settle(author);
      await expectAccessible(author);

      const title = `Water fountains ${javaScript ? 'js' : 'nojs'} ${Date.now()}`;
      await visit(author, '/ideas/new', { javaScript });
      await author.getByLabel('Title').fill(title);
      await author.getByLabel('Description').fill(`${title}: drinking water in every park.`);
      await author.getByLabel('Theme').selectOption({ label: 'Internet use' });
      await helpers.publishIdea(author, title);
      const ideaPath = new URL(author.url()).pathname;

      const reader = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await signIn(reader, readerEmail, { javaScript });
      await visit(reader, ideaPath, { javaScript });
      await reader.getByLabel('Your comment').fill('Yes, near the playgrounds.');
      await reader.getByRole('button', { name: 'Post comment' }).click();
      await expect(reader.getByText('Yes, near the playgrounds.')).toBeVisible();

      // Signed out, on another device: the link of the email.
      const link = await unsubscribeLink(authorEmail);
      const phone = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
      await visit(phone, link, { javaScript });
      await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Stop these emails');
      await expectAccessible(phone);
      await phone.getByRole('button', { name: 'Stop these emails' }).click();
      await expect(phone.getByText('Done: you will no longer receive these emails.')).toBeVisible();

      await visit(author, '/profile', { javaScript });
      await expect(author.getByLabel('Never')).toBeChecked();
    });

    test('a resident downloads their data, then deletes their account', async ({ page }) => {
      const email = uniqueEmail(javaScript ? 'leave-js' : 'leave-nojs');
      createAccount(email, 'Ilse Wouters', 'member');
      await signIn(page, email, { javaScript });
      await page.getByRole('link', { name: 'My data', exact: true }).click();
      await expect(page).toHaveURL(/\/profile\/data$/);
      await expect(page.getByRole('heading', { name: /^Profile/ })).toBeVisible();
      await expect(page.getByText(email).first()).toBeVisible();
      await settle(page);
      await expectAccessible(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download my data (JSON)' }).click(),
      ]);
      const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      expect(data.profile[0].email).toBe(email);

      await visit(page, '/profile/delete', { javaScript });
      await expectAccessible(page);
      await page.getByLabel('Password').fill('not my password at all');
      await page.getByRole('button', { name: 'Delete my account for good' }).click();
      await expect(page.getByText('The current password is not correct.')).toBeVisible();
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Delete my account for good' }).click();
      await expect(page).toHaveURL(/\/login\?account=deleted$/);
      await expect(page.getByText('Your account has been deleted.')).toBeVisible();

      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).last().click();
      await expect(page).not.toHaveURL(/\/profile$/);
    });
  });
}
