const { expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

let counter = 0;
/** An email address no other test uses. */
function uniqueEmail(prefix) {
  counter += 1;
  return `${prefix}.${Date.now()}.${counter}@example.be`;
}

const PASSWORD = 'violet tram under the Atomium hums';

/** Waits until the page is interactive (only meaningful with JavaScript on). */
async function hydrated(page) {
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
}

/** Opens a page, waiting for hydration when JavaScript runs. */
async function visit(page, path, { javaScript = true } = {}) {
  await page.goto(path);
  if (javaScript) await hydrated(page);
}

/** axe-core must find no WCAG 2.1 A/AA violation on the page as it is now. */
async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Creates an account with a staff role (moderator, official, admin) the way an operator
 * does, with the server's command line, in the database the test server uses.
 */
function createAccount(email, name, role, portfolio) {
  const { execFileSync } = require('node:child_process');
  const path = require('node:path');
  const root = path.resolve(__dirname, '..', '..');
  const args = ['create-account', '--email', email, '--name', name, '--role', role];
  if (portfolio) args.push('--portfolio', portfolio);
  execFileSync(path.join(root, 'target', 'release', 'agora-server'), args, {
    input: `${PASSWORD}\n`,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${process.env.AGORA_E2E_DATA}/agora.db?mode=rwc`,
      RUST_LOG: 'warn',
    },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

/** Signs in through the form. */
async function signIn(page, email, { javaScript = true } = {}) {
  await visit(page, '/login', { javaScript });
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/profile$/);
}

/**
 * The link of the newest email to `email` that leads to `path`, read from the folder the
 * test server writes its mail to (it runs without an SMTP server, the embedded default).
 */
async function linkInMail(email, path) {
  const fs = require('node:fs');
  const folder = require('node:path').join(process.env.AGORA_E2E_DATA, 'outbox');
  const pattern = new RegExp(`https?://[^/\\s]+(${path.replace('?', '\\?')}=[0-9a-f]{64})`);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const messages = (fs.existsSync(folder) ? fs.readdirSync(folder) : [])
      .filter((name) => name.endsWith('.eml'))
      .map((name) => ({ name, at: fs.statSync(`${folder}/${name}`).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      // Quoted-printable: long lines are folded with a final `=`, and `=` is `=3D`.
      .map(({ name }) => fs.readFileSync(`${folder}/${name}`, 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='))
      .filter((text) => text.includes(`<${email}>`) || text.includes(`To: ${email}`));
    for (const text of messages) {
      const found = text.match(pattern);
      if (found) return found[1];
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${email} with a link to ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Follows the confirmation link sent to `email` at registration, as its owner does. */
async function confirmEmail(page, email, { javaScript = true } = {}) {
  const link = await linkInMail(email, '/verify-email?token');
  await visit(page, link, { javaScript });
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page).toHaveURL(/\/profile\?email=confirmed$/);
  await expect(page.getByText('Your email address is confirmed')).toBeVisible();
}

/**
 * Publishes the idea typed in the form. When ideas like it exist and the form had not
 * shown them yet, the server shows them first: then publishes anyway.
 */
async function publishIdea(page, title) {
  await page.getByRole('button', { name: 'Publish my idea' }).click();
  const published = page.getByRole('heading', { level: 1, name: title, exact: true });
  const likeIt = page.getByText('Ideas like yours have already been proposed.');
  await expect(published.or(likeIt).first()).toBeVisible();
  if (await likeIt.isVisible()) {
    await page.getByRole('button', { name: 'Publish mine anyway' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

module.exports = {
  uniqueEmail, PASSWORD, hydrated, visit, expectAccessible, createAccount, signIn, linkInMail, confirmEmail,
  publishIdea,
};
