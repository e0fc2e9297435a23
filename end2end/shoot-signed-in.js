// Screenshots of pages as a signed-in account sees them, for people to look at:
// `EMAIL=… PASSWORD=… PAGES=/moderation,/ideas/1 node shoot-signed-in.js [base URL]`.
const { chromium } = require('@playwright/test');
const fs = require('node:fs');

const base = process.argv[2] || 'http://127.0.0.1:3000';
const pages = (process.env.PAGES || '/').split(',');
const widths = (process.env.WIDTHS || '360,1280').split(',').map(Number);
const lang = process.env.LANG_CODE || 'en';

(async () => {
  fs.mkdirSync('screenshots', { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.locator('input[name=email]').fill(process.env.EMAIL);
    await page.locator('input[type=password]').fill(process.env.PASSWORD);
    await page.locator('form button[type=submit]').last().click();
    await page.waitForURL(/\/profile$/);
    for (const path of pages) {
      await page.goto(base + path);
      const name = `screenshots/signed-in-${lang}-${width}${path.replace(/[/?=&]/g, '_')}.png`;
      await page.screenshot({ path: name, fullPage: true });
      console.log(name);
    }
    await context.close();
  }
  await browser.close();
})();
