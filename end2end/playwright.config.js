// Browser tests: Debian's Chromium (Playwright cannot download its own here) against
// the release build, on a fresh SQLite database for each run.
const { defineConfig } = require('@playwright/test');
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');

const port = process.env.AGORA_E2E_PORT || '3100';
const baseURL = `http://127.0.0.1:${port}`;
if (!process.env.AGORA_E2E_DATA) {
  process.env.AGORA_E2E_DATA = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-e2e-'));
}
const root = path.resolve(__dirname, '..');

module.exports = defineConfig({
  testDir: './tests',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `${root}/target/release/agora-server serve`,
    cwd: root,
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: `sqlite://${process.env.AGORA_E2E_DATA}/agora.db?mode=rwc`,
      AGORA_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: `${root}/target/site`,
      // No SMTP server: mail is written here, where the journeys read their links.
      AGORA_OUTBOX_DIR: `${process.env.AGORA_E2E_DATA}/outbox`,
      AGORA_MAIL_POLL_MS: '200',
      AGORA_NEWS_MAIL_EVERY_MS: '200',
      RUST_LOG: 'warn',
    },
  },
});
