"""What the hand-judged harnesses (`omissions_ecb.py`, `fact_pairs_ecb.py`) share: the hash sample
and the count of judged items that an engine still reports."""
import hashlib
import os


def hash_sample(items, seed, n):
    """The n (key, record) items whose keys hash lowest (SHA-1 of the seed and the key): a uniform
    draw in which an item two engines both report is in both samples or in neither."""
    rank = lambda kr: hashlib.sha1(("%d|%s" % (seed, kr[0])).encode("utf-8")).hexdigest()
    return sorted(items, key=rank)[:n]


def still_reported(corpus, split, judged, present):
    """(judged of the split, true kept, all true, false kept): of every judgement whose key's
    sub-topic is in the split, those whose key is in `present`."""
    subs = {os.path.basename(p)[: -len(".json")] for p in corpus.subtopic_files(corpus.topics(split))}
    split_judged = [j for j in judged.values() if j["key"].split(" | ")[0] in subs]
    kept_t = sum(1 for j in split_judged if j["verdict"] and j["key"] in present)
    kept_f = sum(1 for j in split_judged if not j["verdict"] and j["key"] in present)
    all_t = sum(1 for j in split_judged if j["verdict"])
    return len(split_judged), kept_t, all_t, kept_f
