// Shared by the benchmark scripts (node.mjs, browser.mjs, profile.mjs): options, the median, a
// corpus directory's articles, and putting articles in the page's boxes.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Removes `name VALUE` from `args` and returns VALUE, or `dflt` when the option is absent. */
export function takeOpt(args, name, dflt) {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const [, v] = args.splice(i, 2);
  return v;
}

export const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** A corpus directory's articles (`*.txt`, by file name): [{id (file stem), text, file}]. */
export function loadCorpus(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => ({ id: basename(f, '.txt'), text: readFileSync(join(dir, f), 'utf8'), file: join(dir, f) }));
}

/** Puts `texts` in the page's article boxes (adding boxes as needed), as typing would. */
export async function fillBoxes(page, texts) {
  await page.evaluate((texts) => {
    const add = document.getElementById('add-article');
    const areas = () => document.querySelectorAll('#articles textarea');
    while (areas().length < texts.length) add.click();
    areas().forEach((ta, i) => {
      ta.value = texts[i];
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }, texts);
  await page.waitForTimeout(600); // app.js saves and recounts 300 ms after the last input
}
