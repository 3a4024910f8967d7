// The engine's size limits (MAX_ARTICLE_BYTES, MAX_TOTAL_BYTES in src/lib.rs) and its words for
// them (src/error.rs), so that the page can show them as you type and refuse an oversized
// article itself: sending 20 MB to the worker only to hear it refused kept the page busy for
// seconds and grew the worker's wasm memory for good. tests/e2e/odd-input.test.mjs checks that
// the numbers and the messages are the engine's. No DOM here (the tests import it in node).

export const MAX_ARTICLE_BYTES = 5_000_000;
export const MAX_TOTAL_BYTES = 50_000_000;

/**
 * Words (runs of non-space) and UTF-8 bytes of a text, in one pass and without copying it:
 * a pasted article can be 20 MB, and splitting it into an array of words took seconds.
 */
export function measure(text) {
  let words = 0;
  let extra = 0; // UTF-8 bytes beyond one per UTF-16 unit
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      if (c === 32 || (c >= 9 && c <= 13)) inWord = false;
      else if (!inWord) {
        inWord = true;
        words++;
      }
      continue;
    }
    if (c >= 0x80) {
      // 2 or 3 bytes; a surrogate pair is 4, counted at its first half.
      extra += c < 0x800 ? 1 : c >= 0xd800 && c < 0xdc00 ? 3 : c >= 0xdc00 && c < 0xe000 ? -1 : 2;
      if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029) {
        inWord = false;
        continue;
      }
    }
    if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return { words, bytes: n + extra };
}

/**
 * Bytes as megabytes with one decimal, as the engine writes them (Rust's `{:.1}`: an exact tie
 * goes to the even digit, so 5,250,000 bytes is "5.2", where toFixed(1) says "5.3").
 */
export function megabytes(bytes) {
  const tenths = Math.floor(bytes / 100_000);
  const rest = bytes - tenths * 100_000;
  // rest = 50,000 is an exact tie only when bytes / 1e6 is exactly representable (x.25, x.75);
  // otherwise the double is a hair above or below and toFixed, like Rust, rounds it as it is.
  if (rest === 50_000 && bytes % 250_000 === 0) return `${((tenths + (tenths % 2)) / 10).toFixed(1)} MB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * The engine's refusal of these articles ([{id, text}], in the order sent) for their size, in its
 * words, or null when it would not refuse them for that. Only where its checks in src/lib.rs
 * (`validate`) would reach the size first: two articles or more, none empty before it.
 * `bytesOf(article)`: its UTF-8 size, if the caller knows it already.
 */
export function sizeError(articles, bytesOf = (a) => measure(a.text).bytes) {
  if (articles.length < 2) return null;
  let total = 0;
  for (const a of articles) {
    if (!a.text.trim()) return null; // "… is empty" comes first: the engine says so
    const bytes = bytesOf(a);
    if (bytes > MAX_ARTICLE_BYTES) {
      return `article "${a.id}" is ${megabytes(bytes)}, over the ${MAX_ARTICLE_BYTES / 1e6} MB limit for one article: paste only the article body`;
    }
    total += bytes;
  }
  if (total > MAX_TOTAL_BYTES) {
    return `the articles together are ${megabytes(total)}, over the ${MAX_TOTAL_BYTES / 1e6} MB limit: compare fewer or shorter articles`;
  }
  return null;
}
