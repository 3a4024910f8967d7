"""ECB+ gold standard for named-mention detection and cross-document clustering.

Reads the converted corpus in ../shared/data/ecbplus (read-only): subtopic/<t>_<ecb|ecbplus>.json,
ECBplus_coreference_sentences.csv and train_val_test_split_barhom2019.json.

Conventions checked here (see `check_corpus`):
- char_start/char_end are Python code-point offsets into docs[].text;
- one sentence per line; in *ecbplus* docs sentence 0 (the URL) is not in the text, so line i is
  sentence i + 1; in *ecb* docs line i is sentence i;
- "selected" on a mention == its sentence is listed in the CSV for its document.
"""
import csv
import json
import os
import re
from collections import Counter, defaultdict

from normalise import fold, normalise_span

TAG_KIND = {
    "HUMAN_PART_PER": "person",
    "HUMAN_PART_ORG": "organization",
    "HUMAN_PART_GPE": "place",
    "LOC_GEO": "place",
    "LOC_FAC": "place",
}
# Mentions with these tags are neither gold nor errors: a prediction inside one is ignored.
# HUMAN_PART_MET = metonymy ("Hollywood", "UN", "TSMC" as an actor), HUMAN_PART = no subtype.
DONT_CARE_TAGS = {"HUMAN_PART_MET", "HUMAN_PART"}

KINDS = ("person", "place", "organization")

# Leading words stripped from a gold mention before judging it (any case, repeatedly).
LEADING_STRIP = {
    "the", "a", "an", "in", "on", "at", "near", "from", "of", "to", "into", "onto", "inside",
    "outside", "across", "between", "by", "for", "with", "within", "toward", "towards", "over",
    "under", "through", "throughout", "around", "off", "along", "behind", "beyond", "via", "among",
    "against", "during", "about", "after", "before", "outside", "upon",
}
# Lower-case words allowed inside a name.
CONNECTORS = {
    "of", "the", "and", "de", "al", "bin", "van", "von", "du", "la", "le", "-",
    "&", "del", "della", "da", "di", "dos", "das", "der", "den", "y", "el", "ibn", "for",
}
PRONOUNS = {
    "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "he", "him", "his",
    "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours",
    "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose", "which",
    "that", "this", "these", "those", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'll",
    "he's", "she's", "it's", "they're", "they've", "you're", "one", "someone", "somebody",
    "anyone", "everyone", "nobody", "none", "both", "all", "each", "either", "neither",
}
# Short function words ignored when deciding whether a line is a Title Case headline.
FUNCTION_WORDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "into", "over", "after", "up", "out", "off",
    "vs", "via", "its", "his", "her", "their", "it", "s", "than", "not",
}
# Titles: a mention made only of these is not a name; leading ones are cut off a person's name
# ("Dr. Sanjay Gupta" -> "Sanjay Gupta", "President Barack Obama" -> "Barack Obama").
TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "rev", "reverend", "gov",
    "governor", "sen", "senator", "rep", "representative", "gen", "general", "lt", "lieutenant",
    "col", "colonel", "sgt", "sergeant", "capt", "captain", "det", "detective", "insp",
    "inspector", "supt", "cpl", "corporal", "pvt", "adm", "admiral", "cmdr", "commander", "fr",
    "father", "hon", "judge", "justice", "president", "vice", "prime", "minister", "secretary",
    "king", "queen", "prince", "princess", "pope", "bishop", "coach", "attorney", "officer",
    "sheriff", "deputy", "mayor", "chief", "ceo", "chairman", "chairwoman", "director",
    "commissioner", "constable", "agent", "dean", "lord", "lady", "chancellor", "ambassador",
    "spokesman", "spokeswoman", "president-elect", "doctor", "head", "manager", "owner",
}
NOT_STRIPPED_TITLES = {"doctor"}  # "Doctor Who" is a name
# Nationalities, demonyms, parties and religions (spaCy's NORP): not entities for us.
DEMONYMS = set("""
american americans australian australians british briton britons english scottish scot scots
welsh irish french german germans italian italians spanish spaniard spaniards portuguese dutch
belgian belgians swiss austrian austrians greek greeks turk turks turkish russian russians
ukrainian ukrainians polish pole poles czech czechs hungarian hungarians romanian romanians
bulgarian bulgarians serb serbs serbian serbians croat croats croatian swedish swede swedes
norwegian norwegians danish dane danes finnish finn finns icelandic european europeans
canadian canadians mexican mexicans brazilian brazilians argentine argentinian argentinians
chilean chileans colombian colombians cuban cubans venezuelan venezuelans peruvian peruvians
chinese japanese korean koreans vietnamese thai indian indians pakistani pakistanis afghan
afghans iranian iranians iraqi iraqis syrian syrians lebanese israeli israelis palestinian
palestinians jordanian jordanians egyptian egyptians libyan libyans tunisian tunisians
moroccan moroccans algerian algerians saudi saudis yemeni yemenis somali somalis sudanese
ethiopian ethiopians kenyan kenyans nigerian nigerians ghanaian ghanaians african africans
asian asians arab arabs kurd kurds kurdish turkmen turkmens uzbek uzbeks kazakh kazakhs
indonesian indonesians filipino filipinos malaysian malaysians new-zealander kiwi kiwis
sicilian sicilians texan texans californian californians hawaiian hawaiians
democrat democrats republican republicans democratic republican conservative conservatives
liberal liberals muslim muslims christian christians catholic catholics protestant
protestants jew jews jewish mormon mormons hindu hindus sikh sikhs buddhist buddhists
sunni sunnis shia shiite shiites
""".split())
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|')$", re.I)
_SENTENCE_OPENERS = set(".!?:;\"\u201c\u2018'(-\u2014")


# --------------------------------------------------------------------------- corpus

class Corpus:
    def __init__(self, data_dir):
        self.dir = data_dir
        if not os.path.isdir(os.path.join(data_dir, "subtopic")):
            raise SystemExit("ECB+ data not found in %s (expected subtopic/*.json)" % data_dir)
        with open(os.path.join(data_dir, "train_val_test_split_barhom2019.json")) as f:
            self.split = json.load(f)
        self.selected = defaultdict(set)  # doc id -> selected sentence numbers (CSV)
        with open(os.path.join(data_dir, "ECBplus_coreference_sentences.csv"), newline="") as f:
            for row in csv.DictReader(f):
                self.selected["%s_%s" % (row["Topic"], row["File"])].add(int(row["Sentence Number"]))
        self._cache = {}
        self._capstats = None

    def topics(self, split):
        if split == "test":
            return list(self.split["test"])
        if split == "trainval":
            return sorted(self.split["train"] + self.split["val"])
        if split in self.split:
            return list(self.split[split])
        if split == "all":
            return sorted(self.split["train"] + self.split["val"] + self.split["test"])
        raise SystemExit("unknown split %r (test, trainval, train, val, all)" % split)

    def subtopic_files(self, topics):
        out = []
        for t in topics:
            for sub in ("ecb", "ecbplus"):
                p = os.path.join(self.dir, "subtopic", "%s_%s.json" % (t, sub))
                if os.path.exists(p):
                    out.append(p)
        return out

    def load(self, path):
        if path not in self._cache:
            with open(path, encoding="utf-8") as f:
                self._cache[path] = json.load(f)
        return self._cache[path]

    def all_files(self):
        return sorted(os.path.join(self.dir, "subtopic", f)
                      for f in os.listdir(os.path.join(self.dir, "subtopic")) if f.endswith(".json"))

    # Capitalisation statistics over every ECB+ text: how often a word is written with a capital
    # (cap) or in ALL CAPS (upper) where capitals are informative (not first in a line or after
    # sentence punctuation, not in an ALL CAPS or Title Case line) versus in lower case (low).
    def capstats(self):
        if self._capstats is None:
            cap, upper, low = Counter(), Counter(), Counter()
            for path in self.all_files():
                for doc in self.load(path)["docs"]:
                    for line in doc["text"].split("\n"):
                        if line_style(line) != "body":
                            continue
                        for m in _WORD.finditer(line):
                            w = m.group()
                            key = word_key(w)
                            if is_all_caps(w):
                                upper[key] += 1
                            if not informative_position(line, m.start()):
                                continue
                            if w[0].isupper():
                                cap[key] += 1
                            elif w[0].islower():
                                low[key] += 1
            self._capstats = (cap, upper, low)
        return self._capstats

    def texts(self):
        """(doc id, text) of every ECB+ document."""
        for path in self.all_files():
            for doc in self.load(path)["docs"]:
                yield doc["id"], doc["text"]


def word_key(w):
    return _POSSESSIVE.sub("", w).casefold()


def is_all_caps(w):
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def line_style(line):
    """'caps' (no lower-case letter, 2+ words), 'title' (Title Case headline) or 'body'."""
    words = _WORD.findall(line)
    if len(words) >= 2 and not any(c.islower() for c in line) and any(c.isupper() for c in line):
        return "caps"
    content = [w for w in words if w.casefold().strip(".'\u2019") not in FUNCTION_WORDS]
    if len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content):
        return "title"
    return "body"


def informative_position(line, pos):
    """Whether a capital at line[pos] says something: not the first word of the line and not
    right after sentence punctuation or an opening quote."""
    before = line[:pos].rstrip()
    if not before:
        return False
    return before[-1] not in _SENTENCE_OPENERS


def line_starts(text):
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    return starts


# --------------------------------------------------------------------------- pure names

def strip_mention(text, start, end):
    """Strip leading determiners/prepositions and a trailing possessive from a gold span, then
    apply the shared normalisation. Returns (start, end)."""
    while True:
        s, e = normalise_span(text, start, end)
        start, end = s, e
        m = re.match(r"(\S+)\s+", text[start:end])
        if m and m.group(1).casefold() in LEADING_STRIP:
            start += m.end()
            continue
        break
    seg = text[start:end]
    m = re.search(r"(?:'s|\u2019s|'|\u2019)$", seg)
    if m and m.start() > 0:
        end = start + m.start()
    return normalise_span(text, start, end)


def name_shape_problem(s):
    """None if s looks like a pure name by its shape (capitals), else the reason."""
    if not s:
        return "empty"
    if any(c in s for c in ",;/|()[]"):
        return "list or compound (comma, slash, brackets)"
    if re.search(r"(?:'s|\u2019s)\s", s):
        return "possessive inside (two names)"
    if not s[0].isupper():
        return "does not start with a capital"
    if s.casefold() in PRONOUNS or s.split()[0].casefold() in PRONOUNS and len(s.split()) == 1:
        return "pronoun"
    first = True
    for word in s.split():
        for part in re.split(r"(-)", word):
            core = part.strip("\"'\u2018\u2019\u201c\u201d()[].")
            if not core:
                continue
            if core.casefold() in CONNECTORS and not first:
                pass
            elif core[0].isupper():
                pass
            elif core[0].isdigit() and not first and any(c.isalpha() for c in core):
                pass  # "Philadelphia 76ers"
            elif not any(c.isalnum() for c in core):
                pass  # "&"
            else:
                return "lower-case or numeric word %r" % core
            first = False
    words = [w.strip(".").casefold() for w in s.split()]
    if all(w in TITLE_WORDS for w in words):
        return "title, not a name"
    if len(words) == 1 and _POSSESSIVE.sub("", words[0]) in DEMONYMS:
        return "nationality/group (NORP)"
    return None


def strip_titles(text, start, end):
    """Cut leading capitalised titles off a person's name."""
    while True:
        m = re.match(r"([A-Z][\w.-]*)\.?\s+(?=[A-Z])", text[start:end])
        if not m:
            return start, end
        w = m.group(1).strip(".").casefold()
        if w not in TITLE_WORDS or w in NOT_STRIPPED_TITLES:
            return start, end
        start += m.end()


# --------------------------------------------------------------------------- gold per subtopic

class Gold:
    """Gold named mentions of one subtopic, restricted to the selected sentences."""

    def __init__(self, corpus, path):
        d = corpus.load(path)
        self.name = os.path.basename(path)[:-5]  # e.g. 36_ecb
        self.topic = int(d["topic"])
        self.subtopic = d["subtopic"]
        self.docs = {doc["id"]: doc["text"] for doc in d["docs"]}
        self.doc_order = [doc["id"] for doc in d["docs"]]
        self.line_starts = {i: line_starts(t) for i, t in self.docs.items()}
        self.selected_lines = {}
        self.offset_mismatches = []
        self.line_mismatches = []
        self.selected_flag_mismatches = 0
        for doc_id in self.doc_order:
            shift = 1 if doc_id.endswith("ecbplus") else 0
            self.selected_lines[doc_id] = {s - shift for s in corpus.selected.get(doc_id, ())}
        self.mentions = []  # gold: (doc, start, end, kind, text, chain)
        self.rejected = []  # (doc, start, end, tag, text, reason) for the dump
        self.dont_care = defaultdict(list)  # doc -> [(start, end)]
        self.annotated = defaultdict(list)  # doc -> [(start, end)] every entity mention, any tag
        self.duplicates = 0
        seen = set()
        stats = corpus.capstats()
        self.corpus = corpus
        for chain in d["entity_chains"]:
            for m in chain["mentions"]:
                doc_id, text = m["doc"], self.docs[m["doc"]]
                a, b = m["char_start"], m["char_end"]
                if text[a:b] != m["text"]:
                    self.offset_mismatches.append((doc_id, a, b, m["text"], text[a:b]))
                line = self.line_of(doc_id, a)
                shift = 1 if doc_id.endswith("ecbplus") else 0
                if line + shift != m["sentence"]:
                    self.line_mismatches.append((doc_id, m["m_id"], line, m["sentence"]))
                if (m["sentence"] in corpus.selected.get(doc_id, ())) != bool(m["selected"]):
                    self.selected_flag_mismatches += 1
                self.annotated[doc_id].append((a, b))
                if line not in self.selected_lines[doc_id]:
                    continue
                tag = m["tag"]
                if tag in DONT_CARE_TAGS:
                    self.dont_care[doc_id].append((a, b))
                    self.rejected.append((doc_id, a, b, tag, m["text"], "don't-care tag"))
                    continue
                kind = TAG_KIND.get(tag)
                if kind is None:
                    continue
                s, e = strip_mention(text, a, b)
                if kind == "person":
                    s, e = strip_titles(text, s, e)
                s, e = self.strip_final_period(doc_id, s, e)
                reason = name_shape_problem(text[s:e])
                if reason is None:
                    reason = self.capital_problem(doc_id, s, e, stats)
                if reason is None and kind == "place" and re.search(r"\s(?:and|&)\s", text[s:e]):
                    reason = "coordination of places"
                if reason is not None:
                    self.dont_care[doc_id].append((a, b))
                    self.rejected.append((doc_id, a, b, tag, m["text"], reason))
                    continue
                if (doc_id, s, e) in seen:
                    self.duplicates += 1
                    continue
                seen.add((doc_id, s, e))
                self.mentions.append((doc_id, s, e, kind, text[s:e], "%s/%s" % (self.name, chain["id"])))

    def line_of(self, doc_id, pos):
        starts = self.line_starts[doc_id]
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def line_text(self, doc_id, idx):
        starts = self.line_starts[doc_id]
        text = self.docs[doc_id]
        end = starts[idx + 1] - 1 if idx + 1 < len(starts) else len(text)
        return starts[idx], text[starts[idx]:end]

    def capital_problem(self, doc_id, s, e, stats):
        """Whether the capitals of a name-shaped mention may be due to something else than its
        being a name. A word is suspect where its capital says nothing (first word of a line or
        after sentence punctuation; every word of an ALL CAPS or Title Case line; a word in
        ALL CAPS) and the corpus writes it in lower case more often than capitalised (or in ALL
        CAPS, for an ALL CAPS word outside ALL CAPS lines). A one-word mention is also suspect
        when the corpus writes it in lower case over 3 times as often as capitalised ("Police",
        "Bank"). A suspect multi-word mention is still kept when the whole of it occurs
        capitalised where capitals are informative, somewhere in the subtopic."""
        cap, upper, low = stats
        line_idx = self.line_of(doc_id, s)
        ls, line = self.line_text(doc_id, line_idx)
        style = line_style(line)
        words = list(_WORD.finditer(line, s - ls, e - ls))
        suspicious = None
        for w in words:
            key = word_key(w.group())
            if key in CONNECTORS:
                continue
            if style == "caps":
                bad = low[key] > cap[key] + upper[key] or (low[key] == cap[key] == 0)
            elif is_all_caps(w.group()):
                bad = low[key] > 3 * upper[key]
            elif style == "title" or not informative_position(line, w.start()):
                bad = low[key] > cap[key] or (low[key] == cap[key] == 0)
            else:
                bad = False
            if len(words) == 1 and not bad and not is_all_caps(w.group()):
                bad = low[key] > 3 * cap[key]
            if bad:
                suspicious = w.group()
                break
        if suspicious is None:
            return None
        if len(words) > 1 and self.occurs_capitalised(self.docs[doc_id][s:e]):
            return None
        where = {"caps": "ALL CAPS line", "title": "Title Case line"}.get(style, "body line")
        return "capitalised common word %r (%s)" % (suspicious, where)

    def strip_final_period(self, doc_id, s, e):
        """Drop a sentence-final full stop that the annotators included ("Mount Cook.")."""
        text = self.docs[doc_id]
        if e - s > 1 and text[e - 1] == "." and (e == len(text) or text[e] == "\n"):
            last = text[s:e].split()[-1]
            if len(last) > 4 and last.count(".") == 1:
                return s, e - 1
        return s, e

    def occurs_capitalised(self, s):
        """Whether s occurs (any case) somewhere in ECB+ in name shape where capitals are
        informative (a body line, not first in its sentence)."""
        pat = re.compile(r"(?<![\w])" + re.escape(s) + r"(?![\w])", re.I)
        for _, text in self.corpus.texts():
            for m in pat.finditer(text):
                ls = text.rfind("\n", 0, m.start()) + 1
                le = text.find("\n", m.end())
                line = text[ls:le if le >= 0 else len(text)]
                if line_style(line) != "body" or not informative_position(line, m.start() - ls):
                    continue
                if name_shape_problem(m.group()) is None:
                    return True
        return False

    # ---- prediction filters
    def in_selected(self, doc_id, start):
        return self.line_of(doc_id, start) in self.selected_lines.get(doc_id, ())

    def is_dont_care(self, doc_id, start, end):
        return any(a <= start and end <= b for a, b in self.dont_care.get(doc_id, ()))

    def is_annotated(self, doc_id, start, end):
        return any(min(b, end) > max(a, start) for a, b in self.annotated.get(doc_id, ()))

    def n_selected_sentences(self):
        return sum(len(v) for v in self.selected_lines.values())
