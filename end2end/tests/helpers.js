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

module.exports = { uniqueEmail, PASSWORD, hydrated, visit, expectAccessible, createAccount, signIn };
