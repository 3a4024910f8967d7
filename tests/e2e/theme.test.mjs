// The theme switch in the header (www/theme.js, app.js, style.css): follow the system, light or
// dark. The choice overrides the system setting, survives a reload (localStorage, read before the
// first paint, and the saved settings), is reachable by keyboard, and gives the same colours as
// the system's dark mode, and can be chosen while the saved articles load without losing them.
// Also in the single-file build, whose CSP must allow its inline script.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DIST_URL, ROOT, fileOnly, screenshotPath, servedSuite, slowIndexedDB, withPage } from './helpers.mjs';

const suite = servedSuite({ contextOptions: { serviceWorkers: 'block' } });
const { open } = suite;

const LIGHT_BG = 'rgb(246, 247, 249)'; // --bg of each theme in style.css
const DARK_BG = 'rgb(22, 24, 29)';
const LIGHT_TEXT = 'rgb(27, 31, 36)';
const DARK_TEXT = 'rgb(230, 232, 235)';

/** What the page shows and keeps of the theme. */
const look = (page) =>
  page.evaluate(() => ({
    theme: document.documentElement.getAttribute('data-theme'),
    choice: document.getElementById('theme').value,
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
    scheme: getComputedStyle(document.documentElement).colorScheme,
    local: localStorage.getItem('corroborate.theme'),
  }));

/** The settings of the saved record (null when there is no record). */
const savedSettings = (page) =>
  page.evaluate(async () => {
    const text = await (await (await import('./storage.js')).indexedDbBackend()).get('state');
    return text === undefined ? null : JSON.parse(text).settings;
  });

async function waitForSettings(page, want, what) {
  for (let i = 0; i < 50; i++) {
    if (want(await savedSettings(page))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the saved settings never had ${what}: ${JSON.stringify(await savedSettings(page))}`);
}

/**
 * Records, in the page, the data-theme <html> had when <body> appeared: set then, it was set by a
 * script in <head>, before anything of the body could be drawn (app.js, a module, runs later).
 */
const recordThemeAtBody = (context) =>
  context.addInitScript(() => {
    window.__themeAtBody = 'no body seen';
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      window.__themeAtBody = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
const themeAtBody = (page) => page.evaluate(() => window.__themeAtBody);

/** The custom properties style.css defines (its colours). */
const PROPERTIES = [...new Set(readFileSync(join(ROOT, 'www', 'style.css'), 'utf8').match(/--[\w-]+(?=\s*:)/g))];
const properties = (page) =>
  page.evaluate((names) => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n).trim()]));
  }, PROPERTIES);

describe('theme switch', () => {
  test('follows the system at first; dark and light override it, survive a reload and apply before the first paint', async () => {
    await open(
      async ({ page, context }) => {
        await recordThemeAtBody(context);
        await page.goto(suite.url);
        await page.locator('#articles textarea').first().waitFor();
        assert.deepEqual(await look(page), { theme: null, choice: 'system', background: LIGHT_BG, text: LIGHT_TEXT, scheme: 'light dark', local: null });
        assert.deepEqual(
          await page.getByLabel('Theme').locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent])),
          [['system', 'Follow system'], ['light', 'Light'], ['dark', 'Dark']],
        );

        // Dark, chosen while the system is light.
        await page.getByLabel('Theme').selectOption('dark');
        assert.deepEqual(await look(page), { theme: 'dark', choice: 'dark', background: DARK_BG, text: DARK_TEXT, scheme: 'dark', local: 'dark' });
        assert.equal(await page.locator('meta[name="theme-color"]').first().getAttribute('content'), '#16181d', 'the browser bar follows');
        assert.equal(await page.locator('#status').textContent(), 'Theme: dark.');
        await waitForSettings(page, (s) => s?.theme === 'dark', 'theme "dark"');
        await page.locator('.site-header').screenshot({ path: screenshotPath('theme-dark-chosen.png') });

        await page.reload();
        await page.locator('#articles textarea').first().waitFor();
        assert.equal(await themeAtBody(page), 'dark', 'applied before the body was parsed');
        assert.deepEqual(await look(page), { theme: 'dark', choice: 'dark', background: DARK_BG, text: DARK_TEXT, scheme: 'dark', local: 'dark' });
        await page.screenshot({ path: screenshotPath('theme-dark-chosen-page.png') });

        // On paper: the light colours whatever the theme.
        await page.emulateMedia({ media: 'print' });
        assert.equal((await properties(page))['--text'], '#1b1f24', 'print uses the light colours');
        await page.emulateMedia({ media: 'screen' });

        // Light, chosen while the system is dark.
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.getByLabel('Theme').selectOption('light');
        assert.deepEqual(await look(page), { theme: 'light', choice: 'light', background: LIGHT_BG, text: LIGHT_TEXT, scheme: 'light', local: 'light' });
        await waitForSettings(page, (s) => s?.theme === 'light', 'theme "light"');
        await page.reload();
        await page.locator('#articles textarea').first().waitFor();
        assert.equal(await themeAtBody(page), 'light');
        assert.deepEqual(await look(page), { theme: 'light', choice: 'light', background: LIGHT_BG, text: LIGHT_TEXT, scheme: 'light', local: 'light' });
        await page.screenshot({ path: screenshotPath('theme-light-chosen-on-dark-system.png') });

        // Back to the system: dark now, and light as soon as the system is.
        await page.getByLabel('Theme').selectOption('system');
        assert.deepEqual(await look(page), { theme: null, choice: 'system', background: DARK_BG, text: DARK_TEXT, scheme: 'dark', local: 'system' });
        assert.equal(await page.locator('#status').textContent(), 'Theme: following the system setting.');
        await waitForSettings(page, (s) => !s || !('theme' in s), 'no theme');
        await page.emulateMedia({ colorScheme: 'light' });
        assert.equal((await look(page)).background, LIGHT_BG, 'follows a change of the system setting');
        await page.reload();
        await page.locator('#articles textarea').first().waitFor();
        assert.equal(await themeAtBody(page), null);
        assert.equal((await look(page)).choice, 'system');
      },
      { contextOptions: { serviceWorkers: 'block', colorScheme: 'light' } },
    );
  });

  test('the saved settings bring the choice back when localStorage lost it; the articles stay', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.getByLabel('Article 1 text').fill('An article kept with the theme.');
      await page.getByLabel('Theme').selectOption('dark');
      await waitForSettings(page, (s) => s?.theme === 'dark', 'theme "dark"');
      await page.evaluate(() => localStorage.removeItem('corroborate.theme'));
      await page.reload();
      await page.waitForFunction(() => document.documentElement.getAttribute('data-theme') === 'dark');
      const shown = await look(page);
      assert.equal(shown.choice, 'dark');
      assert.equal(shown.background, DARK_BG);
      assert.equal(shown.local, 'dark', 'the local copy is written again');
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), 'An article kept with the theme.');
    });
  });

  test('chosen while the saved articles are still loading: kept and saved with them, and a reload then loses nothing', async () => {
    await open(async ({ page, context }) => {
      await page.goto(suite.url);
      await page.getByLabel('Article 1 text').fill('First article, saved before the reload.');
      await page.getByLabel('Article 2 text').fill('Second article, saved too.');
      await waitForSettings(page, (s) => s !== null, 'a saved record');
      const savedTexts = () =>
        page.evaluate(async () => {
          const text = await (await (await import('./storage.js')).indexedDbBackend()).get('state');
          return text === undefined ? null : JSON.parse(text).articles.map((a) => a.text);
        });
      for (let i = 0; i < 50 && JSON.stringify(await savedTexts()) !== JSON.stringify(['First article, saved before the reload.', 'Second article, saved too.']); i++) {
        await page.waitForTimeout(100);
      }
      // From now on, IndexedDB opens only when the test calls __openStorage() (or after 3 s).
      await slowIndexedDB(context);
      await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal(await page.locator('#articles .articles-loading').textContent(), 'Loading saved articles…');
      // The switch works while the articles load; the page is left before they have.
      await page.getByLabel('Theme').selectOption('dark');
      assert.equal((await look(page)).theme, 'dark');
      await page.waitForTimeout(500); // past the save delay
      await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal(await page.evaluate(() => localStorage.getItem('corroborate.journal')), null, 'no journal of the boxes not yet shown');
      assert.equal((await look(page)).theme, 'dark', 'the choice, before the first paint');
      await page.evaluate(() => window.__openStorage());
      await page.getByLabel('Article 2 text').waitFor();
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), 'First article, saved before the reload.');
      assert.equal(await page.getByLabel('Article 2 text').inputValue(), 'Second article, saved too.');
      assert.equal((await look(page)).choice, 'dark');
      // A change saves the choice with the articles.
      await page.getByLabel('Article 2 text').press('End');
      await page.keyboard.type(' More.');
      await waitForSettings(page, (s) => s?.theme === 'dark', 'theme "dark"');
      assert.deepEqual(await savedTexts(), ['First article, saved before the reload.', 'Second article, saved too. More.']);
    });
  });

  test('keyboard: the switch is the first control after the skip link and works with the arrow keys', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.locator('#articles textarea').first().waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'theme');
      assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent), 'Theme');
      await page.keyboard.press('ArrowDown');
      assert.equal((await look(page)).theme, 'light');
      await page.keyboard.press('ArrowDown');
      assert.deepEqual([(await look(page)).theme, (await look(page)).background], ['dark', DARK_BG]);
      // The focus ring is visible on the dark page too.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.equal(outline, 'solid');
      await page.locator('.site-header').screenshot({ path: screenshotPath('theme-switch-focused-dark.png') });
    });
  });

  test('the colours of a chosen theme are those of the same system setting', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.locator('#articles textarea').first().waitFor();
      assert.ok(PROPERTIES.length > 40, `style.css defines its colours as custom properties (${PROPERTIES.length})`);
      const setTheme = (t) => page.evaluate((t) => (t ? document.documentElement.setAttribute('data-theme', t) : document.documentElement.removeAttribute('data-theme')), t);
      await page.emulateMedia({ colorScheme: 'dark' });
      await setTheme(null);
      const systemDark = await properties(page);
      await setTheme('light');
      const chosenLight = await properties(page);
      await page.emulateMedia({ colorScheme: 'light' });
      await setTheme('dark');
      const chosenDark = await properties(page);
      await setTheme(null);
      const systemLight = await properties(page);
      assert.deepEqual(chosenDark, systemDark, 'dark chosen = dark system');
      assert.deepEqual(chosenLight, systemLight, 'light chosen = light system');
      assert.notDeepEqual(systemDark, systemLight);
    });
  });

  test('the single-file build (file://) applies the choice before the first paint too', async () => {
    await withPage(suite.browser, { allowRequest: fileOnly }, async ({ page, context }) => {
      await recordThemeAtBody(context);
      await page.goto(DIST_URL);
      await page.locator('#articles textarea').first().waitFor();
      assert.equal(await themeAtBody(page), null);
      await page.getByLabel('Theme').selectOption('dark');
      await page.reload();
      await page.locator('#articles textarea').first().waitFor();
      // A CSP that refused the inline script would also log an error, which withPage fails on.
      assert.equal(await themeAtBody(page), 'dark');
      assert.equal((await look(page)).background, DARK_BG);
    });
  });
});
