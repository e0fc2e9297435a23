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

module.exports = { uniqueEmail, PASSWORD, hydrated, visit, expectAccessible };
