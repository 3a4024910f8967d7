// The served page (www/ over http://127.0.0.1): compare, safety, persistence, errors, offline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  EXAMPLE_ARTICLES,
  ROOT,
  assertAnalysesShown,
  assertReportShown,
  compareAndWait,
  exampleInput,
  expectedError,
  expectedMarkdown,
  expectedReport,
  localOnly,
  screenshotPath,
  servedSuite,
  shownCounts,
  shownPercent,
  squash,
  startServer,
  textareas,
  withPage,
} from './helpers.mjs';

const suite = servedSuite();
const { open } = suite;

describe('served page', () => {
  test('compares the example: overview, facts with evidence, conflicts, entities, exports', async () => {
    await open(async ({ page, requests }) => {
      await page.goto(suite.url);
      await page.getByRole('button', { name: 'Load example' }).click();
      assert.equal(await textareas(page).count(), EXAMPLE_ARTICLES.length);
      for (const [i, a] of EXAMPLE_ARTICLES.entries()) {
        assert.equal(await page.getByLabel(`Article ${i + 1} text`).inputValue(), a.text);
      }
      const status = await compareAndWait(page);
      assert.match(status, /^Compared 5 articles in \d+ ms/);

      const input = exampleInput(EXAMPLE_ARTICLES);
      const report = await expectedReport(input);
      await assertReportShown(page, report, input);
      const shown = await shownCounts(page);
      assert.equal(shown.sources, 5);
      assert.ok(shown.corroborated + shown.single > 0, 'some fact is shown');
      // A sentence of the seed story itself (Article 1 tells of the prisoner exchange).
      await assert.doesNotReject(
        page.locator('#report .evidence-text, #report .fact-summary').filter({ hasText: 'prisoners of war' }).first().waitFor(),
      );
      // The analyses: the engine flags a source of the seeds as another event (which one is the
      // engine's business; the page must name the same one), omissions, tone, text reuse.
      assert.ok(report.different_event.length > 0, 'the engine flags a seed article as a different event');
      assert.ok(report.omissions.length > 0, 'the seeds have omissions');
      await assertAnalysesShown(page, report);
      for (const h of ['Overview', 'Possibly a different event', 'Conflicts', 'Corroborated facts', 'Single-source details', 'Omissions', 'Tone', 'Text reuse', 'Quotes', 'Dates']) {
        assert.ok(await page.getByRole('heading', { name: new RegExp(`^${h}`) }).isVisible(), `heading ${h}`);
      }
      // Basic accessibility: every control is labelled, every button named, headings do not skip levels.
      const a11y = await page.evaluate(() => {
        const unlabelled = [...document.querySelectorAll('input, textarea, select')].filter((el) => el.labels.length === 0).map((el) => el.id);
        const unnamed = [...document.querySelectorAll('button')].filter((b) => !(b.getAttribute('aria-label') || b.textContent).trim()).length;
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
        const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1).length;
        return { unlabelled, unnamed, skips, h1: levels.filter((l) => l === 1).length, lang: document.documentElement.lang };
      });
      assert.deepEqual(a11y, { unlabelled: [], unnamed: 0, skips: 0, h1: 1, lang: 'en' });
      // The engine ran in the worker, whose requests the page saw come from this server.
      assert.match(await page.locator('#version').textContent(), /background worker/);
      assert.ok(requests.some((u) => u.endsWith('/pkg/corroborate_bg.wasm')), 'the wasm was fetched locally');

      // (The checks above opened every tone card's list of words; keep the first open for the pictures.)
      await page.locator('#tone details.hits').evaluateAll((els) => els.forEach((d, i) => { d.open = i === 0; }));
      await page.locator('#results').screenshot({ path: screenshotPath('results.png') });
      for (const id of ['facts', 'different-event', 'omissions', 'tone', 'text-reuse', 'dates']) {
        await page.locator(`#${id}`).screenshot({ path: screenshotPath(`section-${id}.png`) });
      }
      await page.screenshot({ path: screenshotPath('page.png'), fullPage: true });

      const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
      assert.equal(json.suggestedFilename(), 'corroborate-report.json');
      assert.deepEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), report);
      const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
      assert.equal(md.suggestedFilename(), 'corroborate-report.md');
      assert.equal(readFileSync(await md.path(), 'utf8'), await expectedMarkdown(input));

      // Editing an article flags the results as out of date.
      assert.ok(await page.locator('#stale-note').isHidden());
      await page.getByLabel('Article 2 text').press('End');
      await page.getByLabel('Article 2 text').pressSequentially(' More.');
      await page.locator('#stale-note').waitFor();
    });
  });

  test('pasted markup is shown as text and never runs', async () => {
    const a = 'Officials met in <img src=x onerror="window.__xss=1"> Istanbul on Friday. ' +
      '<script>window.__xss=1</script> The talks lasted less than two hours.';
    const b = '<svg onload="window.__xss=1"><circle r="5"/></svg> Officials met in Istanbul on Friday. ' +
      'The talks lasted just over an hour. <b onmouseover="window.__xss=1">Bold claim</b>';
    const title = '<img src=x onerror="window.__xss=2">';
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.getByLabel('Article 1 title (optional)').fill(title);
      await page.getByLabel('Article 1 text').fill(a);
      await page.getByLabel('Article 2 text').fill(b);
      await compareAndWait(page);
      await page.waitForTimeout(300); // time for a broken image's onerror to fire, if it existed
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator('#main img, #main svg, #main script, #main b, #main circle').count(), 0);

      // The literal markup is on screen as text: the title in the sources list, and the
      // sentences exactly as the engine gives them.
      const input = [{ id: 'Article 1', title, text: a }, { id: 'Article 2', text: b }];
      const report = await expectedReport(input);
      await assertReportShown(page, report, input);
      assert.ok(await page.locator('.source-title', { hasText: title }).isVisible(), 'title shown as text');
      const shownText = await page.locator('#report').textContent();
      const markup = ['<script>window.__xss=1</script>', '<svg onload="window.__xss=1">', 'onerror="window.__xss=1"'];
      const evidence = report.facts.flatMap((f) => f.evidence.map((e) => e.text)).join('\n');
      for (const m of markup.filter((m) => evidence.includes(m))) assert.ok(shownText.includes(m), `shows ${m}`);
      // Reload: the markup comes back from storage as text too.
      await page.reload();
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), a);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
    });
  });

  test('renders every kind of report content as text (synthetic report)', async () => {
    const evil = (tag) => `<img src=x onerror="window.__xss='${tag}'"><script>window.__xss='${tag}'</script>`;
    const ev = (source, text) => ({ source, sentence: 0, start: 0, end: text.length, text });
    const report = {
      schema_version: 1,
      offset_unit: 'utf-16',
      sources: [
        { id: 'A', title: `Title ${evil('title')}`, words: 10, sentences: 1, sentence_spans: [[0, 5]],
          warnings: [{ kind: 'boilerplate', message: `Dropped ${evil('warning')}`, start: 0, end: 10 }] },
        { id: 'B', title: 'Plain title', words: 12, sentences: 2, sentence_spans: [[0, 5]], warnings: [] },
      ],
      entities: [{ id: 'e0', name: `Umerov ${evil('entity')}`, kind: 'person', variants: ['Rustem Umerov'], sources: ['A', 'B'],
        roles: [{ role: 'Defense Minister (Ukraine)', sources: ['A', 'B'], evidence: [] }], mentions: [] }],
      facts: [
        { id: 'f0', summary: `Both sides will swap prisoners ${evil('fact')}`, sources: ['A', 'B'], corroboration: 2,
          evidence: [ev('A', `A says prisoners ${evil('evidence')}`), ev('B', 'B says prisoners too')] },
        { id: 'f1', summary: 'Only A says this.', sources: ['A'], corroboration: 1, evidence: [ev('A', 'Only A says this.')], partly_in: ['f0'] },
      ],
      conflicts: [
        { kind: 'number', severity: 'compatible', subject: 'talks duration', fact: null,
          values: [{ value: 'less than two hours', sources: ['A'], evidence: [ev('A', 'The talks lasted less than two hours.')] },
                   { value: 'just over an hour', sources: ['B'], evidence: [ev('B', 'It took just over an hour.')] }] },
        { kind: 'role', severity: 'conflict', subject: `Donald Trump ${evil('subject')}`, fact: 'f0',
          values: [{ value: `U.S. President ${evil('value')}`, sources: ['A'], evidence: [ev('A', 'U.S. President Donald Trump.')] },
                   { value: 'Ukrainian President', sources: ['B'], evidence: [ev('B', 'Ukrainian President Donald Trump.')] }] },
      ],
      quotes: [{ text: `We are ready ${evil('quote')}`, speaker: null, sources: ['A', 'B'], evidence: [] }],
      numbers: [],
      dates: [{ source: 'B', text: `May 12 ${evil('date')}`, value: '--05-12', sentence: 0, start: 0, end: 6 }],
      omissions: [{ source: 'B', fact: 'f1', summary: `Only A says this ${evil('omission')}`, told_by: ['A'] }],
      different_event: [{ source: 'B', reasons: [`describes a later round ${evil('reason')}`], evidence: [ev('B', `The latest round ${evil('event')}`)] }],
      text_reuse: {
        matrix: [[1, 0.42], [0.0031, 1]],
        passages: [{
          a: { source: 'A', start: 0, end: 10, text: `Shared wire copy ${evil('reuse-a')}` },
          b: { source: 'B', start: 0, end: 10, text: `Shared wire copy, edited ${evil('reuse-b')}` },
          words: 12, similarity: 0.875,
        }],
      },
      tone: [
        { source: 'A', sentences: 3, opinion_sentences: 1, fact_sentences: 1, opinion_share: 0.333,
          loaded: [
            { sentence: 0, start: 11, end: 17, text: 'scribe', entry: 'scribe', category: 'emotive', explanation: 'emotive: appeals to feelings' },
            { sentence: 1, start: 0, end: 3, text: `slammed ${evil('hit')}`, entry: 'slammed', category: `emotive ${evil('category')}`, explanation: `Why ${evil('explanation')}` },
          ],
          hedges: [{ sentence: 0, start: 0, end: 1, text: 'reportedly', entry: 'reportedly', category: 'hedge', explanation: 'hedge: softens the claim' }],
          attribution: [{ sentence: 0, start: 0, end: 1, text: 'claimed', entry: 'claimed', category: 'doubt', explanation: 'doubt: casts doubt on what was said' }],
          attribution_counts: { doubt: 1, emotive: 0, endorse: 0, neutral: 0 } },
        { source: 'B', sentences: 2, opinion_sentences: 0, fact_sentences: 2, opinion_share: 0,
          loaded: [], hedges: [], attribution: [], attribution_counts: { doubt: 0, emotive: 0, endorse: 0, neutral: 0 } },
      ],
    };
    const articles = [{ id: 'A', text: '<b>Sub</b> scribe now. Rest.' }, { id: 'B', text: 'x' }];
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.evaluate(async ({ report, articles }) => {
        const { renderReport } = await import('./render.js');
        document.getElementById('report').replaceChildren(renderReport(report, { articles }));
        document.getElementById('results').hidden = false;
      }, { report, articles });
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator('#report img, #report script, #report b').count(), 0);

      assert.deepEqual(await shownCounts(page), { sources: 2, corroborated: 1, conflicts: 2, single: 1 });
      // Hard conflicts come first, with their kind and severity.
      const conflicts = page.locator('#conflicts .conflict');
      assert.equal(await conflicts.count(), 2);
      const first = conflicts.nth(0);
      assert.equal(await first.locator('h4').textContent(), `Donald Trump ${evil('subject')}`);
      assert.ok((await first.textContent()).includes('cannot all be true'));
      assert.ok((await first.locator('.badge').allTextContents()).includes('Role or title'));
      assert.ok((await first.textContent()).includes(`About: Both sides will swap prisoners ${evil('fact')}`));
      const values = first.locator('.value');
      assert.equal(await values.count(), 2);
      assert.equal(await values.nth(0).locator('.value-text').textContent(), `U.S. President ${evil('value')}`);
      assert.equal(await values.nth(0).locator('.value-line .source-tag').textContent(), 'A');
      assert.equal(await values.nth(1).locator('.evidence-text').textContent(), 'Ukrainian President Donald Trump.');
      assert.ok((await conflicts.nth(1).textContent()).includes('can all be true'));

      const fact = page.locator('#facts .fact');
      assert.equal(await fact.locator('.fact-summary').textContent(), `Both sides will swap prisoners ${evil('fact')}`);
      assert.ok((await fact.textContent()).includes('2 of 2 sources'));
      assert.deepEqual(await fact.locator('.evidence .source-tag').allTextContents(), ['A', 'B']);
      assert.equal(await fact.locator('.evidence-text').first().textContent(), `A says prisoners ${evil('evidence')}`);
      // B is flagged as possibly about a different event: said under the fact it "corroborates".
      assert.equal(squash(await fact.locator('.caveat').textContent()), 'Possibly about a different event: B (only 1 source of this event tells it)');
      assert.ok((await page.locator('#details').textContent()).includes('Only in A (1)Only A says this.'));
      // The corroborated fact the detail partly tells, linked.
      const partly = page.locator('#details .partly');
      assert.equal(await partly.textContent(), `Partly corroborated: Both sides will swap prisoners ${evil('fact')} (2 sources)`);
      assert.equal(await partly.locator('a').getAttribute('href'), '#fact-f0');

      const entity = page.locator('#entities .entity');
      assert.equal(await entity.locator('h4').textContent(), `Umerov ${evil('entity')}`);
      assert.ok((await entity.textContent()).includes('Also written: Rustem Umerov'));
      assert.ok((await entity.locator('.roles').textContent()).includes('Defense Minister (Ukraine)'));
      const quote = page.locator('#quotes .quote');
      assert.equal(await quote.locator('blockquote').textContent(), `We are ready ${evil('quote')}`);
      assert.ok((await quote.textContent()).includes('speaker not identified'));
      // A warning shows the passage it is about, cut from the article by its offsets.
      const warning = page.locator('.warning');
      assert.equal(await warning.count(), 1);
      assert.equal(squash(await warning.textContent()), `Boilerplate: Dropped ${evil('warning')} <b>Sub</b>`);

      // The analyses, markup and all, as text.
      await assertAnalysesShown(page, report);
      const flagged = page.locator('#different-event .different-event');
      assert.equal(await flagged.locator('.reasons li').textContent(), `describes a later round ${evil('reason')}`);
      assert.equal(await flagged.locator('.evidence-text').textContent(), `The latest round ${evil('event')}`);
      assert.equal(await page.locator('#omissions .omission .fact-summary').textContent(), `Only A says this ${evil('omission')}`);
      const [toneA, toneB] = [page.locator('#tone .tone-card').nth(0), page.locator('#tone .tone-card').nth(1)];
      assert.equal(await toneA.locator('.share-num').textContent(), '33%');
      assert.equal(await toneB.locator('.share-num').textContent(), '0%');
      assert.equal(await toneB.locator('.hits-none').textContent(), 'No loaded words, hedges or attribution verbs.');
      const odd = toneA.locator('.hit').nth(1);
      assert.equal(await odd.locator('.hit-word').textContent(), `slammed ${evil('hit')}`);
      assert.equal(await odd.locator('.cat').textContent(), `emotive ${evil('category')}`);
      assert.equal(await odd.locator('.hit-why').textContent(), `Why ${evil('explanation')}`);
      assert.equal(await odd.locator('.hit-context').count(), 0, 'no context when the offsets do not fit the article');
      // A hit whose offsets fit is shown in its sentence, the article's markup as text.
      const fits = toneA.locator('.hit').first();
      assert.equal(await fits.locator('.hit-context').textContent(), '<b>Sub</b> scribe now. Rest.');
      assert.equal(await fits.locator('.hit-context mark').textContent(), 'scribe');
      assert.equal(await fits.locator('.hit-why').textContent(), 'appeals to feelings');
      assert.deepEqual(await page.locator('#text-reuse tbody tr').nth(0).locator('td').allTextContents(), ['—', '42%']);
      assert.deepEqual(await page.locator('#text-reuse tbody tr').nth(1).locator('td').allTextContents(), ['<1%', '—']);
      assert.equal(shownPercent(0.0031), '<1%');
      const passage = page.locator('#text-reuse .reuse-passage');
      assert.deepEqual(await passage.locator('.passage-text').allTextContents(),
        [`Shared wire copy ${evil('reuse-a')}`, `Shared wire copy, edited ${evil('reuse-b')}`]);
      assert.ok((await passage.textContent()).includes('similarity 88%'));
      assert.ok((await page.locator('#dates').textContent()).includes(`12 May, no year (written “May 12 ${evil('date')}”)`));
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator('#report img, #report script, #report b').count(), 0);
      await page.locator('#results').screenshot({ path: screenshotPath('synthetic-report.png') });
    });
  });

  test('render.js never parses report text as HTML', () => {
    const code = readFileSync(join(ROOT, 'www', 'render.js'), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)) // comments may name what is not used
      .join('\n');
    for (const re of [/innerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/, /createContextualFragment/, /DOMParser/, /setHTML/]) {
      assert.doesNotMatch(code, re);
    }
  });

  test('articles survive a reload; Clear all asks first', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.getByLabel('Article 1 title (optional)').fill('First headline');
      await page.getByLabel('Article 1 text').fill('The first article. It has two sentences.');
      await page.getByLabel('Article 2 text').fill('The second article.');
      await page.getByRole('button', { name: 'Add article' }).click();
      await page.getByLabel('Article 3 text').fill('The third article, ünïcödé “quoted” 😀.');
      await page.reload(); // straight away: the save must not wait for its timer
      await textareas(page).nth(2).waitFor(); // the boxes appear once the saved articles are read
      assert.equal(await textareas(page).count(), 3);
      assert.equal(await page.getByLabel('Article 1 title (optional)').inputValue(), 'First headline');
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), 'The first article. It has two sentences.');
      assert.equal(await page.getByLabel('Article 3 text').inputValue(), 'The third article, ünïcödé “quoted” 😀.');
      // Saved as storage.js's record (schema 2) in IndexedDB.
      const saved = JSON.parse(await page.evaluate(async () => (await (await import('./storage.js')).indexedDbBackend()).get('state')));
      assert.equal(saved.schema, 2);
      assert.equal(saved.articles.length, 3);

      // Removing an article with text asks; the others move up.
      page.once('dialog', (d) => d.accept());
      await page.getByRole('button', { name: 'Remove Article 2' }).click();
      assert.equal(await textareas(page).count(), 2);
      await page.reload();
      assert.equal(await page.getByLabel('Article 2 text').inputValue(), 'The third article, ünïcödé “quoted” 😀.');

      let asked = '';
      page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
      await page.getByRole('button', { name: 'Clear all' }).click();
      assert.match(asked, /Remove all articles/);
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), 'The first article. It has two sentences.');

      page.once('dialog', (d) => d.accept());
      await page.getByRole('button', { name: 'Clear all' }).click();
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), '');
      await page.reload();
      await textareas(page).nth(1).waitFor();
      assert.equal(await textareas(page).count(), 2);
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), '');
      assert.equal(await page.getByLabel('Article 1 title (optional)').inputValue(), '');
    });
  });

  test('an engine error is shown in the alert and the text is kept', async () => {
    const text = 'Only one article was pasted. It talks about Istanbul.';
    const message = await expectedError([{ id: 'Article 1', text }]);
    await open(async ({ page }) => {
      await page.goto(suite.url);
      await page.getByLabel('Article 1 text').fill(text);
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.textContent(), `Could not compare: ${message}`);
      assert.match(message, /only 1 article/);
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), text);
      assert.ok(await page.locator('#results').isHidden());
      assert.ok(await page.getByRole('button', { name: 'Compare', exact: true }).isEnabled());
      await page.reload();
      assert.equal(await page.getByLabel('Article 1 text').inputValue(), text);
      // Fixing the input clears the alert.
      await page.getByLabel('Article 2 text').fill('A second article about Istanbul.');
      await compareAndWait(page);
      assert.ok(await page.locator('#error').isHidden());
    });
  });

  test('works at 375px wide in dark mode', async () => {
    await open(
      async ({ page }) => {
        await page.goto(suite.url);
        await page.getByRole('button', { name: 'Load example' }).click();
        await compareAndWait(page);
        await page.locator('#tone details.hits summary').first().click(); // the words behind a tone row fit too
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          background: getComputedStyle(document.body).backgroundColor,
        }));
        assert.ok(layout.scrollWidth <= 375, `no sideways scrolling (scrollWidth ${layout.scrollWidth})`);
        assert.equal(layout.background, 'rgb(22, 24, 29)', 'dark background');
        await page.evaluate(() => document.getElementById('results').scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: screenshotPath('results-375-dark.png'), fullPage: false });
        for (const id of ['different-event', 'omissions', 'tone', 'text-reuse']) {
          await page.locator(`#${id}`).screenshot({ path: screenshotPath(`section-${id}-375-dark.png`) });
        }
      },
      { contextOptions: { viewport: { width: 375, height: 800 }, colorScheme: 'dark', isMobile: true, hasTouch: true } },
    );
  });

  test('the service worker caches the page, which then works offline', async () => {
    const own = await startServer({ port: 0 }); // stopped half-way: "offline"
    try {
      await withPage(suite.browser, { allowRequest: localOnly(own.url), allowConsoleError: (t) => /ERR_CONNECTION_REFUSED|Failed to load resource/.test(t) }, async ({ page, requests }) => {
        await page.goto(own.url);
        const sw = await page.evaluate(async () => {
          const reg = await navigator.serviceWorker.ready;
          const keys = await caches.keys();
          const cached = (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname);
          return { script: reg.active.scriptURL, scope: reg.scope, keys, cached };
        });
        assert.equal(sw.script, `${own.url}sw.js`);
        assert.equal(sw.scope, own.url);
        assert.equal(sw.keys.length, 1);
        assert.match(sw.keys[0], /^corroborate-v\d+/);
        // Everything the page and its worker loaded is in the cache (a new file must be added to sw.js).
        const loaded = new Set(requests.map((u) => new URL(u).pathname).filter((p) => p !== '/sw.js'));
        for (const path of ['/pkg/corroborate_bg.wasm', '/manifest.webmanifest', ...loaded]) {
          assert.ok(sw.cached.includes(path), `cached ${path}`);
        }
        await page.reload();
        assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);

        await own.close();
        await page.reload();
        await page.getByRole('button', { name: 'Load example' }).click();
        await compareAndWait(page);
        assert.equal((await shownCounts(page)).sources, 5);
      });
    } finally {
      await own.close();
    }
  });
});

describe('engine.js', () => {
  const articles = [
    { id: 'a', text: 'Talks in Istanbul ended after less than two hours. Both sides agreed to exchange 1,000 prisoners of war.' },
    { id: 'b', text: 'Russia and Ukraine agreed to swap 1,000 prisoners of war at the talks in Istanbul.' },
  ];

  test('worker by default; cancel rejects and the next request works; bad input rejects with the message', async () => {
    await open(async ({ page }) => {
      await page.goto(suite.url);
      const got = await page.evaluate(async (articles) => {
        const { createEngine } = await import('./engine.js');
        const engine = createEngine();
        const pending = engine.compare(articles);
        engine.cancel();
        const cancelled = await pending.then(() => 'resolved', (e) => e.name);
        const report = await engine.compare(articles);
        const bad = await engine.compare(articles.slice(0, 1)).then(() => 'resolved', (e) => e.message);
        const again = await engine.compare(articles);
        const md = await engine.markdown(articles);
        engine.terminate();
        return { kind: engine.kind, cancelled, sources: report.sources.length, bad, again: again.sources.length, md: typeof md };
      }, articles);
      assert.deepEqual(got, {
        kind: 'worker',
        cancelled: 'EngineCancelled',
        sources: 2,
        bad: await expectedError(articles.slice(0, 1)),
        again: 2,
        md: 'string',
      });
    });
  });

  test('falls back to the page thread when the worker cannot start', async () => {
    await open(
      async ({ page }) => {
        await page.goto(suite.url);
        const got = await page.evaluate(async (articles) => {
          const { createEngine } = await import('./engine.js');
          const broken = createEngine({ workerUrl: './no-such-worker.js' });
          const r1 = await broken.compare(articles);
          const inline = createEngine({ mode: 'inline' });
          const r2 = await inline.compare(articles);
          return { broken: broken.kind, n1: r1.facts.length, inline: inline.kind, n2: r2.facts.length };
        }, articles);
        assert.equal(got.broken, 'inline');
        assert.equal(got.inline, 'inline');
        assert.ok(got.n1 > 0 && got.n1 === got.n2);
      },
      { allowConsoleError: (t) => /404|Failed to load resource/.test(t) },
    );
  });

  test('compareInParts (the engine) and joinParts (core.js) give the report back', async () => {
    const { joinParts } = await import('../../www/core.js');
    const glue = await import('../../www/pkg/corroborate.js');
    const input = JSON.stringify(exampleInput(EXAMPLE_ARTICLES));
    const report = await expectedReport(exampleInput(EXAMPLE_ARTICLES));
    const parts = [];
    const rest = JSON.parse(glue.compareInParts(input, 2000, (path, json) => parts.push([path, JSON.parse(json), json.length])));
    assert.ok(parts.some(([p]) => p === 'facts') && rest.facts.length === 0, 'facts were split');
    // Each part is closed once it has reached 2,000 characters (the last of an array may be shorter).
    parts.forEach(([path, items, length], i) => {
      const last = parts[i + 1]?.[0] !== path;
      assert.ok(items.length > 0 && (last || length >= 2000), `part ${i} (${path}): ${length} characters`);
    });
    assert.deepEqual(joinParts(rest, parts.map(([p, items]) => [p, items])), report);
    // No array of the example's report reaches 1 MB of JSON (its facts are ~70 KB): one message.
    const none = [];
    assert.deepEqual(JSON.parse(glue.compareInParts(input, 1024 * 1024, (...part) => none.push(part))), report);
    assert.deepEqual(none, [], 'a report whose arrays are all under the part size is one message');
  });

  test('a big report comes in parts (worker.js) and is put back together in order', async () => {
    // A stand-in worker that answers as worker.js does for a big report: parts, then the rest.
    const parts = `
      self.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'init') return self.postMessage({ id: m.id, ok: true, version: 'parts' });
        const facts = Array.from({ length: 2500 }, (_, i) => ({ id: 'f' + i }));
        const passages = Array.from({ length: 1200 }, (_, i) => ({ k: i }));
        const send = (part, items) => self.postMessage({ id: m.id, part, json: JSON.stringify(items) });
        for (let i = 0; i < facts.length; i += 1000) send('facts', facts.slice(i, i + 1000));
        for (let i = 0; i < passages.length; i += 1000) send('text_reuse.passages', passages.slice(i, i + 1000));
        const rest = { sources: [{ id: 'a' }], facts: [], text_reuse: { matrix: [[1]], passages: [] } };
        self.postMessage({ id: m.id, ok: true, reportJson: JSON.stringify(rest) });
      };`;
    await open(
      async ({ page, context }) => {
        await context.route('**/parts-worker.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: parts }));
        await page.goto(suite.url);
        const got = await page.evaluate(async () => {
          const { createEngine } = await import('./engine.js');
          const engine = createEngine({ workerUrl: './parts-worker.js', mode: 'worker' });
          const r = await engine.compare([{ id: 'a', text: 'x' }]);
          engine.terminate();
          return {
            facts: r.facts.length,
            inOrder: r.facts.every((f, i) => f.id === `f${i}`),
            passages: r.text_reuse.passages.map((p) => p.k).join() === Array.from({ length: 1200 }, (_, i) => i).join(),
            matrix: r.text_reuse.matrix,
            sources: r.sources.length,
          };
        });
        assert.deepEqual(got, { facts: 2500, inOrder: true, passages: true, matrix: [[1]], sources: 1 });
      },
      { contextOptions: { serviceWorkers: 'block' } },
    );
  });

  test('a worker that dies fails its request with a clear message and is restarted', async () => {
    // A stand-in worker that answers like worker.js but throws (uncaught) on "crash".
    const fake = `
      self.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'init') return self.postMessage({ id: m.id, ok: true, version: 'fake' });
        if (m.articles && m.articles[0].text === 'crash') setTimeout(() => { throw new Error('boom'); });
        else self.postMessage({ id: m.id, ok: true, report: { sources: m.articles } });
      };`;
    await open(
      async ({ page, context }) => {
        await context.route('**/fake-worker.js', (route) =>
          route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }));
        await page.goto(suite.url);
        const got = await page.evaluate(async () => {
          const { createEngine } = await import('./engine.js');
          const engine = createEngine({ workerUrl: './fake-worker.js', mode: 'worker' });
          const crashed = await engine.compare([{ id: 'x', text: 'crash' }]).then(() => 'resolved', (e) => e.message);
          const after = await engine.compare([{ id: 'y', text: 'fine' }]);
          return { crashed, after: after.sources[0].id, kind: engine.kind };
        });
        assert.match(got.crashed, /stopped unexpectedly.*boom.*restarted/);
        assert.equal(got.after, 'y');
        assert.equal(got.kind, 'worker');
      },
      { contextOptions: { serviceWorkers: 'block' }, allowConsoleError: (t) => /boom/.test(t) },
    );
  });
});
