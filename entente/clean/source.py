"""The outlet: from metadata or URL, else the page's own cues.

In order: the input's `source`; the URL's domain; a bare domain line on the page ("vz.ru"); a
"МОСКВА (АП) –" / "(Reuters) -" dateline; a known outlet right after the opening dateline
("МОСКВА, 5 марта – РИА Новости"); a site name cut from the headline; a copyright line;
a cue verb ("пише DW", "передає Укрінформ", "сообщает ТАСС").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from entente.clean.outlets import Outlets
from entente.models import Line

_AGENCY_DATELINE = re.compile(r"^[^()\n]{0,60}\((?P<name>[^()\n]{1,30})\)\s*[-–—]")
_COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?"
                        r"(?P<name>[^.,;|]{2,40}?)\s*(?:[.,;|].*)?$")
_SLASHED = re.compile(r"/(?P<name>[^/\n]{2,30})/")


def domain(url: str) -> str | None:
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host.removeprefix("www.") if host else None


# Words that are never an outlet's name on their own (prepositions, generic site words): "По" from
# "По данным ...", "ONLINE" from a site banner.
_NOT_AN_OUTLET = frozenset(str.split("""по в во на с со из от для о об за к у при про и а но the a an by in on of for
from to with and or news новости новини online онлайн live главная головна home video видео відео photo фото media
медиа медіа press пресса преса агентство agency сайт site portal портал редакция редакція source источник
джерело"""))


def plausible(name: str | None) -> bool:
    """Whether `name` has the minimum shape of an outlet's name: some letters, not one preposition or generic
    word, not a whole sentence."""
    if not name:
        return False
    words = name.split()
    if not any(ch.isalpha() for ch in name) or len(name.strip()) < 2 or len(words) > 6:
        return False
    return not (len(words) == 1 and name.strip(" .,:;!?").lower() in _NOT_AN_OUTLET)


def find_source(known: str | None, url: str | None, lines: tuple[Line, ...], text: str,
                outlets: Outlets, site: str | None = None) -> str | None:
    """`site` is a site name cut from the headline (" | Новости дня"), if any. A name found on the page that
    is no known outlet must look like a name (`plausible`), else it is not taken."""
    if known:
        return outlets.name(known)
    found = _find(url, lines, text, outlets, site)
    if found is None or outlets.is_known(found) or plausible(found):
        return found
    return None


def _find(url: str | None, lines: tuple[Line, ...], text: str, outlets: Outlets, site: str | None) -> str | None:
    if url and (host := domain(url)):
        return host
    for x in lines:
        if x.reason == "domain" and x.zone != "teaser":
            return x.text.lower().removeprefix("www.").rstrip("/")
    head = text[:200]
    for pattern in (_AGENCY_DATELINE, _SLASHED):
        m = pattern.search(head)
        if m and (pattern is _AGENCY_DATELINE or outlets.is_known(m.group("name"))):
            return outlets.name(m.group("name"))
    m = re.search(r"^.{0,60}?[-–—]\s*(?P<name>[^.,;:\n]{2,30})[.,]", head)
    if m and outlets.is_known(m.group("name")):
        return outlets.name(m.group("name"))
    if site:
        return outlets.name(site)
    for x in lines:
        if x.reason == "copyright" and (m := _COPYRIGHT.match(x.text)):
            return outlets.name(m.group("name"))
    # Outlets are credited in the lead or at the end, not in the middle of a long article.
    ends = text if len(text) <= 1600 else text[:1000] + "\n" + text[-600:]
    cues = [*outlets.weak_cue.finditer(ends), *outlets.strong_cue.finditer(ends)]
    if cues:
        return outlets.name(min(cues, key=lambda c: c.start()).group("name"))
    return None
