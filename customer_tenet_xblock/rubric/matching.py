"""
Place a learner's entry in the customer groups of a taxonomy.

How an entry is read, in one pass each:

1. Words: tokenised, folded, singular, abbreviations expanded (CSR ->
   customer service representative), typos corrected against the vocabulary
   (within a budget that grows with the word's length).
2. Phrases: the longest lexicon phrase at each position becomes one item
   ("customer service" is a department name, so "customer service department"
   never reaches "customer"); "policy holders" / "policy-holders" join.
3. Conjuncts: "brokers and their assistants" is read as two customers, and
   "their" points back to the brokers.
4. Head and modifiers: the head is the last head word before the phrase's
   post-modifiers ("agents WHO sell", "staff AT the agency"); the other
   concepts may change what the head means ("agency" makes staff, team,
   managers and people into agent staffs).

Instructor synonyms and the labels of groups the lexicon does not know are
matched on the same words, and add to what the lexicon found.
"""
from functools import lru_cache

from .lexicon import BLOCK, HEAD, HEAD_ROLES, OPEN, get_lexicon
from .normalizing import DeletionIndex, singular, tokenize
from .results import Match, PlacedEntry

# Label words too general to name a group on their own.
_GENERIC_LABEL_WORDS = frozenset(
    "other company customer customers your our their the who what which and or you "
    "people insurance team group groups own sell buy use deliver offer for of in".split()
)
_WORD_CACHE_LIMIT = 20000
RULE = None  # the key of a trie node's rule (no word is None)


class Word:
    """One normalised word of the entry, pointing back at what the learner wrote."""

    __slots__ = ("text", "start", "end", "token", "typed", "possessive", "plural", "alone")

    def __init__(self, text, start, end, token, typed, possessive=False, plural=False, alone=True):
        self.text = text
        self.start, self.end = start, end
        self.token = token  # index of the token it came from (abbreviations give several words)
        self.typed = typed  # the folded token as typed
        self.possessive = possessive
        self.plural = plural
        self.alone = alone  # the only word of its token


class Item:
    """A run of words: one recognised phrase, or a single plain word."""

    __slots__ = ("text", "start", "end", "payload", "rule", "plural", "possessive", "concept")

    def __init__(self, text, start, end, payload=None, rule="", plural=False, possessive=False):
        self.text = text
        self.start, self.end = start, end
        self.payload = payload  # Concept, or (group id, rule) for synonyms and labels
        self.rule = rule
        self.plural = plural
        self.possessive = possessive
        self.concept = payload if hasattr(payload, "role") else None


class CompiledTaxonomy:
    """The lexicon, synonyms and labels of one taxonomy, ready to match."""

    def __init__(self, taxonomy):
        self.lexicon = get_lexicon(taxonomy.lexicon)
        self.lang = taxonomy.lexicon or "en"
        self.order = taxonomy.group_ids
        self.present = frozenset(self.order)
        lex = self.lexicon
        self.abbreviations = dict(lex.abbreviations)
        self.capital_abbreviations = dict(lex.capital_abbreviations)
        self.vocabulary = set()
        self.concepts = self._index(
            (phrase, concept, phrase) for concept in lex.concepts for phrase in concept.phrases
        )
        known_ids = {g for concept in lex.concepts for g in concept.groups}
        known_ids.update(g for concept in lex.concepts for _, groups in concept.with_ for g in groups)
        self.synonyms = self._index(
            (synonym, (group.id, synonym), synonym)
            for group in taxonomy.groups for synonym in group.synonyms
        )
        self.labels = self._index(self._label_rules(taxonomy.groups, known_ids))
        self.single_words = {
            word for index in (self.concepts, self.synonyms, self.labels)
            for word, node in index.items() if RULE in node
        }
        self.known = (
            self.vocabulary | lex.fillers | lex.boundaries | lex.conjunctions
            | lex.anaphors | lex.known_words
        )
        self.typos = DeletionIndex(w for w in self.vocabulary if w.isalpha() and len(w) >= 5)
        self._word_cache = {}
        self._join_cache = {}

    def _label_rules(self, groups, known_ids):
        """For groups the lexicon does not know: the label, and its telling words."""
        for group in groups:
            if group.id in known_ids:
                continue
            yield group.label, (group.id, group.label), group.label
            for token in tokenize(group.label):
                if token.word not in _GENERIC_LABEL_WORDS and len(token.word) > 2:
                    yield token.word, (group.id, token.word), token.word

    def _phrase_words(self, phrase):
        words = []
        for token in tokenize(phrase):
            words.extend(self._normal_forms(token))
        return tuple(words)

    def _index(self, rules):
        """A trie of phrases by word; a node's RULE entry is (payload, rule). First rule wins."""
        trie = {}
        for phrase, payload, rule in rules:
            words = self._phrase_words(phrase)
            if not words:
                continue
            variants = [words]
            if 1 < len(words) <= 3 and all(w.isalpha() for w in words):
                variants.append(("".join(words),))  # "teammembers", "policyholders"
            for variant in variants:
                self.vocabulary.update(variant)
                node = trie
                for word in variant:
                    node = node.setdefault(word, {})
                node.setdefault(RULE, (payload, rule))
        return trie

    def _normal_forms(self, token):
        """Words a token stands for, before typo correction."""
        word = token.word
        if token.symbol:
            return [word]
        if token.upper and word in self.capital_abbreviations:
            word = self.capital_abbreviations[word]
        base = singular(word, self.lang)
        expansion = self.abbreviations.get(base)
        if expansion is None and word.endswith("s"):
            expansion = self.abbreviations.get(word[:-1])
        if expansion is not None:
            return [singular(w, self.lang) for w in expansion.split()]
        return [base]

    def words(self, entry):
        words = []
        for position, token in enumerate(tokenize(entry)):
            forms = self._corrected_forms(token)
            plural = len(forms) == 1 and forms[0] != token.word and not token.symbol
            for text in forms:
                words.append(Word(text, token.start, token.end, position, token.word,
                                  token.possessive, plural, len(forms) == 1))
        return words

    def _corrected_forms(self, token):
        key = (token.word, token.upper, token.symbol)
        cached = self._word_cache.get(key)
        if cached is None:
            forms = self._normal_forms(token)
            if len(forms) == 1 and forms[0] not in self.known:
                fixed = self.typos.closest(forms[0], len(token.word))
                if fixed is not None:
                    forms = [fixed]
            cached = tuple(forms)
            if len(self._word_cache) < _WORD_CACHE_LIMIT:
                self._word_cache[key] = cached
        return cached

    def joined(self, first, second):
        """"policy holders", "co-workers": two typed words that form one vocabulary word."""
        if not (first.alone and second.alone) or first.possessive or first.token + 1 != second.token:
            return None
        key = (first.typed, second.typed)
        if key in self._join_cache:
            return self._join_cache[key]
        word = singular(first.typed + second.typed, self.lang)
        found = word if word in self.single_words else None
        if found is None and not (first.text in self.known and second.text in self.known):
            # A typo inside a split compound ("polcy holders"); two known words never are.
            fixed = self.typos.closest(word, len(first.typed) + len(second.typed))
            found = fixed if fixed in self.single_words else None
        if len(self._join_cache) < _WORD_CACHE_LIMIT:
            self._join_cache[key] = found
        return found


@lru_cache(maxsize=16)
def compile_taxonomy(taxonomy):
    return CompiledTaxonomy(taxonomy)


# --- phrases ----------------------------------------------------------------

def _longest_at(words, i, trie, fillers):
    """(end, payload, rule) of the longest phrase starting at words[i], or None.

    Fillers ("the", "our") may sit between a phrase's words: "buy our policies".
    """
    node = trie.get(words[i].text)
    if node is None:
        return None
    best = (i + 1,) + node[RULE] if RULE in node else None
    j, n = i + 1, len(words)
    while j < n:
        child = node.get(words[j].text)
        if child is None:
            if words[j].text in fillers:
                j += 1
                continue
            break
        node, j = child, j + 1
        if RULE in node:
            best = (j,) + node[RULE]
    return best


def joins(words, compiled):
    """For each position, the single vocabulary word it forms with the next word (or None)."""
    return [compiled.joined(words[i], words[i + 1]) if i + 1 < len(words) else None
            for i in range(len(words))]


def scan(words, joined, index, compiled, keep_plain=True):
    """Longest phrase at each position, left to right; plain words in between."""
    fillers = compiled.lexicon.fillers
    items, i, n = [], 0, len(words)
    while i < n:
        best = _longest_at(words, i, index, fillers)
        if joined[i] is not None and (best is None or best[0] < i + 2):
            node = index.get(joined[i])
            if node is not None and RULE in node:
                best = (i + 2,) + node[RULE]
        if best is not None:
            end, payload, rule = best
            last = words[end - 1]
            items.append(Item(
                " ".join(w.text for w in words[i:end]), words[i].start, last.end,
                payload, rule, plural=last.plural, possessive=last.possessive,
            ))
            i = end
        else:
            if keep_plain:
                w = words[i]
                items.append(Item(w.text, w.start, w.end, possessive=w.possessive))
            i += 1
    return items


# --- reading the phrase -----------------------------------------------------

def _is_head(item):
    concept = item.concept
    return concept is not None and concept.role in HEAD_ROLES


def _first_present(groups, present):
    for group_id in groups:
        if group_id in present:
            return group_id
    return None


def _conjuncts(items, lexicon):
    """Split at "and", "&", "or"...; a part naming no customer stays with its neighbour."""
    parts, current = [], []
    for item in items:
        if item.concept is None and item.text in lexicon.conjunctions:
            parts.append(current)
            current = [item]
        else:
            current.append(item)
    parts.append(current)
    merged = []
    for part in parts:
        if merged and not any(_is_head(item) for item in part):
            merged[-1].extend(part)
        else:
            merged.append(part)
    if len(merged) > 1 and not any(_is_head(item) for item in merged[0]):
        merged[1] = merged[0] + merged[1]
        del merged[0]
    # Each later part starts with its conjunction: drop it.
    return [part[1:] if k and part and part[0].concept is None else part for k, part in enumerate(merged)]


def _head_position(items, lexicon):
    """Index of the head: the last head word before the first post-modifier."""
    start = 0
    while start < len(items):
        head, seen_head = None, False
        for k in range(start, len(items)):
            item = items[k]
            if _is_head(item):
                head, seen_head = k, True
                if item.text.rsplit(" ", 1)[-1] in lexicon.boundaries:
                    return head, start  # "head of underwriting": the phrase says what follows
            elif item.concept is None and (
                item.text in lexicon.boundaries
                or (seen_head and len(item.text) > 4 and item.text.endswith(lexicon.participle_endings))
            ):
                if head is not None:
                    return head, start
                start = k + 1  # "all of the agents": the head comes after
                break
        else:
            return head, start
    return None, start


def _decide(concept, modifiers):
    """The groups a head concept means among these modifiers, and the modifier used."""
    if concept.role == HEAD:
        return concept.groups, None
    for modifier in modifiers:
        other = modifier.concept
        for names, groups in concept.with_:
            if other.name in names:
                return groups, modifier
        if concept.role == OPEN and other.groups and other.role != BLOCK:
            return other.groups, modifier
    return concept.groups, None


def _read_conjunct(items, antecedent, compiled, entry):
    """(group id, words, rule) found in one conjunct, and its head item."""
    lexicon, present = compiled.lexicon, compiled.present
    position, start = _head_position(items, lexicon)
    if position is None:
        return [], None
    head = items[position]
    modifiers = [item for item in items[position + 1:] if item.concept is not None]
    modifiers += [item for item in reversed(items[start:position]) if item.concept is not None]
    if antecedent is not None:
        modifiers.insert(0, antecedent)
    groups, used = _decide(head.concept, modifiers)
    found = []
    group_id = _first_present(groups, present)
    if group_id is not None:
        if used is None:
            words, rule = entry[head.start:head.end], head.rule
        else:
            first = items[0] if used is antecedent else used
            begin, end = min(first.start, head.start), max(first.end, head.end)
            words, rule = entry[begin:end], f"{head.rule} + {used.rule}"
        found.append((group_id, words, rule))
    # "customers agents": a plural customer before the head that nothing used.
    for item in items[start:position]:
        concept = item.concept
        if (concept is not None and concept.person and concept.role != OPEN and item.plural
                and not item.possessive and item is not used):
            other = _first_present(concept.groups, present)
            if other is not None:
                found.append((other, entry[item.start:item.end], item.rule))
    return found, head


def _lexicon_matches(items, compiled, entry):
    if any(item.concept is not None and item.concept.role == BLOCK for item in items):
        return []
    found, antecedent = [], None
    for part in _conjuncts(items, compiled.lexicon):
        if not part:
            continue
        points_back = part[0].concept is None and part[0].text in compiled.lexicon.anaphors
        placed, head = _read_conjunct(part, antecedent if points_back else None, compiled, entry)
        found.extend(placed)
        if head is not None:
            antecedent = head
    return found


def place_entry(entry, taxonomy):
    """The groups one entry names, with the evidence for each (taxonomy order)."""
    return _place(entry, compile_taxonomy(taxonomy))


def _place(entry, compiled):
    words = compiled.words(entry)
    if not words:
        return ()
    joined = joins(words, compiled)
    best = {}  # group id -> Match; a synonym beats the lexicon, earlier beats later
    if compiled.synonyms:
        for item in scan(words, joined, compiled.synonyms, compiled, keep_plain=False):
            group_id, synonym = item.payload
            best.setdefault(group_id, Match(group_id, entry[item.start:item.end], synonym, "synonym"))
    if compiled.labels:
        for item in scan(words, joined, compiled.labels, compiled, keep_plain=False):
            group_id, label = item.payload
            best.setdefault(group_id, Match(group_id, entry[item.start:item.end], label, "lexicon"))
    if compiled.concepts:
        items = scan(words, joined, compiled.concepts, compiled)
        for group_id, matched, rule in _lexicon_matches(items, compiled, entry):
            best.setdefault(group_id, Match(group_id, matched, rule, "lexicon"))
    return tuple(best[group_id] for group_id in compiled.order if group_id in best)


def place_entries(entries, taxonomy):
    """Each entry with its matches, in order."""
    compiled = compile_taxonomy(taxonomy)
    return [PlacedEntry(text=entry, matches=_place(entry, compiled)) for entry in entries]
