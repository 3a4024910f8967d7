// HTML that comes into the article boxes (pasted, dropped or chosen as a file) becomes article
// text: the engine's cleanup (src/html, the `clean` request of engine.js, run in the worker)
// keeps the story and drops navigation, scripts, styles and other page furniture.
//
// Nothing the user pasted is lost: a paste is first inserted raw, then swapped for its cleaned
// text once the engine answers; a notice under the box says what was kept and removed and has an
// "Undo cleanup" button that puts the raw paste back. If the engine fails, the raw text stays.
// Markup is only ever read as a string here and handed to the engine: never parsed by the page,
// never put in the DOM.
import { h } from './dom.js';

/** A file over this size is not read (the engine refuses articles over 5 MB of text anyway). */
const MAX_FILE_BYTES = 50_000_000;
/** Plain text shorter than this, next to a `text/html` flavour, is taken as a poor copy of it. */
const SHORT_PLAIN = 200;

// Tag names whose presence makes text look like HTML: the same list and rule as
// looks_like_html in src/html/mod.rs (duplicated because a paste must be decided synchronously,
// before the worker could answer; tests/e2e/html-input.test.mjs checks both agree on samples).
// One difference: the engine looks at the first 64 KB, this at the first 64 K UTF-16 units.
const HTML_TAGS = new Set(
  ('html head body div p span a br script style meta link article section main header footer nav ' +
    'h1 h2 h3 h4 h5 h6 ul ol li table tr td img figure b i em strong title blockquote iframe form ' +
    'input button noscript').split(' '),
);

/** Whether `text` looks like HTML markup rather than plain text (see src/html looks_like_html). */
export function looksLikeHtml(text) {
  const t = text.replace(/^[\s\uFEFF]+/, '');
  const head = t.slice(0, 16).toLowerCase();
  // ('\x3c' is '<': the single-file build refuses a comment opener in its inline script.)
  if (['<!doctype', '<html', '<?xml', '\x3c!--'].some((p) => head.startsWith(p))) return true;
  const re = /<\/?([A-Za-z0-9]+)[> /\n\t\r]/g;
  const part = t.slice(0, 65_536);
  let tags = 0;
  for (let m; (m = re.exec(part)); ) {
    if (HTML_TAGS.has(m[1].toLowerCase()) && ++tags >= 2) return true;
  }
  return false;
}

/** What a page held that the cleanup leaves out, named for the notice (from the raw markup). */
function removedKinds(html) {
  const kinds = [
    [/<nav\b|<menu\b/i, 'navigation'],
    [/<script\b/i, 'scripts'],
    [/<style\b|\sstyle\s*=/i, 'styles'],
    [/<header\b/i, 'page headers'],
    [/<footer\b/i, 'footers'],
    [/<aside\b/i, 'sidebars'],
    [/<form\b|<input\b|<button\b/i, 'forms'],
    [/<iframe\b|<object\b|<embed\b/i, 'embedded frames'],
    [/<(img|svg|picture|video|audio|canvas)\b/i, 'images'],
  ];
  const found = kinds.filter(([re]) => re.test(html)).map(([, name]) => name);
  return [...found, 'markup'];
}

const wordCount = (text) => (text.match(/\S+/g) || []).length;
const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "Cleaned pasted HTML: kept 412 words of article text; removed navigation, scripts and markup." */
export function cleanupSummary(what, html, cleaned) {
  const removed = removedKinds(html);
  const list = removed.length === 1 ? removed[0] : `${removed.slice(0, -1).join(', ')} and ${removed.at(-1)}`;
  return `Cleaned ${what}: kept ${plural(wordCount(cleaned.text), 'word')} of article text; removed ${list}.`;
}

/**
 * Wires paste, drop and the file chooser to the boxes. `app`: {
 *   engine,                 // engine.js's engine (clean)
 *   ready,                  // a Promise: the boxes are shown (files wait for it)
 *   list,                   // the <ol> of boxes (paste events bubble to it)
 *   dropZone,               // where files may be dropped
 *   fileInput,              // <input type=file multiple>
 *   boxOf(textarea),        // the box object of a textarea, or undefined
 *   boxForFile(),           // an empty box, or a new one, for a file's article
 *   changed(box, {recount}),// after an edit: save soon; recount soon, or now with {recount: true}
 *   setStatus(text), showError(text),
 * }
 * A box is {li, title, text} (app.js's).
 */
export function installHtmlInput(app) {
  app.list.addEventListener('paste', (event) => onPaste(app, event));
  app.fileInput.addEventListener('change', async () => {
    const files = [...app.fileInput.files];
    app.fileInput.value = ''; // choosing the same file again still fires change
    await addFiles(app, files);
  });
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes('Files');
  // Files dropped anywhere on the page are added (dropping them elsewhere would open the file
  // in place of the page); dropped text is left to the browser.
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    app.dropZone.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) app.dropZone.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    app.dropZone.classList.remove('dragging');
    if (!hasFiles(event)) return;
    event.preventDefault();
    addFiles(app, [...event.dataTransfer.files]);
  });
}

/** The paste's markup and the raw text that stands in for it, or null for an ordinary paste. */
function htmlOfPaste(data) {
  if (!data) return null;
  const plain = data.getData('text/plain') || '';
  const html = data.getData('text/html') || '';
  // A copied web page (or a file's source) pasted as plain text.
  if (looksLikeHtml(plain)) return { html: plain, raw: plain };
  // Rich clipboard whose plain flavour is missing or a stub of it (e.g. "Copy page source" tools,
  // some apps that put the whole page on the clipboard as HTML only).
  if (html && plain.trim().length < SHORT_PLAIN && html.length > 1000 && wordCount(plain) < wordCount(html.replace(/<[^>]*>/g, ' ')) / 2) {
    return { html, raw: plain.trim() ? plain : html };
  }
  return null;
}

function onPaste(app, event) {
  const box = app.boxOf(event.target);
  if (!box || event.target !== box.text) return;
  const found = htmlOfPaste(event.clipboardData);
  if (!found) return; // the browser pastes as usual
  event.preventDefault();
  const ta = box.text;
  const start = ta.selectionStart;
  // The raw paste goes in at once, as the browser would have put it: nothing waits on the engine.
  ta.setRangeText(found.raw, start, ta.selectionEnd, 'end');
  app.changed(box);
  const note = noticeFor(box);
  note.show('Cleaning pasted HTML…');
  app.engine.clean(found.html).then(
    (cleaned) => {
      // Swap only if the raw paste is still where it went (the user may have edited meanwhile).
      if (ta.value.slice(start, start + found.raw.length) !== found.raw) {
        note.show('The pasted HTML was kept as it is: the box changed before the cleanup finished.');
        return;
      }
      ta.setRangeText(cleaned.text, start, start + found.raw.length, 'end');
      const titled = fillTitle(box, cleaned.title);
      // The count under the box says the cleaned text's words at once, not the raw paste's.
      app.changed(box, { recount: true });
      note.show(
        [cleanupSummary('pasted HTML', found.html, cleaned), titled ? 'Title taken from the page.' : '', ...cleaned.warnings].filter(Boolean).join(' '),
        () => {
          // Put the raw paste back in place of the cleaned text, wherever it now is.
          const at = ta.value.slice(start, start + cleaned.text.length) === cleaned.text ? start : ta.value.indexOf(cleaned.text);
          if (at >= 0) {
            ta.setRangeText(found.raw, at, at + cleaned.text.length, 'end');
            note.show('Cleanup undone: the box has the text as it was pasted.');
          } else {
            // The cleaned text was edited: keep the edits and add the raw paste after them.
            ta.setRangeText(`${ta.value && !/\n$/.test(ta.value) ? '\n\n' : ''}${found.raw}`, ta.value.length, ta.value.length, 'end');
            note.show('The cleaned text was edited since, so the raw paste was added at the end of the box.');
          }
          if (titled && box.title.value === cleaned.title.trim()) box.title.value = '';
          app.changed(box, { recount: true });
          ta.focus();
        },
      );
    },
    (e) => note.show(`The pasted HTML could not be cleaned (${e?.message || e}); it was kept as pasted.`),
  );
}

/** Sets the box's title from the page's headline if the user has not given one. */
function fillTitle(box, title) {
  const t = (title || '').trim();
  if (!t || box.title.value.trim()) return false;
  box.title.value = t;
  return true;
}

/** The notice under a box: one line of text and, after a cleanup, its "Undo cleanup" button. */
function noticeFor(box) {
  if (!box.cleanNote) {
    const text = h('span', {});
    const undo = h('button', { type: 'button', class: 'link-button undo-cleanup' }, 'Undo cleanup');
    const el = h('p', { class: 'clean-note note', role: 'status' }, text, ' ', undo);
    box.li.append(el);
    box.cleanNote = {
      show(message, onUndo) {
        text.textContent = message;
        undo.hidden = !onUndo;
        undo.onclick = onUndo
          ? () => {
              undo.onclick = null;
              onUndo();
            }
          : null;
        el.hidden = false;
      },
    };
  }
  return box.cleanNote;
}

const isHtmlName = (name) => /\.x?html?$/i.test(name);
const stem = (name) => name.replace(/\.[^.]*$/, '');

/** One article per file: HTML cleaned, .txt/.md (and other text) as they are. */
async function addFiles(app, files) {
  await app.ready; // dropped while the saved articles load: added to them, not replaced by them
  const done = [];
  const problems = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      problems.push(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1e6} MB a file may have`);
      continue;
    }
    let content;
    try {
      content = await file.text();
    } catch (e) {
      problems.push(`${file.name} could not be read (${e?.message || e})`);
      continue;
    }
    const box = app.boxForFile();
    if (isHtmlName(file.name) || looksLikeHtml(content)) {
      // The raw file first, so a failed cleanup still leaves the article in the box.
      box.text.value = content;
      app.changed(box);
      const note = noticeFor(box);
      try {
        const cleaned = await app.engine.clean(content);
        box.text.value = cleaned.text;
        box.title.value = (cleaned.title || '').trim() || box.title.value || stem(file.name);
        note.show(
          [cleanupSummary(`HTML from ${file.name}`, content, cleaned), ...cleaned.warnings].join(' '),
          () => {
            if (box.text.value === cleaned.text) {
              box.text.value = content;
              note.show(`Cleanup undone: the box has the source of ${file.name}.`);
            } else {
              // The text was edited since: keep the edits, add the source after them.
              box.text.value += `${box.text.value && !/\n$/.test(box.text.value) ? '\n\n' : ''}${content}`;
              note.show(`The cleaned text was edited since, so the source of ${file.name} was added at the end of the box.`);
            }
            app.changed(box, { recount: true });
          },
        );
      } catch (e) {
        note.show(`${file.name} could not be cleaned (${e?.message || e}); its HTML source is in the box.`);
      }
    } else {
      box.text.value = content;
      if (!box.title.value.trim()) box.title.value = stem(file.name);
    }
    app.changed(box, { recount: true }); // the count under the box is that of the text it now has
    done.push(file.name);
  }
  if (done.length) app.setStatus(`Added ${plural(done.length, 'file')} as articles: ${done.join(', ')}.`);
  if (problems.length) app.showError(`Some files were not added: ${problems.join('; ')}.`);
}
