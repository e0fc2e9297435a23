// From ideas to a government commitment, end to end: a resident proposes two ideas and
// another follows one; a moderator promotes both into a candidate project; the member of
// the government adopts it, keeps a roadmap of three milestones, completes one and posts
// an update; the follower reads the progress and the update in their notifications. The
// project, commitments and dashboard pages pass axe-core, and read without JavaScript.
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const helpers = require('./helpers');

const { uniqueEmail, PASSWORD, visit, hydrated, expectAccessible } = helpers;

const root = path.resolve(__dirname, '..', '..');

/** An account with a role, made with the command line as an administrator would. */
function createAccount(name, role, portfolio) {
  const email = uniqueEmail(role);
  const args = ['create-account', '--email', email, '--name', name, '--role', role];
  if (portfolio) args.push('--portfolio', portfolio);
  execFileSync(path.join(root, 'target', 'release', 'agora-server'), args, {
    input: `${PASSWORD}\n`,
    env: { ...process.env, DATABASE_URL: `sqlite://${process.env.AGORA_E2E_DATA}/agora.db?mode=rwc`, RUST_LOG: 'warn' },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  return email;
}

async function signIn(page, email) {
  await visit(page, '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await expect(page).toHaveURL(/\/profile$/);
  await hydrated(page);
}

async function register(page, name) {
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  await visit(page, '/register');
  await page.getByLabel('Public name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await helpers.confirmEmail(page, email);
}

async function propose(page, title, theme) {
  await visit(page, '/ideas/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(`${title}, for every neighbourhood.`);
  await page.getByLabel('Theme').selectOption({ label: theme });
  await helpers.publishIdea(page, title);
  return new URL(page.url()).pathname;
}

test('ideas become a project that its government member adopts and carries, and followers are told', async ({ browser }) => {
  const stamp = Date.now();
  const first = `Repair cafés for laptops ${stamp}`;
  const second = `Digital help desks in libraries ${stamp}`;
  const project = `Digital help close to home ${stamp}`;
  const official = `Olga Peeters ${stamp}`;
  const moderatorEmail = createAccount(`Mia Janssens ${stamp}`, 'moderator');
  const officialEmail = createAccount(official, 'official', 'Digital transition');
  const newPage = async () => (await browser.newContext()).newPage();

  const author = await newPage();
  await register(author, 'Lena Janssens');
  const firstPath = await propose(author, first, 'Digital inclusion');
  await propose(author, second, 'Digital inclusion');

  // A resident follows the first idea.
  const resident = await newPage();
  await register(resident, 'Yusuf Demir');
  await visit(resident, firstPath);
  await resident.getByRole('button', { name: 'Follow this idea' }).click();
  await expect(resident.getByRole('button', { name: 'Stop following' })).toBeVisible();

  // The moderator promotes both ideas, starting from the first one's page.
  const moderator = await newPage();
  await signIn(moderator, moderatorEmail);
  await visit(moderator, firstPath);
  await moderator.getByRole('link', { name: 'Promote into a project' }).click();
  await expect(moderator.getByRole('heading', { level: 1 })).toHaveText('Promote ideas into a project');
  await hydrated(moderator);
  await expect(moderator.getByLabel(first)).toBeChecked();
  await moderator.getByLabel(second).check();
  await moderator.getByLabel('Title', { exact: true }).fill(project);
  await moderator.getByLabel('Summary').fill('Help with online services in every library, and laptops for families.');
  await moderator.locator('#project-theme').selectOption({ label: 'Digital inclusion' });
  await moderator.locator('#project-owner').selectOption({ label: `${official} — Digital transition` });
  await moderator.getByLabel('Critical success factors').fill('Trained volunteers\nOpening hours that suit working people');
  await expectAccessible(moderator);
  await moderator.getByRole('button', { name: 'Create the candidate project' }).click();
  await expect(moderator.getByRole('heading', { level: 1 })).toHaveText(project);
  await expect(moderator.locator('.project-main .project-status')).toHaveText('Candidate');
  const projectPath = new URL(moderator.url()).pathname;

  // The government member adopts it from their desk and keeps the roadmap.
  const owner = await newPage();
  await signIn(owner, officialEmail);
  await owner.getByRole('link', { name: 'Desk' }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Your desk');
  await hydrated(owner);
  await expectAccessible(owner);
  const pending = owner.locator('.desk-group', { hasText: 'Awaiting your decision' });
  await pending.locator('.project-card', { hasText: project }).getByRole('link', { name: 'Adopt or decline' }).click();
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText(project);
  await hydrated(owner);
  await owner.getByLabel('Your public statement').fill('I adopt this project: the first help desks open before the summer.');
  await owner.getByRole('button', { name: 'Adopt the project' }).click();
  await expect(owner.locator('.project-main .project-status')).toHaveText('Adopted');
  await expect(owner.getByText('I adopt this project: the first help desks open before the summer.').first()).toBeVisible();

  const milestones = [
    ['Ten partner libraries', '2030-01-31'],
    ['Volunteers trained', '2030-03-31'],
    ['Help desks open in every municipality', '2030-06-30'],
  ];
  for (const [title, date] of milestones) {
    await owner.getByLabel('Milestone', { exact: true }).fill(title);
    await owner.getByLabel('Target date').fill(date);
    await owner.getByRole('button', { name: 'Add a milestone' }).click();
    await expect(owner.locator('.milestone', { hasText: title })).toBeVisible();
    await expect(owner.getByLabel('Milestone', { exact: true })).toHaveValue('');
  }
  await expect(owner.locator('.project-side .progress-text')).toHaveText('0 of 3 milestones done (0%)');
  await owner.getByRole('button', { name: 'Mark as done: Ten partner libraries' }).click();
  await expect(owner.locator('.project-side .progress-text')).toHaveText('1 of 3 milestones done (33%)');
  await expect(owner.locator('.milestone', { hasText: 'Ten partner libraries' }).locator('.milestone-done')).toHaveText('Done');
  await owner.getByLabel('Post an update').fill('Ten libraries have joined; volunteers can sign up now.');
  await owner.getByRole('button', { name: 'Publish the update' }).click();
  await expect(owner.locator('.timeline-entry', { hasText: 'Ten libraries have joined' })).toBeVisible();
  await expectAccessible(owner);

  // The follower of the first idea reads the news and the progress.
  await visit(resident, '/notifications');
  const update = resident.locator('.notification', { hasText: `posted an update on` });
  await expect(update).toContainText(project);
  await expect(update).toContainText('1 of 3 milestones done (33%)');
  await expect(resident.locator('.notification', { hasText: 'changed the status of' })).toContainText('Adopted');
  await expectAccessible(resident);
  await update.getByRole('button').click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(project);
  await expect(resident).toHaveURL(/#timeline$/);
  await hydrated(resident);
  await expect(resident.locator('.project-side .progress-text')).toHaveText('1 of 3 milestones done (33%)');
  await expect(resident.getByText('Ten libraries have joined; volunteers can sign up now.')).toBeVisible();
  await expectAccessible(resident);

  // The programme's public pages.
  const visitor = await newPage();
  await visit(visitor, projectPath);
  await expectAccessible(visitor);
  await visit(visitor, '/commitments');
  const card = visitor.locator('.commitment-card', { hasText: official });
  await expect(card).toContainText(project);
  await expect(card).toContainText('Digital transition');
  await expect(card).not.toContainText('No project adopted yet');
  await expectAccessible(visitor);
  await visit(visitor, '/dashboard');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Programme dashboard');
  await expect(visitor.getByRole('img', { name: /Bar chart of the ideas submitted/ })).toBeVisible();
  await expect(visitor.getByRole('table', { name: 'Ideas, support and projects per theme' })).toBeVisible();
  await expectAccessible(visitor);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the programme pages are complete without JavaScript', async ({ page }) => {
    await page.goto('/projects');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projects');
    await page.goto('/commitments');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Government commitments');
    await page.goto('/dashboard');
    await expect(page.getByRole('table', { name: 'Accounts taking part per month' })).toBeVisible();
    await expect(page.locator('svg.chart')).toHaveCount(3);
  });
});
