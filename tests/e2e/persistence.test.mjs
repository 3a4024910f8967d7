// Saved articles in the served page (www/storage.js in a real browser): the old localStorage
// format migrated on load, a large article across a reload, newer data left untouched, storage
// that throws (private mode, full) → a warning, and the page still editable and comparing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareAndWait, servedSuite, slowIndexedDB, textareas } from './helpers.mjs';

const suite = servedSuite({ contextOptions: { serviceWorkers: 'block' } });
const { open } = suite;
const record = (page) =>
  page.evaluate(async () => {
    const text = await (await (await import('./storage.js')).indexedDbBackend()).get('state');
    return text === undefined ? null : JSON.parse(text);
  });

/** The text lengths of the saved record's articles (read in the page: megabytes stay there), or null. */
const savedLengths = (page) =>
  page.evaluate(async () => {
    const text = await (await (await import('./storage.js')).indexedDbBackend()).get('state');
    return text === undefined ? null : JSON.parse(text).articles.map((a) => a.text.length);
  });

/** Waits until the saved record's text lengths are `want`. */
async function waitSaved(page, want, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  let got;
  while (Date.now() < until) {
    got = await savedLengths(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`not saved in ${timeoutMs} ms: lengths ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

/** Records every dialog the page opens: [{type, message}]; each is dismissed unless `accept`. */
function watchDialogs(page, { accept = false } = {}) {
  const seen = [];
  page.on('dialog', async (d) => {
    seen.push({ type: d.type(), message: d.message() });
    await (accept ? d.accept() : d.dismiss());
  });
  return seen;
}

const ARTICLES = [
  'Talks in Istanbul ended after less than two hours. Both sides agreed to exchange 1,000 prisoners of war.',
  'Russia and Ukraine agreed to swap 1,000 prisoners of war at the talks in Istanbul on Friday.',
];

describe('saved articles', () => {
  test('the old localStorage format is shown after load, migrated to IndexedDB (schema 2)', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await textareas(page).first().waitFor();
      const v1 = [{ title: 'Old headline', text: ARTICLES[0] }, { title: '', text: ARTICLES[1] }, { title: '', text: 'Третья статья 😀' }];
      await page.evaluate((v1) => localStorage.setItem('corroborate.v1.articles', JSON.stringify(v1)), v1);
      await page.reload();
      await textareas(page).nth(2).waitFor();
      assert.equal(await textareas(page).count(), 3);
      assert.equal(await page.getByLabel('Article 1 title (optional)').inputValue(), 'Old headline');
      for (const [i, a] of v1.entries()) assert.equal(await page.getByLabel(`Article ${i + 1} text`).inputValue(), a.text);
      const saved = await record(page);
      assert.equal(saved.schema, 2);
      assert.deepEqual(saved.articles.map((a) => a.text), v1.map((a) => a.text));
      assert.equal(await page.evaluate(() => localStorage.getItem('corroborate.v1.articles')), null, 'the old key was removed');
      assert.ok(await page.locator('#storage-note').isHidden());
      // And it stays after another reload (now from IndexedDB).
      await page.reload();
      assert.equal(await page.getByLabel('Article 3 text').inputValue(), v1[2].text);
      await compareAndWait(page);
    });
  });

  test('an 8 MB article survives a reload (more than localStorage could hold)', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const big = `${ARTICLES[0]} `.repeat(Math.ceil(8e6 / (ARTICLES[0].length + 1))).slice(0, 8e6);
      const box = page.getByLabel('Article 1 text');
      await page.getByLabel('Article 2 text').fill(ARTICLES[1]);
      // Pasted in the page: 8 MB through Playwright's fill() takes 10-30 s of protocol time here.
      const fillMs = await box.evaluate((el, unit) => {
        const t0 = performance.now();
        el.value = unit.repeat(Math.ceil(8e6 / unit.length)).slice(0, 8e6);
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        return Math.round(performance.now() - t0);
      }, `${ARTICLES[0]} `);
      // Once the save started by the paste has finished (a reload before that asks first: the
      // next test).
      await page.locator('#articles .words').first().filter({ hasText: 'MB' }).waitFor({ timeout: 60_000 });
      await waitSaved(page, [8e6, ARTICLES[1].length]);
      await page.reload({ timeout: 60_000 });
      await box.waitFor({ timeout: 60_000 });
      const back = await box.evaluate((el) => ({ length: el.value.length, head: el.value.slice(0, 100), tail: el.value.slice(-100) }));
      assert.deepEqual(back, { length: big.length, head: big.slice(0, 100), tail: big.slice(-100) });
      assert.match(await page.locator('#articles .words').first().textContent(), /^[\d,]+ words · 8\.0 MB, over the 5 MB limit for one article/);
      assert.ok(await page.locator('#storage-note').isHidden(), 'no storage warning');
      console.log(`# pasting an 8 MB article took ${fillMs} ms; it survived the reload`);
    });
  });

  test('an 8 MB paste and a reload at once: the page asks before leaving, the save finishes, the paste is there', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const box = page.getByLabel('Article 1 text');
      await page.getByLabel('Article 2 text').fill(ARTICLES[1]);
      await waitSaved(page, [0, ARTICLES[1].length]);
      // A real click first: Chromium shows a "Leave site?" dialog only on a page the user has used.
      await box.click();
      const dialogs = watchDialogs(page); // dismissed: "stay on this page"
      const unit = `${ARTICLES[0]} `;
      const big = unit.repeat(Math.ceil(8e6 / unit.length)).slice(0, 8e6);
      // Pasted and reloaded in the same task: the IndexedDB save started by the paste cannot have
      // finished, and 8 MB is too big for the synchronous localStorage journal.
      const reloaded = box.evaluate((el, unit) => {
        el.value = unit.repeat(Math.ceil(8e6 / unit.length)).slice(0, 8e6);
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        location.reload();
      }, unit);
      await reloaded.catch(() => {}); // (the evaluate may end with the navigation it started)
      await page.waitForFunction(() => true); // the page is still there
      assert.deepEqual(dialogs.map((d) => d.type), ['beforeunload'], 'the page asked before leaving');
      assert.equal(await box.evaluate((el) => el.value.length), 8e6, 'the paste is still in its box');
      // The save started at the paste (not after the typing pause) finishes; no journal was written.
      await waitSaved(page, [8e6, ARTICLES[1].length]);
      assert.equal(await page.evaluate(() => localStorage.getItem('corroborate.journal')), null);
      // Now everything is saved: a reload asks nothing, and the paste is back.
      await page.reload({ timeout: 60_000 });
      await box.waitFor({ timeout: 60_000 });
      assert.deepEqual(dialogs.map((d) => d.type), ['beforeunload'], 'no dialog once saved');
      const back = await box.evaluate((el) => ({ length: el.value.length, head: el.value.slice(0, 100), tail: el.value.slice(-100) }));
      assert.deepEqual(back, { length: big.length, head: big.slice(0, 100), tail: big.slice(-100) });
    });
  });

  test('reloads that lose nothing ask nothing: everything saved, or a small edit still saving (the journal holds it)', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const dialogs = watchDialogs(page);
      await page.getByLabel('Article 1 text').fill(ARTICLES[0]);
      await page.getByLabel('Article 2 text').fill(ARTICLES[1]);
      await waitSaved(page, [ARTICLES[0].length, ARTICLES[1].length]);
      await page.reload();
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), ARTICLES[0]);
      // Typed, then reloaded before the save delay is over: the journal keeps it, no dialog.
      await page.getByLabel('Article 2 text').click();
      await page.getByLabel('Article 2 text').press('End');
      await page.keyboard.type(' Typed just now.');
      await page.reload();
      assert.equal(await page.getByLabel('Article 2 text').inputValue(), `${ARTICLES[1]} Typed just now.`);
      // A 1 MB paste reloaded at once fits the journal too.
      const unit = `${ARTICLES[0]} `;
      await page.getByLabel('Article 1 text').click();
      await page.getByLabel('Article 1 text').evaluate((el, unit) => {
        el.value = unit.repeat(Math.ceil(1e6 / unit.length)).slice(0, 1e6);
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        location.reload();
      }, unit).catch(() => {});
      await page.getByLabel('Article 1 text').waitFor();
      await page.waitForFunction(() => document.getElementById('text-1')?.value.length === 1e6);
      assert.deepEqual(dialogs, [], 'no dialog');
    });
  });

  test('the page shows at once: "Loading saved articles…" (nothing to type into) while storage opens, then the boxes', async () => {
    await open(async ({ page, context }) => {
      await page.goto(suite.url);
      await page.getByLabel('Article 1 text').fill(ARTICLES[0]);
      await page.getByLabel('Article 2 text').fill(ARTICLES[1]);
      await waitSaved(page, [ARTICLES[0].length, ARTICLES[1].length]);
      // From now on, IndexedDB opens late (a slow disk, a busy browser): when the test calls
      // __openStorage(), or after 3 s (storage.js gives up on IndexedDB after 4 s).
      await slowIndexedDB(context);
      await page.reload({ waitUntil: 'domcontentloaded' });
      const list = page.locator('#articles');
      const early = await page.evaluate(() => ({
        busy: document.getElementById('articles').getAttribute('aria-busy'),
        note: document.getElementById('articles').textContent.trim(),
        boxes: document.querySelectorAll('#articles textarea, #articles input').length,
        disabled: ['add-article', 'load-example', 'clear-all', 'compare', 'open-files'].filter((id) => document.getElementById(id).disabled),
      }));
      assert.deepEqual(early, {
        busy: 'true',
        note: 'Loading saved articles…',
        boxes: 0,
        disabled: ['add-article', 'load-example', 'clear-all', 'compare', 'open-files'],
      });
      await page.evaluate(() => window.__openStorage());
      await page.getByLabel('Article 2 text').waitFor();
      assert.equal(await list.getAttribute('aria-busy'), 'false');
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), ARTICLES[0]);
      assert.equal(await page.getByLabel('Article 2 text').inputValue(), ARTICLES[1]);
      assert.ok(await page.getByRole('button', { name: 'Add article' }).isEnabled());

      // With a journal (the page was left with a save unfinished), the boxes come from it at once
      // and can be typed into while storage opens; nothing typed then is overwritten or lost.
      await page.evaluate((a) => {
        localStorage.setItem('corroborate.journal', JSON.stringify({ schema: 2, savedAt: new Date().toISOString(), settings: {}, articles: [{ title: '', text: a[0] }, { title: '', text: 'From the journal.' }] }));
      }, ARTICLES);
      await page.reload({ waitUntil: 'domcontentloaded' });
      const second = page.getByLabel('Article 2 text');
      assert.equal(await second.inputValue(), 'From the journal.');
      assert.equal(await list.getAttribute('aria-busy'), 'false');
      await second.press('End');
      await page.keyboard.type(' Typed while storage opened.');
      assert.equal(await page.evaluate(() => localStorage.getItem('corroborate.journal') !== null), true, 'storage was still opening');
      await page.evaluate(() => window.__openStorage());
      await page.waitForFunction(() => localStorage.getItem('corroborate.journal') === null, null, { timeout: 30_000 });
      await waitSaved(page, [ARTICLES[0].length, 'From the journal. Typed while storage opened.'.length]);
      assert.equal(await second.inputValue(), 'From the journal. Typed while storage opened.');
      await page.reload();
      assert.equal(await page.getByLabel('Article 2 text').inputValue(), 'From the journal. Typed while storage opened.');
    });
  });

  test('data of a newer schema is left untouched, with a warning', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await textareas(page).first().waitFor();
      const future = JSON.stringify({ schema: 3, articles: [{ text: 'written by a later version' }] });
      await page.evaluate(async (future) => (await (await import('./storage.js')).indexedDbBackend()).set('state', future), future);
      await page.reload();
      const note = page.locator('#storage-note');
      await note.waitFor();
      assert.match(await note.textContent(), /newer version of Corroborate \(format 3\).*left them untouched.*lost when this page is closed/);
      await page.getByLabel('Article 1 text').fill(ARTICLES[0]);
      await page.getByLabel('Article 2 text').fill(ARTICLES[1]);
      await compareAndWait(page);
      assert.equal(JSON.stringify(await record(page)), future, 'the newer record was not overwritten');
    });
  });

  test('storage that throws (private mode): a warning, and the page still edits and compares', async () => {
    await open(async ({ page, context }) => {
      await context.addInitScript(() => {
        const denied = () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        };
        IDBFactory.prototype.open = denied;
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.goto(suite.url);
      const note = page.locator('#storage-note');
      await note.waitFor();
      assert.match(await note.textContent(), /does not let the page store anything.*kept only in this page, so they will be lost when this page is closed/);
      await page.getByLabel('Article 1 text').fill(ARTICLES[0]);
      await page.getByLabel('Article 2 text').fill(ARTICLES[1]);
      await page.getByRole('button', { name: 'Add article' }).click();
      await page.getByLabel('Article 3 text').fill('A third one.');
      assert.match(await compareAndWait(page), /^Compared 3 articles/);
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), ARTICLES[0]);
      assert.ok(await note.isVisible(), 'the warning stays');
    }, { allowConsoleError: () => false });
  });

  test('storage full while saving: a warning, the text stays, Compare works, the warning goes when a save works', async () => {
    await open(async ({ page, context }) => {
      await context.addInitScript(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (value, key) {
          if (typeof value === 'string' && value.length > 100_000) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return put.call(this, value, key);
        };
      });
      await page.goto(suite.url);
      const big = `${ARTICLES[0]} `.repeat(2000);
      await page.getByLabel('Article 1 text').fill(big);
      await page.getByLabel('Article 2 text').fill(ARTICLES[1]);
      const note = page.locator('#storage-note');
      await note.waitFor();
      assert.match(await note.textContent(), /too large for this browser's storage \(it is full\), so they will be lost when this page is closed/);
      assert.match(await compareAndWait(page), /^Compared 2 articles/);
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), big);
      await page.getByLabel('Article 1 text').fill(ARTICLES[0]);
      await note.waitFor({ state: 'hidden' });
      await page.reload();
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), ARTICLES[0]);
    });
  });
});
