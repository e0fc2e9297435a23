// A moderator's day, end to end: new ideas wait in the queue; the moderator declines one
// with a reason, merges a duplicate into its original and hides a reported comment; the
// authors see the outcome and are notified. With JavaScript (decisions in place, the
// keyboard moves between items) and without (plain form posts).
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { uniqueEmail, PASSWORD, visit, hydrated, createAccount, signIn } = helpers;

async function register(page, name, javaScript) {
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  await visit(page, '/register', { javaScript });
  await page.getByLabel('Public name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await helpers.confirmEmail(page, email, { javaScript });
  return email;
}

async function propose(page, title, javaScript) {
  await visit(page, '/ideas/new', { javaScript });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(`${title}: a proposal for the whole region.`);
  await page.getByLabel('Theme').selectOption({ label: 'Internet use' });
  await helpers.publishIdea(page, title);
  return new URL(page.url()).pathname;
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });
    const expectAccessible = javaScript ? helpers.expectAccessible : async () => {};
    const settle = async (page) => { if (javaScript) await hydrated(page); };

    test('a moderator works through the queue and the authors see the outcome', async ({ browser }) => {
      const tag = `${javaScript ? 'js' : 'nojs'}${Date.now()}`;
      const newPage = async () => (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();

      // An author proposes three ideas, one a duplicate of another.
      const author = await newPage();
      await register(author, 'Noor Haddad', javaScript);
      const lamps = `Smart lamp posts ${tag}`;
      const dimming = `Lamp posts that dim at night ${tag}`;
      const parking = `An app to pay for parking ${tag}`;
      const lampsPath = await propose(author, lamps, javaScript);
      const dimmingPath = await propose(author, dimming, javaScript);
      await propose(author, parking, javaScript);

      // Someone writes an insult under the first idea, and a resident reports it.
      const troll = await newPage();
      const trollName = `Rex Troll ${tag}`;
      await register(troll, trollName, javaScript);
      await visit(troll, lampsPath, { javaScript });
      const insult = `Only fools want lamps ${tag}`;
      await troll.getByLabel('Your comment').fill(insult);
      await troll.getByRole('button', { name: 'Post comment' }).click();
      await expect(troll.locator('.comment', { hasText: insult })).toBeVisible();

      const resident = await newPage();
      await register(resident, 'Iris Claes', javaScript);
      // Iris supports both the original and its duplicate, the troll only the duplicate:
      // merged, the original counts each of them once.
      for (const [who, path, count] of [[resident, lampsPath, '1'], [resident, dimmingPath, '1'], [troll, dimmingPath, '2']]) {
        await visit(who, path, { javaScript });
        await who.getByRole('button', { name: 'Support this idea' }).click();
        await expect(who.locator('.vote-count strong')).toHaveText(count);
      }
      await visit(resident, lampsPath, { javaScript });
      await resident.locator('.comment', { hasText: insult }).getByRole('link', { name: 'Report' }).click();
      await settle(resident);
      await resident.getByRole('radio', { name: 'Offensive or abusive' }).check();
      await resident.getByRole('button', { name: 'Send the report' }).click();
      await expect(resident.getByText('Thank you. The moderators will look at it.')).toBeVisible();

      // The moderator's queue.
      const moderatorEmail = uniqueEmail('moderator');
      createAccount(moderatorEmail, `Mira Moderator ${tag}`, 'moderator');
      const moderator = await newPage();
      await signIn(moderator, moderatorEmail, { javaScript });
      await moderator.getByRole('link', { name: 'Moderation' }).click();
      await expect(moderator.getByRole('heading', { level: 1 })).toHaveText('Moderation queue');
      await settle(moderator);
      await expectAccessible(moderator);

      // By its heading: an item may name others among its likely originals.
      const item = (title) => moderator.locator('.queue-item').filter({
        has: moderator.getByRole('heading', { level: 2, name: title, exact: true }),
      });
      await expect(item(parking)).toBeVisible();
      if (javaScript) {
        // The keyboard goes from item to item.
        await moderator.keyboard.press('j');
        await expect(moderator.locator('.queue-item').first()).toBeFocused();
        await moderator.keyboard.press('j');
        await expect(moderator.locator('.queue-item').nth(1)).toBeFocused();
        await moderator.keyboard.press('k');
        await expect(moderator.locator('.queue-item').first()).toBeFocused();
      }

      // Decline, with a reason.
      const reason = 'Parking payment is already offered by the parking agency.';
      const headings = () => moderator.locator('.queue-item > h2').allInnerTexts();
      const before = await headings();
      const at = before.indexOf(parking);
      await item(parking).getByLabel('Decision').selectOption({ label: 'Decline' });
      await item(parking).getByLabel('Public note or reason').fill(reason);
      await item(parking).getByRole('button', { name: 'Decide' }).click();
      await expect(item(parking)).toHaveCount(0);
      await settle(moderator);
      if (javaScript) {
        // The queue came back without it: the item that took its place has the focus.
        const after = await headings();
        const next = after[Math.min(at, after.length - 1)];
        await expect(moderator.locator('.queue-item').filter({
          has: moderator.getByRole('heading', { level: 2, name: next, exact: true }),
        })).toBeFocused();
      }

      // Merge the duplicate into the original, named by its number.
      const original = lampsPath.match(/\/ideas\/(\d+)-/)[1];
      await item(dimming).getByLabel('Decision').selectOption({ label: 'Duplicate of another idea' });
      await item(dimming).getByLabel('Duplicate of').fill(original);
      await item(dimming).getByRole('button', { name: 'Decide' }).click();
      await expect(item(dimming)).toHaveCount(0);
      await settle(moderator);

      // Hide the reported comment.
      await moderator.getByRole('link', { name: /^Reported/ }).click();
      await settle(moderator);
      const reported = moderator.locator('.queue-item', { hasText: insult });
      await expect(reported).toContainText('1 report');
      await expectAccessible(moderator);
      await reported.getByLabel('Reason (the author reads it)').fill('Insults have no place here.');
      await reported.getByRole('button', { name: 'Hide', exact: true }).click();
      await expect(moderator.locator('.queue-item', { hasText: insult })).toHaveCount(0);

      // The troll insults again and again: the moderator blocks them from the hidden item.
      await moderator.getByRole('link', { name: /^Hidden/ }).click();
      await settle(moderator);
      const hiddenInsult = moderator.locator('.queue-item', { hasText: insult });
      await hiddenInsult.getByText('Block the author').click();
      const blockReason = 'Insults under several ideas.';
      await hiddenInsult.getByLabel('Reason for blocking').fill(blockReason);
      await hiddenInsult.getByRole('button', { name: 'Block', exact: true }).click();
      await expect(moderator.locator('.queue-item', { hasText: insult })).toContainText('Its author is blocked.');
      await moderator.getByRole('link', { name: /^Blocked accounts/ }).click();
      await settle(moderator);
      await expect(moderator.locator('.queue-item', { hasText: trollName })).toContainText(blockReason);
      await expectAccessible(moderator);

      // The author reads the outcome, and was told.
      await visit(author, '/notifications', { javaScript });
      await expect(author.getByRole('button', { name: new RegExp(`The status changed for ${parking}`) })).toBeVisible();
      await expect(author.getByRole('button', { name: new RegExp(`The status changed for ${dimming}`) })).toBeVisible();
      await author.getByRole('button', { name: new RegExp(`The status changed for ${parking}`) }).click();
      await expect(author.getByRole('heading', { level: 1 })).toHaveText(parking);
      await expect(author.locator('.public-response')).toContainText(reason);
      await expect(author.locator('.idea-meta .status')).toHaveText('Declined');
      await visit(author, dimmingPath, { javaScript });
      await expect(author.locator('.idea-meta .status')).toHaveText('Duplicate');
      await author.getByRole('link', { name: lamps }).click();
      await expect(author.getByRole('heading', { level: 1 })).toHaveText(lamps);
      await expect(author.locator('.vote-count strong')).toHaveText('2');
      await expect(author.getByText(insult)).toHaveCount(0);
      await expect(author.getByText('This comment was hidden by the moderators.')).toBeVisible();

      // So does the one whose comment was hidden.
      await visit(troll, '/notifications', { javaScript });
      await expect(troll.getByRole('button', { name: new RegExp(`The moderators hid your contribution on ${lamps}`) })).toBeVisible();
      await visit(troll, lampsPath, { javaScript });
      await expect(troll.locator('.comment', { hasText: insult })).toContainText('The moderators hid it: Insults have no place here.');
      // Their support moved here with the merge; blocked, they can no longer change it: the
      // page says why instead of offering a button the server would refuse.
      await expect(troll.locator('.idea-side').getByText('Your account has been blocked by a moderator.')).toBeVisible();
      await expect(troll.getByRole('button', { name: 'Withdraw my support' })).toHaveCount(0);
      await expect(troll.getByRole('button', { name: 'Post comment' })).toHaveCount(0);
      await visit(troll, '/profile', { javaScript });
      await expect(troll.locator('#blocked')).toContainText(blockReason);
    });
  });
}
