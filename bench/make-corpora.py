#!/usr/bin/env python3
"""Writes the benchmark corpora bench/corpora/{5,50,200,1000}/ (git-ignored) from real text.

    python3 bench/make-corpora.py [--ecb-dir ../shared/data/ecbplus] [--out bench/corpora]

Hypothesis this serves: the engine's cost depends on how much text it reads and on how many
articles tell the same story (fact clustering, conflicts, text reuse only do work between
articles about one event). So the corpora are real news text, grouped by story, ~700 words an
article, and the larger corpora add whole stories rather than unrelated articles.

What it does (deterministic; no randomness but a fixed-seed shuffle):
- Story 0 is the five seed articles of data/seeds/ (one story, kept as they are, same file names,
  so the CLI's report on data/seeds/*.txt is the report on bench/corpora/5/).
- Every other story is one ECB+ subtopic (`subtopic/<topic>_<ecb|ecbplus>.json`: one seminal
  event, several outlets). ECB+ documents are short (median ~230 words), so an article is made
  by concatenating whole documents of the same subtopic (blank line between them) until it has
  at least 450 words (the mean comes out at ~700-770 words; the seeds' is 534); a remainder
  under 350 words joins the last article. ECB+ holds ~313,000 words, less than the 700,000
  that 1,000 articles of 700 words need, so each subtopic is packed several times, each pass in
  a different (seeded) document order: an ECB+ document appears in about REUSE articles of
  the same story (never in two stories). That is like outlets reusing wire copy, and it gives
  the text-reuse detector real work; it is said in the manifest.
- Subtopics with fewer than 1,000 words in all are left out (repeating them would only make
  near-identical articles).
- Corpus N takes stories in a fixed shuffled order (seed story first) with all of their
  articles, and trims the last story taken to reach exactly N articles (keeping at least two).
  So 5 ⊂ 50 ⊂ 200 ⊂ 1000 (after the seed story), and each corpus is a set of whole stories.
- Each corpus folder gets manifest.json (file -> story, words) and stories.jsonl (one line per
  story: {"story", "articles": [{"id", "text"}]}, the input of `corroborate batch`).

If the ECB+ folder is missing it says so and writes only the corpora it can fill from the seeds
(the 5-article one).
"""
import argparse
import json
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = [5, 50, 200, 1000]
MIN_WORDS = 450       # an article is closed once it has this many words (mean ~700-770)
MIN_TAIL = 350        # a shorter remainder joins the previous article
MIN_STORY_WORDS = 1000
REUSE = 2.4           # target articles per story = words * REUSE / 700 (enough for 1,000 in all)


def words(text):
    return len(text.split())


def pack(docs, order):
    """Whole documents in `order`, concatenated into articles of >= MIN_WORDS words."""
    out, cur, n = [], [], 0
    for i in order:
        cur.append(docs[i])
        n += words(docs[i])
        if n >= MIN_WORDS:
            out.append(cur)
            cur, n = [], 0
    if cur:
        if out and n < MIN_TAIL:
            out[-1].extend(cur)
        else:
            out.append(cur)
    return ['\n\n'.join(d.strip() for d in a) + '\n' for a in out]


def ecb_stories(ecb_dir):
    stories = []
    for f in sorted((ecb_dir / 'subtopic').glob('*.json'), key=lambda p: p.name):
        d = json.loads(f.read_text(encoding='utf-8'))
        docs = [x['text'] for x in sorted(d['docs'], key=lambda x: x['id']) if x['text'].strip()]
        total = sum(words(t) for t in docs)
        if total < MIN_STORY_WORDS or len(docs) < 2:
            continue
        name = f'ecb{d["topic"]}-{d["subtopic"]}'
        want = max(2, round(total * REUSE / 700))
        rng = random.Random(f'{name}')
        articles, order = [], list(range(len(docs)))
        while len(articles) < want:
            articles.extend(pack(docs, order))
            rng.shuffle(order)
        stories.append({'story': name, 'title': d.get('subtopic_name', ''), 'articles': articles[:want]})
    return stories


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--ecb-dir', default=str(ROOT.parent / 'shared' / 'data' / 'ecbplus'))
    ap.add_argument('--seeds', default=str(ROOT / 'data' / 'seeds'))
    ap.add_argument('--out', default=str(ROOT / 'bench' / 'corpora'))
    args = ap.parse_args()

    seed_files = sorted(Path(args.seeds).glob('*.txt'))
    if len(seed_files) < 2:
        sys.exit(f'make-corpora: no seed articles in {args.seeds}')
    seed_story = {'story': 'seeds', 'title': 'data/seeds', 'files': seed_files}

    ecb_dir = Path(args.ecb_dir)
    if (ecb_dir / 'subtopic').is_dir():
        stories = ecb_stories(ecb_dir)
        random.Random(20140512).shuffle(stories)
    else:
        print(f'make-corpora: ECB+ not found at {ecb_dir} (expected subtopic/*.json); '
              'only the seed corpus (5 articles) can be written', file=sys.stderr)
        stories = []
    available = len(seed_files) + sum(len(s['articles']) for s in stories)

    out = Path(args.out)
    for size in SIZES:
        folder = out / str(size)
        if size > available:
            print(f'make-corpora: skipping {size}: only {available} articles available', file=sys.stderr)
            shutil.rmtree(folder, ignore_errors=True)
            continue
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        manifest, lines, n = [], [], 0
        # The seed story, as it is.
        seed_articles = []
        for f in seed_files[: size]:
            text = f.read_text(encoding='utf-8')
            (folder / f.name).write_text(text, encoding='utf-8')
            manifest.append({'file': f.name, 'story': 'seeds', 'words': words(text)})
            seed_articles.append({'id': f.stem, 'text': text})
            n += 1
        lines.append({'story': 'seeds', 'articles': seed_articles})
        for s in stories:
            if n >= size:
                break
            take = len(s['articles'])
            if size - n < take:
                take = size - n
                if take < 2:  # a one-article story compares nothing: give it to the previous one
                    take = 0
            if take == 0:
                break
            arts = []
            for j, text in enumerate(s['articles'][:take]):
                name = f'{s["story"]}__{j:02d}.txt'
                (folder / name).write_text(text, encoding='utf-8')
                manifest.append({'file': name, 'story': s['story'], 'words': words(text)})
                arts.append({'id': name[:-4], 'text': text})
            lines.append({'story': s['story'], 'articles': arts})
            n += take
        if n < size:  # the last story could not be trimmed to >= 2 articles
            print(f'make-corpora: warning: corpus {size} has {n} articles', file=sys.stderr)
        total_words = sum(m['words'] for m in manifest)
        meta = {
            'articles': n,
            'stories': len(lines),
            'words': total_words,
            'bytes': sum((folder / m['file']).stat().st_size for m in manifest),
            'mean_words': round(total_words / n),
            'ecb_dir': str(ecb_dir) if stories else None,
            'method': 'seed articles as they are; ECB+ subtopic documents concatenated (whole '
                      f'documents, >= {MIN_WORDS} words an article), each subtopic packed in '
                      f'several document orders (about {REUSE} articles per document)',
            'files': manifest,
        }
        (folder / 'manifest.json').write_text(json.dumps(meta, indent=1) + '\n', encoding='utf-8')
        with open(folder / 'stories.jsonl', 'w', encoding='utf-8') as fh:
            for line in lines:
                fh.write(json.dumps(line, ensure_ascii=False) + '\n')
        print(f'{folder}: {n} articles, {len(lines)} stories, {total_words} words '
              f'(mean {meta["mean_words"]}), {meta["bytes"] / 1e6:.2f} MB')


if __name__ == '__main__':
    main()
