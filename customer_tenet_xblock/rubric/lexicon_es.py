"""
The Spanish lexicon: a later issue. Its structure is in place (fillers,
boundaries, conjunctions, Spanish singular forms in normalizing.py) so the
matcher already treats Spanish text properly; until concepts are written,
Spanish taxonomies match on each group's label words and synonyms.
"""
from .lexicon import Lexicon

LEXICON = Lexicon(
    name="es",
    concepts=(),
    fillers=frozenset("el la los las un una unos unas nuestro nuestra nuestros nuestras su sus mi mis".split()),
    boundaries=frozenset("que quien quienes cual donde cuando en de del con para por a al sobre entre yo nosotros".split()),
    conjunctions=frozenset("y e o u & ni".split()),
    anaphors=frozenset("su sus".split()),
)
