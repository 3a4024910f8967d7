// HTML coming into the article boxes (www/htmlinput.js): pasted, dropped or chosen as a file, it
// is cleaned by the engine (the worker's `clean` request) into the article text, with an undo;
// the word count under the box follows at once.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DIST_FILE, DIST_URL, ROOT, fileOnly, screenshotPath, servedSuite, withPage } from './helpers.mjs';
import { looksLikeHtml as pageLooksLikeHtml } from '../../www/htmlinput.js';

const suite = servedSuite();
const { open } = suite;
let glue;

before(async () => {
  glue = await import('../../www/pkg/corroborate.js');
  glue.initSync({ module: readFileSync(join(ROOT, 'www', 'pkg', 'corroborate_bg.wasm')) });
});

/** What the engine makes of this HTML, computed in node by the same wasm. */
const expectedClean = (html) => JSON.parse(glue.cleanHtml(html));
const fixture = (name) => readFileSync(join(ROOT, 'tests', 'fixtures', 'html', name), 'utf8');

const textOf = (page, n) => page.getByLabel(`Article ${n} text`);
const titleOf = (page, n) => page.getByLabel(`Article ${n} title (optional)`);

/** Waits until a box holds exactly `text` (the cleanup answers asynchronously). */
async function waitForText(page, n, text) {
  await page.waitForFunction(([id, t]) => document.getElementById(id)?.value === t, [await textOf(page, n).getAttribute('id'), text]);
}

/** Pastes like a user would: a ClipboardEvent with these flavours, at the end of the box. */
async function paste(page, n, flavours) {
  const id = await textOf(page, n).getAttribute('id');
  return page.evaluate(
    ([id, flavours]) => {
      const ta = document.getElementById(id);
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
      const data = new DataTransfer();
      for (const [type, value] of Object.entries(flavours)) data.setData(type, value);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      ta.dispatchEvent(event);
      return event.defaultPrevented;
    },
    [id, flavours],
  );
}

/** The word count under a box as the page writes it. */
const wordsLine = (text) => {
  const n = (text.match(/\S+/g) || []).length;
  return n ? `${n.toLocaleString('en')} ${n === 1 ? 'word' : 'words'}` : 'Empty';
};

/**
 * Watches box `n` (its textarea id) from now on, every frame, and resolves to the word count under
 * it at the first frame its text is `text`. Call it before the paste or drop that brings the text.
 */
function countWhenText(page, id, text) {
  return page.evaluate(
    ([id, text]) =>
      new Promise((resolve) => {
        const ta = document.getElementById(id);
        const check = () => (ta.value === text ? resolve(ta.closest('li').querySelector('.words').textContent) : requestAnimationFrame(check));
        check();
      }),
    [id, text],
  );
}

/** Drops files (as [{name, type, text}]) on the article list, like a drag from the desktop. */
function drop(page, files) {
  return page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: f.type }));
    const target = document.getElementById('articles');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, files);
}

const XSS_FLAGS = ['__xss_script', '__xss_img', '__xss_svg', '__xss_iframe', '__xss_link', '__xss_body'];
const XSS_PAGE =
  '<!doctype html><html><head><title>Hostile page</title><script>window.__xss_script = 1; alert(1)</script></head>' +
  '<body onload="window.__xss_body = 1"><article><h1>Talks in Istanbul</h1>' +
  '<p>Officials met in Istanbul on Friday and agreed to exchange prisoners of war, a spokesman said.</p>' +
  '<img src=x onerror="window.__xss_img = 1; alert(2)">' +
  '<svg onload="window.__xss_svg = 1"><circle r="5"/></svg>' +
  '<iframe src="javascript:parent.__xss_iframe = 1"></iframe>' +
  '<p>The talks lasted less than two hours. <a href="javascript:window.__xss_link = 1">Read the statement</a>.</p>' +
  '</article></body></html>';

/** Counts of elements a payload could add; the same before and after means none was added. */
const activeElements = (page) =>
  page.evaluate(() => document.querySelectorAll('img, svg, iframe, script, object, embed, a[href^="javascript"], [onload], [onerror]').length);
const flags = (page) => page.evaluate((names) => names.filter((n) => window[n] !== undefined), XSS_FLAGS);

describe('HTML input', () => {
  test('the page\'s quick HTML check agrees with the engine\'s looksLikeHtml', () => {
    const samples = [
      '<p>One</p><p>Two</p>',
      '<!DOCTYPE html><title>x</title>',
      '  \uFEFF<!-- note --> text',
      'a < b and c > d, said <the> <spokesman>',
      'Only plain text here.',
      '<b>bold</b> and <I>italic</I>',
      '<img src=x onerror=alert(1)> Istanbul',
      '<div\nclass="x">a</div>',
      '<p>one tag only',
      fixture('aljazeera.html'),
    ];
    for (const s of samples) assert.equal(pageLooksLikeHtml(s), glue.looksLikeHtml(s), JSON.stringify(s.slice(0, 40)));
  });

  test('HTML files chosen or dropped: one cleaned article each, titled from the headline; .txt kept as is', async () => {
    const pages = ['aljazeera.html', 'sciencealert.html', 'thespacereview.html'];
    const expected = Object.fromEntries(pages.map((p) => [p, expectedClean(fixture(p))]));
    const note = 'A plain note about <the> talks.\nSecond line.';
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.locator('#open-files').setInputFiles([
        { name: 'aljazeera.html', mimeType: 'text/html', buffer: Buffer.from(fixture('aljazeera.html')) },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(note) },
      ]);
      const a = expected['aljazeera.html'];
      assert.ok(a.title && a.text.length > 500, 'the fixture cleans to an article');
      await waitForText(page, 1, a.text);
      assert.equal(await titleOf(page, 1).inputValue(), a.title.trim());
      await waitForText(page, 2, note);
      assert.equal(await titleOf(page, 2).inputValue(), 'notes');
      const words = a.text.match(/\S+/g).length;
      const shown = await page.locator('#articles li').nth(0).locator('.clean-note').textContent();
      assert.match(shown, new RegExp(`^Cleaned HTML from aljazeera\\.html: kept ${words.toLocaleString('en')} words of article text; removed .*scripts.*markup\\.`));
      for (const w of a.warnings) assert.ok(shown.includes(w), `shows the engine's warning ${w}`);
      assert.equal(await page.locator('#articles li').nth(1).locator('.clean-note').count(), 0, 'no notice for a .txt');
      await page.locator('#articles li').nth(0).screenshot({ path: screenshotPath('html-file.png') });

      // Dropped: a file named .htm, and a page saved without an HTML extension.
      await drop(page, [
        { name: 'sciencealert.htm', type: 'text/html', text: fixture('sciencealert.html') },
        { name: 'saved-page', type: '', text: fixture('thespacereview.html') },
      ]);
      await waitForText(page, 3, expected['sciencealert.html'].text);
      assert.equal(await titleOf(page, 3).inputValue(), expected['sciencealert.html'].title.trim());
      await waitForText(page, 4, expected['thespacereview.html'].text);
      assert.equal(await titleOf(page, 4).inputValue(), expected['thespacereview.html'].title.trim());
      assert.match(await page.getByRole('status').filter({ hasText: 'Added' }).first().textContent(), /Added 2 files as articles: sciencealert\.htm, saved-page\./);

      // Undo on a file puts its source back; the articles are saved like typed ones.
      await page.locator('#articles li').nth(2).getByRole('button', { name: 'Undo cleanup' }).click();
      await waitForText(page, 3, fixture('sciencealert.html'));
      await page.waitForTimeout(500); // the save delay
      await page.reload();
      assert.equal(await textOf(page, 1).inputValue(), a.text);
      assert.equal(await textOf(page, 4).inputValue(), expected['thespacereview.html'].text);
    });
  });

  test('pasted HTML is cleaned and "Undo cleanup" restores the raw paste; typed text is kept', async () => {
    const source = fixture('thespacereview.html');
    const cleaned = expectedClean(source);
    const typed = 'My own note, typed first. ';
    await open(async ({ page }) => {
      await page.goto(suite.url);
      // A page's source pasted as plain text, after text the user typed.
      await textOf(page, 1).fill(typed);
      assert.equal(await paste(page, 1, { 'text/plain': source }), true, 'the browser paste was replaced');
      await waitForText(page, 1, typed + cleaned.text);
      assert.equal(await titleOf(page, 1).inputValue(), cleaned.title.trim());
      const note = page.locator('#articles li').nth(0).locator('.clean-note');
      assert.match(await note.textContent(), /^Cleaned pasted HTML: kept [\d,]+ words of article text; removed scripts, styles, .*images and markup\. Title taken from the page\./);
      await page.locator('#articles li').nth(0).screenshot({ path: screenshotPath('html-paste.png') });
      await note.getByRole('button', { name: 'Undo cleanup' }).click();
      await waitForText(page, 1, typed + source);
      assert.equal(await titleOf(page, 1).inputValue(), '', 'the title the cleanup filled is taken back');
      assert.match(await note.textContent(), /^Cleanup undone/);
      assert.equal(await note.locator('.undo-cleanup').isVisible(), false, 'one undo per cleanup');

      // A rich clipboard with the page as HTML and no plain text: cleaned; undo gives the HTML.
      const html = fixture('aljazeera.html');
      const c2 = expectedClean(html);
      await paste(page, 2, { 'text/html': html, 'text/plain': '' });
      await waitForText(page, 2, c2.text);
      // Text typed after the cleanup survives the undo.
      await textOf(page, 2).press('Control+End');
      await textOf(page, 2).pressSequentially(' My edit.');
      await page.locator('#articles li').nth(1).getByRole('button', { name: 'Undo cleanup' }).click();
      await waitForText(page, 2, html + ' My edit.');

      // Ordinary text, and a short rich copy from a page, paste as the browser does.
      await textOf(page, 2).fill('');
      assert.equal(await paste(page, 2, { 'text/plain': 'Officials met <briefly> in Istanbul.', 'text/html': '<p>Officials met &lt;briefly&gt; in <b>Istanbul</b>.</p>' }), false);
    });
  });

  test('the word count under a box is the cleaned text\'s as soon as it is in, and the raw paste\'s right after Undo', async () => {
    // The count used to follow only when typing paused (300 ms): the raw page's count, or "Empty",
    // stayed under the cleaned text until then.
    const source = fixture('thespacereview.html');
    const cleaned = expectedClean(source);
    const html = fixture('aljazeera.html');
    const fromFile = expectedClean(html);
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const [id1, id2] = [await textOf(page, 1).getAttribute('id'), await textOf(page, 2).getAttribute('id')];
      assert.notEqual(wordsLine(cleaned.text), wordsLine(source), 'the cleanup changes the count');

      // A paste: the count is the cleaned text's in the frame the text arrives.
      const pasted = countWhenText(page, id1, cleaned.text);
      await paste(page, 1, { 'text/plain': source });
      assert.equal(await pasted, wordsLine(cleaned.text), 'the count when the cleaned paste is in');
      // Undo: the raw paste's count at once (read in the same task as the click).
      const undone = await page.evaluate(() => {
        const li = document.querySelector('#articles li');
        li.querySelector('.undo-cleanup').click();
        return li.querySelector('.words').textContent;
      });
      assert.equal(undone, wordsLine(source), 'the count right after Undo cleanup');

      // A file: the same.
      const filed = countWhenText(page, id2, fromFile.text);
      await page.locator('#open-files').setInputFiles([{ name: 'aljazeera.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
      assert.equal(await filed, wordsLine(fromFile.text), 'the count when the cleaned file is in');
      await page.locator('#articles li').nth(1).screenshot({ path: screenshotPath('html-file-count.png') });
      const undoneFile = await page.evaluate(() => {
        const li = document.querySelectorAll('#articles li')[1];
        li.querySelector('.undo-cleanup').click();
        return li.querySelector('.words').textContent;
      });
      assert.equal(undoneFile, wordsLine(html), 'the count right after undoing a file\'s cleanup');
    });
  });

  test('hostile HTML, pasted or as a file, never runs, adds no element and fetches nothing', async () => {
    const cleaned = expectedClean(XSS_PAGE);
    assert.match(cleaned.text, /prisoners of war/);
    await open(async ({ page, requests }) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        d.dismiss();
      });
      await page.goto(suite.url);
      await page.waitForFunction(() => document.querySelectorAll('#articles textarea').length >= 2);
      const before = await activeElements(page);
      await page.locator('#open-files').setInputFiles([{ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(XSS_PAGE) }]);
      await waitForText(page, 1, cleaned.text);
      assert.equal(await titleOf(page, 1).inputValue(), cleaned.title.trim());
      await paste(page, 2, { 'text/plain': XSS_PAGE });
      await waitForText(page, 2, cleaned.text);
      await paste(page, 2, { 'text/html': XSS_PAGE.repeat(3), 'text/plain': '' });
      await waitForText(page, 2, cleaned.text + expectedClean(XSS_PAGE.repeat(3)).text);
      // Undo puts the markup back, as text in the box.
      await page.locator('#articles li').nth(1).getByRole('button', { name: 'Undo cleanup' }).click();
      await waitForText(page, 2, cleaned.text + XSS_PAGE.repeat(3));
      await page.waitForTimeout(500); // time for an image error or a frame to fire, if one existed
      assert.deepEqual(await flags(page), [], 'no payload ran');
      assert.equal(dialogs, 0, 'no dialog opened');
      assert.equal(await activeElements(page), before, 'no element was added to the page');
      const origin = new URL(suite.url).origin;
      assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith(`blob:${origin}`)), []);
      assert.ok(!requests.some((u) => /\/x$/.test(u)), 'the img src was never fetched');
    });
  });

  test('the single-file build cleans a chosen HTML file from file://', async (t) => {
    if (!existsSync(DIST_FILE)) return t.skip('dist/corroborate.html not built (make dist)');
    const html = readFileSync(DIST_FILE, 'utf8');
    assert.match(html, /case 'clean'/, 'the dist worker handles the clean request');
    const expected = expectedClean(fixture('sciencealert.html'));
    await withPage(suite.browser, { allowRequest: fileOnly }, async ({ page }) => {
      await page.goto(DIST_URL);
      await page.locator('#open-files').setInputFiles([{ name: 'sciencealert.html', mimeType: 'text/html', buffer: Buffer.from(fixture('sciencealert.html')) }]);
      await waitForText(page, 1, expected.text);
      assert.equal(await titleOf(page, 1).inputValue(), expected.title.trim());
      assert.match(await page.locator('#version').textContent(), /background worker/);
    });
  });
});
