"""
A Babel extractor for Django templates ({% trans %} and {% blocktrans %}).

Django's own templatize() turns a template into Python-like source with
gettext() calls, the way `makemessages` reads templates; Babel's Python
extractor then reads that.
"""
import io

from babel.messages.extract import extract_python
from django.utils.translation.template import templatize


def extract_django_template(fileobj, keywords, comment_tags, options):
    source = templatize(fileobj.read().decode(options.get("encoding", "utf-8")))
    yield from extract_python(io.BytesIO(source.encode("utf-8")), keywords, comment_tags, options)
