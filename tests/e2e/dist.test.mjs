// dist/corroborate.html opened from disk (file://): one file, no server, nothing fetched.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  DIST_FILE,
  DIST_URL,
  EXAMPLE_ARTICLES,
  assertAnalysesShown,
  assertReportShown,
  compareAndWait,
  exampleInput,
  expectedError,
  expectedReport,
  fileOnly,
  launchBrowser,
  screenshotPath,
  withPage,
} from './helpers.mjs';

let browser;

before(async () => {
  assert.ok(existsSync(DIST_FILE), 'dist/corroborate.html exists (make dist)');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const open = (fn, options = {}) => withPage(browser, { allowRequest: fileOnly, ...options }, fn);

describe('dist/corroborate.html', () => {
  test('is one file: inline script and style, no module script, no outside reference', () => {
    const html = readFileSync(DIST_FILE, 'utf8');
    const absent = (re, what) => assert.ok(!re.test(html), `the dist file has no ${what}`);
    absent(/<script[^>]*\bsrc=/i, 'external script');
    absent(/type="module"/, 'module script');
    absent(/<link[^>]*rel="(stylesheet|manifest)"/, 'stylesheet or manifest link');
    absent(/\bimport\.meta\b|\bimport\s*\(/, 'import.meta or dynamic import');
    absent(/\b(src|href)="https?:/, 'http(s) reference');
    // Two inline scripts, each allowed by its hash: the theme (in <head>, before the first paint)
    // and the page.
    assert.match(html.slice(0, 2000), /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'sha256-/);
    assert.equal((html.match(/<script>/g) || []).length, 2);
    assert.ok(html.indexOf('<script>') < html.indexOf('</head>'), 'the theme script is in <head>');
  });

  test('compares the example from file:// in a blob worker, fetching nothing', async () => {
    await open(async ({ page, requests }) => {
      await page.goto(DIST_URL);
      await page.getByRole('button', { name: 'Load example' }).click();
      assert.equal(await page.locator('#articles textarea').count(), EXAMPLE_ARTICLES.length);
      assert.match(await compareAndWait(page), /^Compared 5 articles/);
      const input = exampleInput(EXAMPLE_ARTICLES);
      const report = await expectedReport(input);
      await assertReportShown(page, report, input);
      await assertAnalysesShown(page, report);
      await page.locator('#report .evidence-text, #report .fact-summary').filter({ hasText: 'prisoners of war' }).first().waitFor();
      assert.match(await page.locator('#version').textContent(), /background worker/);
      assert.ok(requests.some((u) => u.startsWith('blob:')), 'the worker came from a blob: URL');
      assert.ok(requests.every((u) => !u.startsWith('file:') || u === DIST_URL), 'no other file was read');
      await page.locator('#results').screenshot({ path: screenshotPath('dist-results.png') });
    });
  });

  test('shows engine errors and keeps the articles across a reload', async () => {
    const text = 'A single article, opened from disk.';
    const message = await expectedError([{ id: 'Article 1', text }]);
    await open(async ({ page }) => {
      await page.goto(DIST_URL);
      await page.getByLabel('Article 1 text').fill(text);
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await page.getByRole('alert').waitFor();
      assert.equal(await page.getByRole('alert').textContent(), `Could not compare: ${message}`);
      await page.reload();
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), text);
    });
  });
});
