// Odd input in the served page: each case gets a clear, specific message, the text stays in its
// box, and the page keeps working (Compare on the example afterwards). Also: the size limit shown
// while typing, the time limit, and a worker that dies mid-comparison.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  EXAMPLE_ARTICLES,
  ROOT,
  compareAndWait,
  expectedError,
  expectedReport,
  servedSuite,
  textareas,
} from './helpers.mjs';
import * as limits from '../../www/limits.js';

const suite = servedSuite({ contextOptions: { serviceWorkers: 'block' } });
const { open } = suite;
const ENGLISH = EXAMPLE_ARTICLES[0].text;

/** Puts these texts in the boxes (through the saved record: fast for 200 boxes) and reloads. */
async function setArticles(page, texts) {
  await page.goto(suite.url);
  await textareas(page).first().waitFor();
  await page.evaluate(async (texts) => {
    const s = await import('./storage.js');
    await (await s.indexedDbBackend()).set('state', s.serializeRecord({ articles: texts.map((text) => ({ title: '', text })) }));
  }, texts);
  await page.reload();
  await textareas(page).nth(texts.length - 1).waitFor();
}

/** Compare fails with this alert; the boxes keep their text. */
async function expectAlert(page, texts, pattern) {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const shown = await alert.textContent();
  assert.match(shown, pattern);
  await assertKept(page, texts);
  return shown;
}

async function assertKept(page, texts) {
  const values = await textareas(page).evaluateAll((els) => els.map((el) => el.value));
  assert.equal(values.length, Math.max(texts.length, 2));
  texts.forEach((t, i) => assert.ok(values[i] === t, `Article ${i + 1} keeps its text`));
}

/** The page still works: the example compares. */
async function assertStillWorks(page) {
  page.once('dialog', (d) => d.accept()); // "Replace your articles with the example?"
  await page.getByRole('button', { name: 'Load example' }).click();
  assert.match(await compareAndWait(page), /^Compared 5 articles/);
  assert.ok(await page.locator('#error').isHidden(), 'no alert left over');
}

/**
 * Compares [odd, English seed]; asserts the warning the engine gives for the odd article is
 * shown, matches `pattern`, and the text is kept. Returns the warning message.
 */
async function expectWarning(texts, kind, pattern, { source = 0 } = {}) {
  const articles = texts.map((text, i) => ({ id: `Article ${i + 1}`, text }));
  const report = await expectedReport(articles);
  const warning = report.sources[source].warnings.find((w) => w.kind === kind);
  assert.ok(warning, `the engine warns ${kind}: ${JSON.stringify(report.sources[source].warnings)}`);
  assert.match(warning.message, pattern);
  await open(async ({ page }) => {
    await setArticles(page, texts);
    await compareAndWait(page);
    const list = page.locator('#report .warning').filter({ hasText: warning.message });
    assert.ok((await list.count()) >= 1, `the page shows: ${warning.message.slice(0, 80)}`);
    assert.ok(await list.first().isVisible());
    await assertKept(page, texts);
    await assertStillWorks(page);
  });
  return warning.message;
}

describe('odd input', () => {
  test('0 articles: Compare says to add two', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await textareas(page).first().waitFor();
      const message = await expectError([]);
      assert.equal(await expectAlert(page, [], /no articles given/), `Could not compare: ${message}`);
      await assertStillWorks(page);
    });
  });

  test('1 article: Compare says to add one more; the text stays', async () => {
    await open(async ({ page }) => {
      await setArticles(page, [ENGLISH]);
      await expectAlert(page, [ENGLISH], /^Could not compare: only 1 article given: add at least one more/);
      await assertStillWorks(page);
    });
  });

  test('200 identical articles: refused as one source; with one different article, the copies are left out', async () => {
    const texts = Array(200).fill(ENGLISH);
    await open(async ({ page }) => {
      await setArticles(page, texts);
      assert.equal(await textareas(page).count(), 200);
      await expectAlert(
        page,
        texts,
        /^Could not compare: all 200 articles have the same text \(199 are copies of Article 1\), so there is only one source\. Add articles from other sources\.$/,
      );
      // One article from another source: compared, and the status says what was left out.
      const other = EXAMPLE_ARTICLES[1].text;
      await page.getByLabel('Article 200 text').fill(other);
      const t0 = Date.now();
      const status = await compareAndWait(page);
      console.log(`# 199 copies + 1 other article: compared and shown in ${Date.now() - t0} ms`);
      assert.match(
        status,
        /^Compared 2 articles in \d+ ms: .* 198 articles were left out as copies of another one \(Article 2 = Article 1, Article 3 = Article 1, Article 4 = Article 1, …\)\.$/,
      );
      assert.deepEqual(await page.locator('#overview .source-line .source-tag').allTextContents(), ['Article 1', 'Article 200']);
      await assertKept(page, [...texts.slice(0, 199), other]);
      await assertStillWorks(page);
    });
  });

  test('a copy among different articles: left out, named in the status', async () => {
    const texts = [ENGLISH, EXAMPLE_ARTICLES[1].text, `  ${ENGLISH.replace(/\n/g, '\n\n')} `];
    await open(async ({ page }) => {
      await setArticles(page, texts);
      assert.match(await compareAndWait(page), /^Compared 2 articles in \d+ ms: .* 1 article was left out as a copy of another one \(Article 3 = Article 1\)\.$/);
      await assertKept(page, texts);
    });
  });

  test('five articles on five stories: the overview says they do not tell one story, not that they agree', async () => {
    const dir = join(ROOT, 'tests', 'fixtures', 'unrelated');
    const texts = ['mealprep', 'panarmenian', 'epstein_guards', 'titan_map', 'gannett_merger'].map((n) => readFileSync(join(dir, `${n}.txt`), 'utf8'));
    await open(async ({ page }) => {
      await setArticles(page, texts);
      assert.match(await compareAndWait(page), /^Compared 5 articles/);
      const note = page.locator('#overview .unrelated');
      await note.waitFor();
      assert.match(await note.textContent(), /do not seem to tell one story/);
      assert.equal(await page.locator('#overview .overview-none').count(), 0, 'no "do not contradict each other" line');
      assert.equal(await page.locator('#overview .flag').count(), 5, 'each source flagged');
      await assertKept(page, texts);
    });
  });

  test('many warnings on one source: the rarest kind first, five, then "Show more"', async () => {
    // Eleven repeated lines, then one boilerplate line (last in the engine's order).
    const lines = ['Eat every 2-3 hours', ...ENGLISH.split('\n').filter((l) => l.trim())];
    const listy = [...lines, ...Array(11).fill(lines[0]), 'Read the original article here'].join('\n');
    const texts = [listy, EXAMPLE_ARTICLES[1].text];
    await open(async ({ page }) => {
      await setArticles(page, texts);
      await compareAndWait(page);
      const list = page.locator('#overview .warnings').first();
      await list.waitFor();
      const shown = await list.locator('.warning').allTextContents();
      assert.equal(shown.length, 5, shown.join('\n'));
      assert.match(shown[0], /^⚠?\s*Boilerplate:/);
      assert.ok(shown.slice(1).every((w) => /Repeated line:/.test(w)), shown.join('\n'));
      const more = page.locator('#overview .show-more').first();
      assert.match(await more.textContent(), /^Show 5 more warnings \(7 not shown\)$/);
      await more.click();
      await page.waitForFunction(() => document.querySelector('#overview .warnings').querySelectorAll('.warning').length === 10);
    });
  });

  test('a 20 MB article: the size and the limit shown as it is pasted, Compare refuses with the engine\'s message, the text is kept, the page keeps working', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await textareas(page).first().waitFor();
      await page.getByLabel('Article 2 text').fill(ENGLISH);
      // Pasted in the page (megabytes through the test protocol would measure the protocol): the
      // value set and an input event, as a paste makes.
      const MB = 20;
      const unit = ENGLISH.replace(/\s+/g, ' ') + ' ';
      const big = unit.repeat(Math.ceil((MB * 1e6) / unit.length)).slice(0, MB * 1e6);
      const size = (Buffer.byteLength(big) / 1e6).toFixed(1).replace('.', '\\.'); // 20 M characters, some of them 3 bytes
      const pasteMs = await page.evaluate(([unit, mb]) => {
        const el = document.querySelector('#articles textarea');
        const t0 = performance.now();
        el.value = unit.repeat(Math.ceil((mb * 1e6) / unit.length)).slice(0, mb * 1e6);
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        return Math.round(performance.now() - t0);
      }, [unit, MB]);
      const words = page.locator('#articles .words').first();
      const t0 = Date.now();
      await words.filter({ hasText: 'MB' }).waitFor({ timeout: 60_000 });
      const countMs = Date.now() - t0;
      assert.match(await words.textContent(), new RegExp(`^[\\d,]+ words · ${size} MB, over the 5 MB limit for one article: it cannot be compared$`));

      const t1 = Date.now();
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      const refuseMs = Date.now() - t1;
      const message = await expectError([{ id: 'Article 1', text: big }, { id: 'Article 2', text: ENGLISH }]);
      assert.match(message, new RegExp(`^article "Article 1" is ${size} MB, over the 5 MB limit for one article`));
      assert.equal(await alert.textContent(), `Could not compare: ${message}`);
      // The text stays in its box (checked in the page: 20 MB is not read back over the protocol).
      const kept = await page.evaluate(([head, tail]) => {
        const v = document.querySelector('#articles textarea').value;
        return { length: v.length, head: v.startsWith(head), tail: v.endsWith(tail) };
      }, [big.slice(0, 200), big.slice(-200)]);
      assert.deepEqual(kept, { length: MB * 1e6, head: true, tail: true });
      assert.equal(await page.getByLabel('Article 2 text').inputValue(), ENGLISH);

      // Still responsive: another control works within a few seconds.
      const t2 = Date.now();
      await page.getByRole('button', { name: 'Add article' }).click({ timeout: 5000 });
      await page.getByLabel('Article 3 text').waitFor({ timeout: 5000 });
      const clickMs = Date.now() - t2;
      assert.ok(clickMs < 5000, `Add article took ${clickMs} ms`);
      console.log(`# ${MB} MB paste: value set in ${pasteMs} ms, size shown after ${countMs} ms, refused ${refuseMs} ms after Compare, Add article ${clickMs} ms`);

      // Removed (the page asks first), the example compares.
      page.once('dialog', (d) => d.accept());
      await page.getByRole('button', { name: 'Remove Article 1' }).click();
      assert.equal(await textareas(page).count(), 2);
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), ENGLISH);
      await assertStillWorks(page);
    });
  });

  test('a 100,000-character sentence with no punctuation: compared quickly, with a warning', async () => {
    const words = ENGLISH.toLowerCase().replace(/[^a-z ]+/g, ' ').split(/\s+/).filter(Boolean);
    let sentence = '';
    for (let i = 0; sentence.length < 100_000; i++) sentence += words[i % words.length] + ' ';
    sentence = sentence.slice(0, 100_000);
    const t0 = Date.now();
    const message = await expectWarning([sentence, ENGLISH], 'long-sentence', /^a passage of \d+ words has no sentence punctuation, so it is read as one sentence/);
    console.log(`# 100,000-character sentence: ${message.match(/\d+ words/)[0]}, page test ${Date.now() - t0} ms`);
  });

  test('only numbers', async () => {
    const numbers = Array.from({ length: 300 }, (_, i) => String((i * 7919) % 100000)).join(' ');
    await expectWarning([numbers, ENGLISH], 'no-words', /^this article has 300 numbers but no words/);
  });

  test('only punctuation', async () => {
    await expectWarning(['.,;:!?—()[]"\'… '.repeat(200), ENGLISH], 'no-words', /only punctuation, symbols or emoji: there is nothing in it to compare/);
  });

  test('binary junk', async () => {
    // No \r: a textarea turns it into \n, which is the browser's doing, not a loss.
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 0x250 || 0xfffd)).join('').replace(/\r/g, '\ufffd');
    await expectWarning([junk, ENGLISH], 'binary', /^this looks like binary data, not text: \d+ of \d+ characters are control codes/);
  });

  for (const [language, text, named] of [
    ['Russian', 'Переговоры в Стамбуле завершились менее чем за два часа. Стороны договорились об обмене 1000 военнопленными. ', 'Russian'],
    ['Ukrainian', 'Переговори в Стамбулі завершилися менш ніж за дві години. Сторони домовилися про обмін 1000 військовополоненими. ', 'Ukrainian'],
    ['Arabic', 'انتهت المحادثات في إسطنبول بعد أقل من ساعتين. واتفق الجانبان على تبادل 1000 أسير حرب. ', 'Arabic script, written right to left'],
    ['Chinese', '伊斯坦布尔的谈判在不到两个小时后结束。双方同意交换1000名战俘。', 'Chinese'],
  ]) {
    test(`text in ${language}: named, with what works and what does not`, async () => {
      const message = await expectWarning([text.repeat(4), ENGLISH], 'not-english', new RegExp(`^this text looks like ${named}`));
      assert.match(message, /What still works: sentences, numbers written in digits, years, quotations and text reuse between articles\. What does not: names, roles, speakers, dates written in words, tone and most fact matching/);
    });
  }

  test('Arabic reads right to left in its box', async () => {
    await open(async ({ page }) => {
      await setArticles(page, ['انتهت المحادثات في إسطنبول بعد أقل من ساعتين.', ENGLISH]);
      const dirs = await textareas(page).evaluateAll((els) => els.map((el) => getComputedStyle(el).direction));
      assert.deepEqual(dirs, ['rtl', 'ltr']);
    });
  });

  test('emoji only', async () => {
    await expectWarning(['🇺🇦🤝🇷🇺 😀😀 🎉🔥💯 '.repeat(50), ENGLISH], 'no-words', /no words or numbers, only punctuation, symbols or emoji/);
  });

  test('mixed-script homoglyph names', async () => {
    const text = 'Zеlеnsky met Рutin in Istanbul on Friday, and the two delegations agreed to exchange 1,000 prisoners of war. '.repeat(3);
    await expectWarning([text, ENGLISH], 'mixed-script', /^\d+ words mix Latin letters with look-alike letters of another script, e\.g\. "Zеlеnsky" has Cyrillic "е" \(U\+0435\)/);
  });

  test('Windows-1252 mojibake', async () => {
    const text = 'Zelenskyâ€™s delegation arrived in Istanbul on Friday. â€œWe are ready for peace,â€\u009d he said, and the talks ended after less than two hours. ';
    await expectWarning([text.repeat(2), ENGLISH], 'encoding', /"Zelenskyâ€™s" should read "Zelensky’s" \(\d+ places\)/);
  });

  test('HTML with scripts, iframes and inline SVG: shown as text, never run, with a warning', async () => {
    const html =
      '<html><head><script>window.__ran = 1; alert(1)</script></head><body>' +
      '<iframe src="https://example.com/" onload="window.__ran = 2"></iframe>' +
      '<svg onload="window.__ran = 3"><script>window.__ran = 4</script><circle r="5"/></svg>' +
      `<p>${ENGLISH.split('\n').join('</p><p>')}</p><img src=x onerror="window.__ran = 5"></body></html>`;
    await expectWarning([html, ENGLISH], 'markup', /looks like HTML or XML markup/);
    await open(async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        d.dismiss();
      });
      await setArticles(page, [html, ENGLISH]);
      await compareAndWait(page);
      assert.equal(await page.evaluate(() => window.__ran), undefined, 'nothing in the pasted HTML ran');
      assert.equal(dialogs, 0);
      assert.equal(await page.locator('#report iframe, #report svg script, #report img[src="x"]').count(), 0);
    });
  });

  test('the size limits in the page are the engine\'s, and so are its messages about them', async () => {
    const just = 'x'.repeat(5_000_000);
    assert.match(await expectError([{ id: 'a', text: just + 'x' }, { id: 'b', text: 'y' }]), /over the 5 MB limit for one article/);
    await expectedReport([{ id: 'a', text: just }, { id: 'b', text: 'y' }]); // exactly at the limit: accepted
    assert.equal(limits.sizeError([{ id: 'a', text: just }, { id: 'b', text: 'y' }]), null);
    const lib = readFileSync(join(ROOT, 'src', 'lib.rs'), 'utf8');
    assert.match(lib, /pub const MAX_ARTICLE_BYTES: usize = 5_000_000;/);
    assert.match(lib, /pub const MAX_TOTAL_BYTES: usize = 50_000_000;/);
    assert.equal(limits.MAX_ARTICLE_BYTES, 5_000_000);
    assert.equal(limits.MAX_TOTAL_BYTES, 50_000_000);
    // The page refuses what the engine would, in its words (sizes where rounding could differ,
    // 2- and 3-byte characters, an empty article before a big one, the total limit).
    const cases = [5_000_001, 5_050_000, 5_149_999, 5_150_000, 5_250_000, 5_750_000, 6_250_000, 20_049_999, 20_050_000, 20_250_000]
      .map((n) => [{ id: 'Article 1', text: 'x'.repeat(n) }, { id: 'Article 2', text: 'y' }]);
    cases.push([{ id: 'a', text: 'y' }, { id: 'b', text: 'é'.repeat(2_500_001) }]);
    cases.push([{ id: 'a', text: 'y' }, { id: 'b', text: '€'.repeat(1_750_000) }]);
    cases.push([{ id: 'a', text: '  ' }, { id: 'b', text: 'x'.repeat(6e6) }]);
    cases.push(Array.from({ length: 11 }, (_, i) => ({ id: `Article ${i + 1}`, text: 'x'.repeat(4_900_000) })));
    for (const articles of cases) {
      const mine = limits.sizeError(articles);
      const engine = await expectError(articles);
      if (mine !== null) assert.equal(mine, engine, `${articles.map((a) => a.text.length)}`);
      else assert.doesNotMatch(engine, /MB/, 'the page leaves to the engine only what it refuses for another reason');
    }
  });

  test('a comparison over the time limit is stopped with a message; the next one works', async () => {
    await open(async ({ page, context }) => {
      await context.addInitScript(() => {
        window.CORROBORATE_COMPARE_TIMEOUT_MS = 200;
      });
      // Two articles of ~2 MB of distinct lines each (repeated lines would be dropped), alike
      // line for line, so the comparison has much to match: ~0.8 s natively (2026-11-23), more in
      // the wasm, well over the 200 ms limit. (With a 1 s limit the test failed now and then once
      // the engine had become faster.)
      const long = (tag) => Array.from({ length: 800 }, (_, i) => ENGLISH.replace(/\n+/g, ` (${tag}${i}) `)).join('\n');
      const texts = [long('a'), long('b'), ENGLISH];
      await setArticles(page, texts);
      await expectAlert(page, texts, /^Could not compare: the comparison took longer than 200 ms and was stopped\. Compare fewer or shorter articles; your articles are unchanged\.$/);
      await page.evaluate(() => {
        window.CORROBORATE_COMPARE_TIMEOUT_MS = undefined;
      });
      await assertStillWorks(page);
    });
  });

  test('the worker dying mid-comparison: the page says so, restarts it, and keeps every article', async () => {
    // The first worker the page starts dies (like an out-of-memory kill) on its first compare;
    // the restarted one is the real worker.js.
    const dying = `
      self.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'init' || m.type === 'version') return self.postMessage({ id: m.id, ok: true, version: 'dying' });
        setTimeout(() => { throw new Error('out of memory (simulated)'); });
      };`;
    let served = 0;
    await open(
      async ({ page, context }) => {
        const texts = [ENGLISH, EXAMPLE_ARTICLES[1].text, 'A third article, typed just now.'];
        await setArticles(page, texts);
        await context.route('**/worker.js', (route) =>
          served++ === 0 ? route.fulfill({ status: 200, contentType: 'text/javascript', body: dying }) : route.continue());
        await page.reload();
        await textareas(page).nth(2).waitFor();
        await expectAlert(page, texts, /^Could not compare: the comparison engine stopped unexpectedly.*out of memory \(simulated\).*restarted; please try again\.$/);
        assert.match(await compareAndWait(page), /^Compared 3 articles/);
        await assertKept(page, texts);
        assert.ok(served >= 2, 'a new worker was started');
      },
      { allowConsoleError: (t) => /out of memory \(simulated\)/.test(t) },
    );
  });
});

async function expectError(articles) {
  return expectedError(articles);
}
