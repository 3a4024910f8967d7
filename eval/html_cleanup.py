#!/usr/bin/env python3
"""HTML cleanup quality: the CLI's `clean` against gold article bodies.

Data: ../shared/data/article-html/ (181 news pages, html/<hash>.html.gz, and ground-truth.json
with the gold `articleBody` of each; from scrapinghub's article-extraction-benchmark, MIT; read
its README). Nothing is copied into the repository. Standard library only; not needed at run time.

For every page the harness runs `corroborate clean --format json -` on the decompressed page and
scores two systems with the same code:

- corroborate: the cleaned text, without its first paragraph when that paragraph is the headline
  the cleanup returned as `title` (the gold bodies have no headline; `--with-headline` scores
  the whole text);
- baseline: all visible text of the page, i.e. every text node outside <script> and <style>,
  decoded by Python's html.parser (the "plain html-to-text" baseline).

Metric (the benchmark's, on bags of tokens): tokens = the text split on whitespace (str.split());
with P and G the multisets of predicted and gold tokens, TP = sum over tokens t of min(P[t], G[t]),
precision = TP / |P|, recall = TP / |G|, F1 = 2 p r / (p + r) (0 when p + r = 0); a page whose
prediction and gold are both empty scores 1, one of them empty scores 0 (precision or recall 0).
Mean and median over pages.

Splits: pages sorted by hash; `--split even` (indices 0, 2, 4, ...) is the one the cleanup was
tuned on, `--split odd` was only looked at for the final figures, `--split all` is both.

Usage:
  cargo build --release
  python3 eval/html_cleanup.py [--split all|even|odd] [-v] [--json OUT] [--engine PATH] [--data DIR]
"""
import argparse
import collections
import gzip
import html.parser
import json
import pathlib
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


class Visible(html.parser.HTMLParser):
    """Every text node outside <script> and <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(page):
    p = Visible()
    p.feed(page)
    p.close()
    return " ".join(p.parts)


def prf(pred, gold):
    """Token-bag precision, recall, F1 (see the module doc)."""
    p = collections.Counter(pred.split())
    g = collections.Counter(gold.split())
    np_, ng = sum(p.values()), sum(g.values())
    if np_ == 0 and ng == 0:
        return 1.0, 1.0, 1.0
    tp = sum(min(c, g[t]) for t, c in p.items())
    prec = tp / np_ if np_ else 0.0
    rec = tp / ng if ng else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def body_of(cleaned, with_headline):
    text, title = cleaned["text"], cleaned.get("title")
    if not with_headline and title:
        first, _, rest = text.partition("\n\n")
        if first == title:
            return rest
    return text


def summary(rows, key):
    vals = [r[key] for r in rows]
    return statistics.mean(vals), statistics.median(vals)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "article-html"))
    ap.add_argument("--engine", default=str(ROOT / "target" / "release" / "corroborate"))
    ap.add_argument("--split", choices=["all", "even", "odd"], default="all")
    ap.add_argument("--with-headline", action="store_true", help="score the whole cleaned text, headline included")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-page figures, worst first")
    ap.add_argument("--json", help="write per-page figures and the summary as JSON")
    args = ap.parse_args()

    data = pathlib.Path(args.data)
    if not (data / "ground-truth.json").exists():
        sys.exit(f"no {data}/ground-truth.json (the article-html data set; see eval/README.md)")
    if not pathlib.Path(args.engine).exists():
        sys.exit(f"no engine binary at {args.engine}: run `cargo build --release` first")
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    hashes = sorted(gold)
    if args.split == "even":
        hashes = hashes[0::2]
    elif args.split == "odd":
        hashes = hashes[1::2]

    rows = []
    for h in hashes:
        raw = gzip.open(data / "html" / f"{h}.html.gz").read()
        page = raw.decode("utf-8", errors="replace")
        run = subprocess.run(
            [args.engine, "clean", "--format", "json", "-"], input=raw, capture_output=True, timeout=60
        )
        if run.returncode != 0:
            print(f"{h}: clean failed ({run.returncode}): {run.stderr.decode(errors='replace')[:200]}", file=sys.stderr)
            cleaned = {"text": "", "title": None, "warnings": []}
        else:
            cleaned = json.loads(run.stdout)
        g = gold[h]["articleBody"]
        ours = prf(body_of(cleaned, args.with_headline), g)
        base = prf(visible_text(page), g)
        rows.append({
            "hash": h, "url": gold[h]["url"],
            "p": ours[0], "r": ours[1], "f1": ours[2],
            "base_p": base[0], "base_r": base[1], "base_f1": base[2],
            "warnings": cleaned.get("warnings", []),
        })

    if args.verbose:
        for r in sorted(rows, key=lambda r: r["f1"]):
            print(f"{r['f1']:.3f} p={r['p']:.3f} r={r['r']:.3f} base={r['base_f1']:.3f} {r['hash'][:10]} {r['url'][:90]}")
        print()
    print(f"HTML cleanup on {len(rows)} pages (split {args.split}), token-bag P/R/F1 against the gold article body"
          f"{' (headline included)' if args.with_headline else ''}")
    print(f"{'system':<12} {'P mean':>7} {'R mean':>7} {'F1 mean':>8} {'P med':>7} {'R med':>7} {'F1 med':>7}")
    out = {"split": args.split, "pages": len(rows), "with_headline": args.with_headline}
    for name, pre in (("corroborate", ""), ("baseline", "base_")):
        (pm, pd), (rm, rd), (fm, fd) = (summary(rows, pre + k) for k in ("p", "r", "f1"))
        print(f"{name:<12} {pm:7.3f} {rm:7.3f} {fm:8.3f} {pd:7.3f} {rd:7.3f} {fd:7.3f}")
        out[name] = {"p_mean": pm, "r_mean": rm, "f1_mean": fm, "p_median": pd, "r_median": rd, "f1_median": fd}
    if args.json:
        out["pages_detail"] = rows
        pathlib.Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
