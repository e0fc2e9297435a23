// Takes screenshots of the main pages at phone and desktop widths, in each language,
// for people to look at: `node screenshots.js [base URL]` against a running server.
const { chromium } = require('@playwright/test');
const fs = require('node:fs');

const base = process.argv[2] || 'http://127.0.0.1:3000';
const pages = (process.env.PAGES || '/,/themes,/register,/login,/themes/digital-inclusion').split(',');
const languages = (process.env.LANGS || 'en,fr,nl').split(',');
const widths = [360, 1280];

(async () => {
  fs.mkdirSync('screenshots', { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  for (const lang of languages) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: lang });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(base + path);
        const name = `screenshots/${lang}-${width}${path.replace(/\//g, '_') || '_'}.png`;
        await page.screenshot({ path: name, fullPage: true });
        console.log(name);
      }
      await context.close();
    }
  }
  await browser.close();
})();
