//# allFunctionsCalledOnLoad
// (V8's compile hint: see render.js.)
// Word-level difference between two wordings (of a quote, of a reused passage). The report gives
// both wordings but no diff, so it is computed here: a longest common subsequence over words,
// hand-written because it is twenty lines and the page loads no library.
import { h, srOnly } from '../dom.js';

/** Above this many cells (words × words) the LCS table is not built: the whole text differs. */
const MAX_CELLS = 250_000;

/**
 * `a` → `b` as parts `{op: 'same' | 'del' | 'add', text}`; words keep the spaces after them, so
 * joining the `same` and `del` parts gives `a` back, and `same` and `add` gives `b`.
 */
export function wordDiff(a, b) {
  const split = (s) => String(s).match(/\s+|\S+\s*/g) || [];
  const A = split(a);
  const B = split(b);
  const n = A.length;
  const m = B.length;
  if (n * m > MAX_CELLS) return [{ op: 'del', text: String(a) }, { op: 'add', text: String(b) }].filter((p) => p.text);
  // Words compared without case and spacing, each normalised once.
  const NA = A.map((w) => w.trim().toLowerCase());
  const NB = B.map((w) => w.trim().toLowerCase());
  const same = (i, j) => NA[i] === NB[j];
  // lcs[i][j]: length of the LCS of A[i..] and B[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i];
    const next = lcs[i + 1];
    for (let j = m - 1; j >= 0; j--) {
      row[j] = NA[i] === NB[j] ? next[j + 1] + 1 : Math.max(next[j], row[j + 1]);
    }
  }
  const parts = [];
  const push = (op, text) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(i, j)) {
      push('same', B[j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('del', A[i++]);
    else push('add', B[j++]);
  }
  while (i < n) push('del', A[i++]);
  while (j < m) push('add', B[j++]);
  return parts;
}

/**
 * The diff as DOM: removed words struck through in <del>, added ones underlined in <ins>, each
 * also announced in words (not by colour alone).
 */
export function renderDiff(a, b, parts = null) {
  return h(
    'p',
    { class: 'word-diff' },
    (parts || wordDiff(a, b)).map((p) => {
      if (p.op === 'same') return p.text;
      // The space after the last word stays outside the mark.
      const [, words, space] = /^([\s\S]*?)(\s*)$/.exec(p.text);
      const mark = p.op === 'del' ? h('del', {}, srOnly('[removed: '), words, srOnly(']')) : h('ins', {}, srOnly('[added: '), words, srOnly(']'));
      return [mark, space];
    }),
  );
}

/** The engine's `word_diff` of a quote conflict (`same` / `removed` / `added` runs) as parts. */
export function engineDiff(runs) {
  const op = { same: 'same', removed: 'del', added: 'add' };
  return runs.map((r, i) => ({ op: op[r.op] || 'same', text: String(r.text) + (i + 1 < runs.length ? ' ' : '') }));
}
