// Similar ideas before a copy is posted: with JavaScript they appear while the title is
// typed, and one can be supported instead; without it, publishing first shows them on a
// confirmation step, from which the author publishes anyway. Both pass axe-core.
const { test, expect } = require('@playwright/test');
const helpers = require('./helpers');

const { uniqueEmail, visit } = helpers;

async function signedInMember(browser, javaScript, name) {
  const email = uniqueEmail(name.toLowerCase());
  helpers.createAccount(email, name, 'member');
  const page = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
  await helpers.signIn(page, email, { javaScript });
  return page;
}

async function propose(page, title, javaScript) {
  await visit(page, '/ideas/new', { javaScript });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(`${title}: so that people meet.`);
  await page.getByLabel('Theme').selectOption({ label: 'Internet use' });
}

test('with JavaScript, ideas like the title appear while it is typed, and one is supported instead', async ({ browser }) => {
  const word = `Kiosque${Date.now()}`;
  const original = `Music ${word} in the park`;
  const author = await signedInMember(browser, true, 'Nora');
  await propose(author, original, true);
  await helpers.publishIdea(author, original);

  const resident = await signedInMember(browser, true, 'Milan');
  await visit(resident, '/ideas/new');
  await resident.getByLabel('Title').pressSequentially(`A ${word.toLowerCase()} for concerts`, { delay: 20 });
  const similar = resident.getByRole('region', { name: 'Ideas like yours, already proposed' });
  await expect(similar.getByRole('link', { name: original })).toBeVisible();
  await helpers.expectAccessible(resident);
  await similar.getByRole('link', { name: 'Support this one instead' }).first().click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(original);
  await expect(resident).toHaveURL(/#vote$/);
});

test('without JavaScript, publishing a copy first shows the ideas like it, then publishes anyway', async ({ browser }) => {
  const word = `Boekenruil${Date.now()}`;
  const original = `Een ${word} in elke wijk`;
  const author = await signedInMember(browser, false, 'Lotte');
  await propose(author, original, false);
  await helpers.publishIdea(author, original);

  const copy = `${word} aan het station`;
  const resident = await signedInMember(browser, false, 'Jonas');
  await propose(resident, copy, false);
  await resident.getByRole('button', { name: 'Publish my idea' }).click();
  await expect(resident.getByText('Ideas like yours have already been proposed.')).toBeVisible();
  const similar = resident.getByRole('region', { name: 'Ideas like yours, already proposed' });
  await expect(similar.getByRole('link', { name: original })).toBeVisible();
  await expect(resident.getByLabel('Title')).toHaveValue(copy);
  await resident.getByRole('button', { name: 'Publish mine anyway' }).click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(copy);
});

test('the confirmation step passes axe-core', async ({ browser }) => {
  const word = `Zonnepaneel${Date.now()}`;
  const author = await signedInMember(browser, false, 'Ella');
  await propose(author, `${word} op scholen`, false);
  await helpers.publishIdea(author, `${word} op scholen`);

  // The step as a browser without JavaScript reaches it, then read again with scripts on
  // (axe-core runs inside the page): the typed idea waits in the session meanwhile.
  const resident = await signedInMember(browser, false, 'Sam');
  await propose(resident, `${word} op het stadhuis`, false);
  await resident.getByRole('button', { name: 'Publish my idea' }).click();
  await expect(resident.getByText('Ideas like yours have already been proposed.')).toBeVisible();
  const scripted = await browser.newContext();
  await scripted.addCookies(await resident.context().cookies());
  const page = await scripted.newPage();
  await page.goto(resident.url());
  await helpers.hydrated(page);
  await expect(page.getByRole('region', { name: 'Ideas like yours, already proposed' })).toBeVisible();
  await expect(page.getByText('Ideas like yours have already been proposed.')).toBeVisible();
  await helpers.expectAccessible(page);
});
