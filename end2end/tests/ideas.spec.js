// The heart of the platform, end to end: a resident proposes an idea; a second resident
// finds it by searching, supports it and comments; a business replies; the author sees
// both as notifications. With JavaScript (the support button changes at once, in the
// page) and without (plain form posts and links).
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { uniqueEmail, PASSWORD, visit, hydrated } = helpers;

async function register(page, name, javaScript, business) {
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  await visit(page, '/register', { javaScript });
  await page.getByLabel('Public name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  if (business) {
    await page.getByRole('radio', { name: /^Business/ }).check();
    await page.getByLabel('Organisation name').fill(business.organisation);
    await page.getByLabel('Registration number').fill(business.number);
  }
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await helpers.confirmEmail(page, email, { javaScript });
}

/** Signs in as the account of `email` and publishes an idea under Transversality. */
async function proposeAs(page, email, title, description) {
  await helpers.signIn(page, email);
  await visit(page, '/ideas/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('Theme').selectOption({ label: 'Transversality' });
  await helpers.publishIdea(page, title);
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });
    const expectAccessible = javaScript ? helpers.expectAccessible : async () => {};
    const settle = async (page) => { if (javaScript) await hydrated(page); };

    test('an idea is proposed, found, supported and discussed, and its author is told', async ({ browser }) => {
      const word = `Zébrapassage${javaScript ? 'js' : 'nojs'}${Date.now()}`;
      const title = `Smart crossings: ${word}`;
      const newPage = async () => (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();

      const author = await newPage();
      await register(author, 'Lena Janssens', javaScript);
      await visit(author, '/ideas/new', { javaScript });
      await expectAccessible(author);
      await author.getByLabel('Title').fill(title);
      await author.getByLabel('Description').fill('Crossings that light up when someone waits.\n\nSee https://example.org/crossings for a model.');
      await author.getByLabel('Theme').selectOption({ label: 'Digital administration' });
      await author.getByLabel('Municipality').selectOption({ label: 'Schaerbeek' });
      await helpers.publishIdea(author, title);
      await expect(author.getByRole('link', { name: 'https://example.org/crossings' })).toBeVisible();

      // A second resident finds it by searching, in capitals and without the accent.
      const resident = await newPage();
      await register(resident, 'Yusuf Demir', javaScript);
      await visit(resident, '/ideas', { javaScript });
      await resident.getByLabel('Search').fill(word.toUpperCase().replace('É', 'E'));
      await resident.getByRole('button', { name: 'Show ideas' }).click();
      await expect(resident).toHaveURL(/[?&]q=/);
      await expect(resident.locator('.idea-card')).toHaveCount(1);
      await settle(resident);
      await expectAccessible(resident);
      await resident.getByRole('link', { name: title }).click();
      await expect(resident.getByRole('heading', { level: 1 })).toHaveText(title);
      await settle(resident);
      await expect(resident.locator('.vote-count strong')).toHaveText('0');
      await resident.getByRole('button', { name: 'Support this idea' }).click();
      await expect(resident.locator('.vote-count strong')).toHaveText('1');
      await expect(resident.getByRole('button', { name: 'Withdraw my support' })).toBeVisible();
      await settle(resident);
      await resident.getByLabel('Your comment').fill('Would it work for people in wheelchairs too?');
      await resident.getByRole('button', { name: 'Post comment' }).click();
      const question = resident.locator('.comment', { hasText: 'Would it work for people in wheelchairs too?' });
      await expect(question).toBeVisible();
      await expect(resident.getByRole('heading', { name: '1 comment' })).toBeVisible();
      await expect(resident.getByLabel('Your comment')).toHaveValue('');

      // A business answers the resident.
      const business = await newPage();
      await register(business, 'Tram Data', javaScript, { organisation: 'Tram Data SA', number: 'BE 0403 170 701' });
      await visit(business, new URL(resident.url()).pathname, { javaScript });
      await business.locator('.comment', { hasText: 'wheelchairs' }).getByRole('link', { name: 'Reply' }).click();
      await business.getByLabel('Your reply').fill('Yes: the sensors also see wheelchairs and prams.');
      await business.getByRole('button', { name: 'Post reply' }).click();
      const answer = business.locator('.reply-list .comment', { hasText: 'the sensors also see wheelchairs' });
      await expect(answer).toBeVisible();
      await expect(answer.locator('.badge-author')).toHaveText('Business');
      await expect(answer).toContainText('Tram Data SA');
      await settle(business);
      await expectAccessible(business);

      // The author follows their idea: two notifications, one opened.
      await visit(author, '/notifications', { javaScript });
      await expect(author.locator('.count-badge')).toHaveText('2');
      await expect(author.getByText('2 unread notifications', { exact: true })).toBeVisible();
      await expect(author.locator('.notification.unread')).toHaveCount(2);
      await expect(author.getByRole('button', { name: /Yusuf Demir commented on/ })).toBeVisible();
      await expect(author.getByRole('button', { name: /Tram Data commented on/ })).toBeVisible();
      await expectAccessible(author);
      await author.getByRole('button', { name: /Tram Data commented on/ }).click();
      await expect(author.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(author.locator('.count-badge')).toHaveText('1');
    });
  });
}

test.describe('with JavaScript, when the server refuses', () => {
  test('the support button falls back to what the server last accepted, with the reason', async ({ browser }) => {
    const title = `Heated bus shelters ${Date.now()}`;
    const newPage = async () => (await browser.newContext()).newPage();

    // Accounts made by the operator's command: the journeys above register enough.
    const [authorEmail, residentEmail] = [uniqueEmail('lena'), uniqueEmail('ruben')];
    helpers.createAccount(authorEmail, 'Lena Peeters', 'member');
    helpers.createAccount(residentEmail, 'Ruben Maes', 'member');
    const author = await newPage();
    await proposeAs(author, authorEmail, title, 'Shelters that keep people warm while they wait.');
    const path = new URL(author.url()).pathname;
    const id = path.match(/\/ideas\/(\d+)-/)[1];

    const resident = await newPage();
    await helpers.signIn(resident, residentEmail);
    await visit(resident, path);
    await resident.getByRole('button', { name: 'Support this idea' }).click();
    await expect(resident.locator('.vote-count strong')).toHaveText('1');
    const withdraw = resident.getByRole('button', { name: 'Withdraw my support' });
    await expect(withdraw).toHaveAttribute('aria-pressed', 'true');

    // Meanwhile a moderator declines the idea: support can no longer be withdrawn.
    const moderatorEmail = uniqueEmail('moderator');
    helpers.createAccount(moderatorEmail, 'Mona Moderator', 'moderator');
    const moderator = await newPage();
    await helpers.signIn(moderator, moderatorEmail);
    const declined = await moderator.evaluate(async (ideaId) => {
      const body = new URLSearchParams({ idea_id: ideaId, status: 'declined', note: 'Already in the bus company plan.' });
      return (await fetch('/api/set_idea_status', { method: 'POST', body })).status;
    }, id);
    expect(declined).toBe(200);

    await withdraw.click();
    await expect(resident.getByRole('alert')).toContainText('This idea is no longer open for that.');
    await expect(resident.locator('.vote-count strong')).toHaveText('1');
    await expect(withdraw).toHaveAttribute('aria-pressed', 'true');
  });
});
