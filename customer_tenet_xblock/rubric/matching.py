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

Instructor synonyms and the labels' head words are read as concepts of their
group's kind, in the same pass: a phrase the instructor wrote means their group
and nothing else, and "<synonym> team" or "<synonym> who ..." compose exactly as
built-in words do. A group whose id the lexicon does not know also takes the
generic words of its kind ("suppliers", "my boss"), plus clipped forms of its
synonyms ("admin" for administration) and agentive paraphrases ("companies
that insure" for insurers).
"""
import threading
from collections import OrderedDict
from functools import lru_cache

from .lexicon import BLOCK, HEAD, HEAD_ROLES, KIND_CONCEPTS, MOD, OPEN, Concept, get_lexicon
from .normalizing import MAX_TYPO_WORD, TypoIndex, leading_tokens, singular, tokenize
from .results import Match, PlacedEntry
from .taxonomy import BUILT_IN_IDS, EXTERNAL, OTHER_KIND, default_kind

# Label words too general to name a group on their own.
_GENERIC_LABEL_WORDS = frozenset(
    "other company customer customers your our their the who what which and or you "
    "people insurance team group groups own sell buy use deliver offer for of in".split()
)
_WORD_CACHE_LIMIT = 20000
# Longer words are not cached: their look-up is cheap (no typo tolerance), and
# the caches outlive the answer, so they must not hold a learner's 50,000 letters.
_CACHED_WORD_LENGTH = 2 * MAX_TYPO_WORD
# Fillers skipped in a row inside a phrase ("sell to all of our agents"): more
# would make each position look ahead through a whole run of "the the the".
MAX_FILLERS_IN_A_ROW = 5
# An entry is one customer phrase: the matcher reads its first 32 tokens (the
# longest entry in our evaluation data and fixtures has 14), so a learner's
# one entry of 25,000 tokens ("2/2/2/...") costs no more than a phrase.
MAX_ENTRY_TOKENS = 32
# ...within its first 1,024 characters (32 words of up to 31 letters): one entry
# that is a single word of 50,000 Hangul syllables costs no more than a phrase.
MAX_ENTRY_CHARS = 1_024
# Typo look-ups for one answer: its first 64 distinct words that could be typos
# are corrected, later ones are read as written. The answers in our evaluation
# data and fixtures need at most 15; without a bound, 4,000 distinct near-misses of
# an author's near-identical synonyms would cost 4,000 look-ups.
MAX_TYPO_LOOKUPS = 64
# Characters tokenised first to find those tokens; 4 times more until found.
_FIRST_READ = 256
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

    __slots__ = ("text", "start", "end", "rule", "plural", "possessive", "concept")

    def __init__(self, text, start, end, concept=None, rule="", plural=False, possessive=False):
        self.text = text
        self.start, self.end = start, end
        self.concept = concept  # the Concept, None for a plain word
        self.rule = rule
        self.plural = plural
        self.possessive = possessive


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
        self.vocabulary = {}  # ordered, as the rules are
        self._built_in_words = {}  # the lexicon's own words, first in the typo index
        self.exact_words = set()  # words of derived forms: known, but no typo is corrected into them
        known_ids = {g for concept in lex.concepts for g in concept.groups}
        known_ids.update(g for concept in lex.concepts for _, groups in concept.with_ for g in groups)
        built_in = known_ids & BUILT_IN_IDS
        self.kind_of = {group.id: group.kind for group in taxonomy.groups}
        self.outside = frozenset(group.id for group in taxonomy.groups if group.side == EXTERNAL)
        # Group preference key -> group id: the ids, then the kinds of groups the lexicon
        # does not know by id (the built-in ids keep exactly their meaning).
        self.keys = {group_id: group_id for group_id in self.order}
        for group in taxonomy.groups:
            if group.kind != OTHER_KIND and (group.id not in known_ids or group.kind != default_kind(group.id)):
                self.keys.setdefault(group.kind, group.id)
        new_groups = [group for group in taxonomy.groups if group.id not in built_in]
        # The labels of the built-in groups come after the lexicon written for them, but
        # for a word the lexicon places in no group here ("Pupils and their families")
        # or names as a group of its own ("Fellow lawyers and staff": lawyers, not staff).
        label_first, label_last = [], []
        for group in taxonomy.groups:
            for rule in _label_rules(group, lex):
                reading = _single_word_concepts(lex).get(singular(rule[0].casefold(), self.lang))
                first = group.id not in built_in or (reading is not None and (
                    self.resolve(reading.groups) is None
                    or (reading.role == HEAD and self.resolve(reading.groups) != group.id)))
                (label_first if first else label_last).append(rule)
        # The first rule for a phrase wins: the instructor's words before the lexicon's.
        rules = [rule for group in taxonomy.groups for rule in _synonym_rules(group, lex)]
        rules += label_first
        if self.lang == "en":
            rules += [rule for group in taxonomy.groups
                      for rule in _variant_rules(group, lex, group in new_groups)]
        rules += self._lexicon_rules(taxonomy)
        rules += label_last
        self.concepts = self._index(rules)
        self.single_words = {word for word, node in self.concepts.items() if RULE in node}
        self.known = (
            self.vocabulary.keys() | self.exact_words | lex.fillers | lex.boundaries | lex.conjunctions
            | lex.anaphors | lex.known_words
        )
        # The lexicon's words first: an author's synonyms never push them out of a full bucket.
        self.typos = TypoIndex([*self._built_in_words, *self.vocabulary])
        self._word_cache = {}
        self._typo_cache = {}

    def resolve(self, groups):
        """The taxonomy's group for a list of preferences (group ids or kinds), or None."""
        for key in groups:
            group_id = self.keys.get(key)
            if group_id is not None:
                return group_id
        return None

    def _lexicon_rules(self, taxonomy):
        """
        The lexicon's phrases. In "X of Y" the Y says who they are: a lexicon phrase whose
        complement is an instructor's synonym is read as that synonym when the synonym's
        group is another of the readings the lexicon allows the phrase ("board of
        trustees", the investors or management, where "trustees" are management). A
        synonym elsewhere in a phrase ("customer service", "quality team"), or of a group
        the phrase never means, changes nothing.
        """
        # The other groups each concept may mean here, beside the one it prefers.
        readings = [{self.resolve((key,)) for key in concept.groups} - {self.resolve(concept.groups), None}
                    for concept in self.lexicon.concepts]
        wanted = set().union(*readings)
        synonyms = {}
        for group in taxonomy.groups:
            if group.id not in wanted:
                continue
            for phrase, concept, rule in _synonym_rules(group, self.lexicon):
                words = self._phrase_words(phrase)
                while len(words) > 1 and words[0] in _ARTICLES:
                    words = words[1:]
                synonyms.setdefault(words, (concept, rule))
        longest = max(map(len, synonyms), default=0)
        boundaries = self.lexicon.boundaries
        rules = []
        for concept, others in zip(self.lexicon.concepts, readings, strict=True):
            for phrase in concept.phrases:
                rule = (phrase, concept, phrase)
                if synonyms and others and concept.role in HEAD_ROLES:
                    words = self._phrase_words(phrase)
                    for begin in range(1, len(words)):
                        if words[begin - 1] not in boundaries:
                            continue
                        found = next(filter(None, map(synonyms.get, _prefixes(words[begin:], longest))), None)
                        if found is not None and found[0].groups[0] in others:
                            rule = (phrase, found[0], found[1])
                            break
                rules.append(rule)
        return rules

    def _phrase_words(self, phrase):
        words = []
        for token in tokenize(phrase):
            words.extend(self._normal_forms(token))
        return tuple(words)

    def _index(self, rules):
        """
        A trie of phrases by word; a node's RULE entry is (payload, rule). First rule wins.
        A rule may end with False: a derived form (a clipped word, a verb), matched as
        written only, so it neither joins nor grows the typo index.
        """
        trie = {}
        built_in = {id(concept) for concept in self.lexicon.concepts}
        for phrase, payload, rule, *derived in rules:
            words = self._phrase_words(phrase)
            if payload.source != "lexicon":
                # An author's "the mayor" is the mayor: a learner may write "our mayor" or "mayor".
                while len(words) > 1 and words[0] in _ARTICLES:
                    words = words[1:]
            if not words:
                continue
            variants = [words]
            if derived:
                self.exact_words.update(words)
            elif 1 < len(words) <= 3 and all(w.isalpha() for w in words):
                variants.append(("".join(words),))  # "teammembers", "policyholders"
            for variant in variants:
                if not derived:
                    self.vocabulary.update(dict.fromkeys(variant))
                    if id(payload) in built_in:
                        self._built_in_words.update(dict.fromkeys(variant))
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

    def words(self, entry, allowance):
        words = []
        for position, token in enumerate(entry_tokens(entry)):
            typed, start, end, possessive, _upper, symbol = token
            forms = self._forms(token, allowance)
            if len(forms) == 1:  # most words: one form, plural when it is not the word as typed
                text = forms[0]
                words.append(Word(text, start, end, position, typed, possessive, text != typed and not symbol, True))
                continue
            for text in forms:
                words.append(Word(text, start, end, position, typed, possessive, False, False))
        return words

    def _forms(self, token, allowance):
        """The words a token stands for, a typo corrected."""
        key = (token.word, token.upper, token.symbol)
        forms = self._word_cache.get(key)
        if forms is None:
            forms = tuple(self._normal_forms(token))
            if len(self._word_cache) < _WORD_CACHE_LIMIT and len(token.word) <= _CACHED_WORD_LENGTH:
                self._word_cache[key] = forms
        if len(forms) == 1 and forms[0] not in self.known:
            fixed = self._corrected(forms[0], len(token.word), allowance)
            if fixed is not None:
                return (fixed,)
        return forms

    def _corrected(self, word, typed_length, allowance):
        """The vocabulary word `word` is a typo of, or None: within the answer's allowance of look-ups."""
        if not self.typos.corrects(word, typed_length) or not allowance.admits(word):
            return None
        key = (word, typed_length)
        if key in self._typo_cache:
            return self._typo_cache[key]
        fixed = self.typos.closest(word, typed_length)
        if len(self._typo_cache) < _WORD_CACHE_LIMIT:  # no long word: corrects() admits none past 34 letters
            self._typo_cache[key] = fixed
        return fixed

    def joined(self, first, second, allowance):
        """"policy holders", "co-workers": two typed words that form one vocabulary word."""
        if not (first.alone and second.alone) or first.possessive or first.token + 1 != second.token:
            return None
        word = singular(first.typed + second.typed, self.lang)
        if word in self.single_words:
            return word
        if first.text in self.known and second.text in self.known:
            return None  # a typo inside a split compound ("polcy holders"); two known words never are
        fixed = self._corrected(word, len(first.typed) + len(second.typed), allowance)
        return fixed if fixed in self.single_words else None


class TypoAllowance:
    """The typo look-ups one answer may make: its first MAX_TYPO_LOOKUPS distinct correctable words."""

    def __init__(self):
        self._words = set()

    def admits(self, word):
        if word in self._words:
            return True
        if len(self._words) >= MAX_TYPO_LOOKUPS:
            return False
        self._words.add(word)
        return True


def entry_tokens(entry):
    """The first MAX_ENTRY_TOKENS tokens of an entry's first MAX_ENTRY_CHARS characters.

    No more of the entry is tokenised than needed: a prefix of 256
    characters, then 4 times more.
    """
    size = _FIRST_READ
    while True:
        tokens = leading_tokens(entry, size)
        if size >= len(entry) or size >= MAX_ENTRY_CHARS or len(tokens) >= MAX_ENTRY_TOKENS:
            return tokens[:MAX_ENTRY_TOKENS]
        size = min(4 * size, MAX_ENTRY_CHARS)


def _prefixes(words, longest):
    """The first words of a phrase, longest first."""
    for size in range(min(len(words), longest), 0, -1):
        yield words[:size]


def _instructor_concept(group, source, lexicon):
    """A concept for the instructor's words: the role and combinations of its kind's built-in concept."""
    name = KIND_CONCEPTS.get(group.kind, "synonym")
    try:
        model = lexicon.concept(name)
    except KeyError:
        return Concept(name, HEAD, (group.id,), (), person=True, source=source)
    role = model.role if model.role in HEAD_ROLES else HEAD
    return Concept(name, role, (group.id,), (), model.with_, person=True, source=source)


def _synonym_rules(group, lexicon):
    """(phrase, concept, rule) for each synonym of a group, as a word of its kind."""
    concept = _instructor_concept(group, "synonym", lexicon)
    for synonym in group.synonyms:
        yield synonym, concept, synonym


def _label_rules(group, lexicon):
    """The label, and the head noun of each of its parts ("Suppliers and hauliers")."""
    concept = _instructor_concept(group, "label", lexicon)
    yield group.label, concept, group.label
    for word in label_heads(group.label, lexicon):
        yield word, concept, word


_ARTICLES = frozenset(("the", "a", "an"))
_VOWELS = frozenset("aeiou")
_RELATIVES = ("who", "that", "which")


def clipped_forms(word):
    """Clipped forms an English speaker uses for a long word: "admin", "exec", "pharm".

    Four or five letters cut where a consonant meets a vowel, leaving at least three.
    """
    if len(word) < 8 or not word.isalpha():
        return []
    return [word[:n] for n in (4, 5)
            if word[n - 1] not in _VOWELS and word[n] in _VOWELS and len(word) - n >= 3]


def agentive_stems(word):
    """The verb an agent noun comes from: insurer -> insure, lender -> lend, supplier -> supply."""
    if len(word) < 6 or not word.isalpha():
        return []
    if word.endswith("ier"):
        return [word[:-3] + "y"]
    if word.endswith("er"):
        stems = [word[:-2], word[:-1]]
        if word[-3] == word[-4]:
            stems.append(word[:-3])  # shipper -> ship
        return stems
    if word.endswith("or"):
        return [word[:-2], word[:-2] + "e"]  # investor -> invest, regulator -> regulate
    return []


def participles(word):
    """The -ing form of the verb an agent noun comes from: traveller -> travelling, supplier -> supplying."""
    if len(word) < 6 or not word.isalpha():
        return []
    if word.endswith("ier"):
        return [word[:-3] + "ying"]
    if word.endswith(("er", "or")):
        return [word[:-2] + "ing"]  # lender -> lending, regulator -> regulating, shipper -> shipping
    return []


def _variant_rules(group, lexicon, new):
    """
    Clipped forms ("admin") and agentive paraphrases ("companies that insure",
    "people who lend", "families travelling") of a group's one-word synonyms and,
    for a new group, of
    its label's head words, read as the synonym. The verb alone only modifies
    a head, and never takes a word the lexicon already has.
    """
    synonym = _instructor_concept(group, "synonym", lexicon)
    label = _instructor_concept(group, "label", lexicon)
    sources = [(text, synonym) for text in group.synonyms]
    if new:
        sources += [(word, label) for word in label_heads(group.label, lexicon)]
    reserved = lexicon.fillers | lexicon.boundaries | lexicon.conjunctions | lexicon.known_words
    for text, concept in sources:
        tokens = tokenize(text)
        if len(tokens) != 1:
            continue
        word = singular(tokens[0].word)
        for clipped in clipped_forms(word):
            if clipped not in reserved:
                yield clipped, concept, text, False
        deciding = Concept(concept.name, HEAD, concept.groups, (), person=True, source=concept.source)
        modifying = Concept(concept.name, MOD, concept.groups, (), source=concept.source)
        for stem in agentive_stems(word):
            for relative in _RELATIVES:
                yield f"{relative} {stem}", deciding, text, False  # "the banks that lend": the clause decides
            if stem not in reserved and stem not in _single_word_concepts(lexicon):
                yield stem, modifying, text, False  # "companies that insure", "people who lend"
        for verb in participles(word):
            if verb not in reserved and verb not in _single_word_concepts(lexicon):
                yield verb, modifying, text, False  # "families travelling", "firms supplying us"


@lru_cache(maxsize=4)
def _single_word_concepts(lexicon):
    """The lexicon's one-word phrases and the concept each belongs to (the first)."""
    found = {}
    for concept in lexicon.concepts:
        for phrase in concept.phrases:
            if " " not in phrase:
                found.setdefault(phrase, concept)
    return found


def label_heads(label, lexicon):
    """The last telling word before the end or a post-modifier, in each conjunct of a label."""
    heads, last, closed = [], None, False
    # Commas and semicolons separate parts too ("Suppliers, hauliers and growers").
    tokens = [token for part in label.replace(";", ",").split(",") for token in tokenize(part + " &")]
    for token in tokens:
        word = token.word
        if word in lexicon.conjunctions or token.symbol:
            heads.append(last)
            last, closed = None, False
        elif closed:
            continue
        elif word in lexicon.boundaries:
            closed = True
        elif word not in _GENERIC_LABEL_WORDS and len(word) > 2 and word.isalpha():
            last = word
    heads.append(last)
    # "Store and area managers": a singular part before a plural one modifies it.
    return [word for k, word in enumerate(heads) if word and not (
        k + 1 < len(heads) and heads[k + 1] and singular(word) == word and singular(heads[k + 1]) != heads[k + 1])]


def taxonomy_size(taxonomy):
    """Characters of an author's text in a taxonomy: its compiled form grows with them."""
    return sum(len(group.label) + sum(len(synonym) for synonym in group.synonyms) for group in taxonomy.groups)


# A course has a few taxonomies, so a process keeps up to 16 compiled, but
# only 2,500,000 characters of their labels and synonyms in all (two of the
# largest validation allows, 1,206,000 characters and about 55 MiB compiled
# each; the default taxonomy has 102, its lexicon is built in): a worker's memory stays bounded however many large
# taxonomies its courses hold. The least recently used goes first.
COMPILED_TAXONOMIES = 16
COMPILED_CHARACTERS = 2_500_000


class _CompiledTaxonomies:
    """compile_taxonomy: a least-recently-used cache bounded by count and by size."""

    def __init__(self):
        self._compiled = OrderedDict()  # taxonomy -> (CompiledTaxonomy, size)
        self._lock = threading.Lock()
        self.__wrapped__ = CompiledTaxonomy  # compiling without the cache, as functools names it

    def __call__(self, taxonomy):
        with self._lock:
            found = self._compiled.get(taxonomy)
            if found is not None:
                self._compiled.move_to_end(taxonomy)
                return found[0]
        compiled, size = CompiledTaxonomy(taxonomy), taxonomy_size(taxonomy)
        with self._lock:
            self._compiled[taxonomy] = (compiled, size)
            while len(self._compiled) > 1 and (
                    len(self._compiled) > COMPILED_TAXONOMIES
                    or sum(size for _, size in self._compiled.values()) > COMPILED_CHARACTERS):
                self._compiled.popitem(last=False)
        return compiled

    def __contains__(self, taxonomy):
        return taxonomy in self._compiled

    def cache_clear(self):
        with self._lock:
            self._compiled.clear()


compile_taxonomy = _CompiledTaxonomies()


# --- phrases ----------------------------------------------------------------

def _longest_at(words, i, trie, fillers):
    """(end, payload, rule) of the longest phrase starting at words[i], or None.

    Fillers ("the", "our") may sit between a phrase's words: "buy our policies".
    """
    node = trie.get(words[i].text)
    if node is None:
        return None
    best = (i + 1,) + node[RULE] if RULE in node else None
    j, n, skipped = i + 1, len(words), 0
    while j < n:
        child = node.get(words[j].text)
        if child is None:
            if words[j].text in fillers and skipped < MAX_FILLERS_IN_A_ROW:
                j, skipped = j + 1, skipped + 1
                continue
            break
        node, j, skipped = child, j + 1, 0
        if RULE in node:
            best = (j,) + node[RULE]
    return best


def scan(words, index, compiled, allowance):
    """Longest phrase at each position, left to right; plain words in between."""
    fillers = compiled.lexicon.fillers
    items, i, n = [], 0, len(words)
    while i < n:
        best = _longest_at(words, i, index, fillers)
        if (best is None or best[0] < i + 2) and i + 1 < n:
            # Two typed words may be one vocabulary word: asked only where no longer phrase starts.
            joined = compiled.joined(words[i], words[i + 1], allowance)
            node = index.get(joined) if joined is not None else None
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
            w = words[i]
            items.append(Item(w.text, w.start, w.end, possessive=w.possessive))
            i += 1
    return items


# --- reading the phrase -----------------------------------------------------

def _is_head(item):
    concept = item.concept
    return concept is not None and concept.role in HEAD_ROLES


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
                if item.concept.source != "lexicon" and item.text.split(" ", 1)[0] in lexicon.boundaries:
                    # "companies that insure": the clause names the group, or modifies the head before it.
                    return (k if head is None else head), start
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


def _decide(concept, modifiers, following=None):
    """The groups a head concept means among these modifiers, and the modifier used."""
    if concept.role == HEAD:
        # A compound's last noun says what it is: "the catering company" is a company.
        if following is not None and following.concept is not None:
            for names, groups in concept.with_:
                if following.concept.name in names:
                    return groups, following
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
    lexicon = compiled.lexicon
    position, start = _head_position(items, lexicon)
    if position is None:
        return [], None
    head = items[position]
    modifiers = [item for item in items[position + 1:] if item.concept is not None]
    modifiers += [item for item in reversed(items[start:position]) if item.concept is not None]
    if antecedent is not None:
        modifiers.insert(0, antecedent)
    following = items[position + 1] if position + 1 < len(items) else None
    groups, used = _decide(head.concept, modifiers, following)
    own = compiled.resolve(groups)
    if used is None and own is not None and own not in compiled.outside:
        # "the client's finance director", "a supplier's lawyers": an inside word for
        # someone who belongs to an outside group's person is theirs.
        owner = next((item for item in items[start:position] if item.possessive and _is_head(item)
                      and item.concept.person and compiled.resolve(item.concept.groups) in compiled.outside), None)
        if owner is not None:
            groups, used = owner.concept.groups, owner
    found = []
    group_id = compiled.resolve(groups)
    evidence = None
    if used is None and head.concept.source == "lexicon":
        # "the night-shift crew": an instructor's word of the same kind is the evidence.
        evidence = next((m for m in modifiers if m.concept.source != "lexicon"
                         and compiled.kind_of.get(group_id) == compiled.kind_of[m.concept.groups[0]]), None)
        if evidence is not None:
            group_id = evidence.concept.groups[0]
    if used is not None and used.concept.source != "lexicon":
        # "<department synonym> staff": the instructor's own group of that kind.
        own = used.concept.groups[0]
        if compiled.kind_of.get(group_id) == compiled.kind_of[own]:
            group_id = own
    if group_id is not None:
        if evidence is not None:
            words, rule = entry[evidence.start:evidence.end], evidence.rule
        elif used is None:
            words, rule = entry[head.start:head.end], head.rule
        else:
            first = items[0] if used is antecedent else used
            begin, end = min(first.start, head.start), max(first.end, head.end)
            words, rule = entry[begin:end], f"{head.rule} + {used.rule}"
        deciding = evidence or (head if used is None or head.concept.source == "synonym" else used)
        found.append((group_id, words, rule, _source(deciding)))
    # "customers agents": a plural customer before the head that nothing used.
    for item in items[start:position]:
        concept = item.concept
        if (concept is not None and concept.person and concept.role != OPEN and item.plural
                and not item.possessive and item is not used and item is not evidence):
            other = compiled.resolve(concept.groups)
            if other is not None:
                found.append((other, entry[item.start:item.end], item.rule, _source(item)))
    return found, head


def _source(item):
    """How a match is reported: "synonym" when an instructor's synonym decided it."""
    return "synonym" if item.concept.source == "synonym" else "lexicon"


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
    return _place(entry, compile_taxonomy(taxonomy), TypoAllowance())


def _place(entry, compiled, allowance):
    words = compiled.words(entry, allowance)
    if not words:
        return ()
    best = {}  # group id -> Match; the first evidence for a group is kept
    items = scan(words, compiled.concepts, compiled, allowance)
    for group_id, matched, rule, source in _lexicon_matches(items, compiled, entry):
        best.setdefault(group_id, Match(group_id, matched, rule, source))
    return tuple(best[group_id] for group_id in compiled.order if group_id in best)


def place_entries(entries, taxonomy):
    """Each entry with its matches, in order; one allowance of typo look-ups for them all."""
    compiled, allowance = compile_taxonomy(taxonomy), TypoAllowance()
    return [PlacedEntry(text=entry, matches=_place(entry, compiled, allowance)) for entry in entries]
