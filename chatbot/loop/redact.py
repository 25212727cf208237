"""Privacy: what the interaction log keeps, and the redaction applied before anything is written.

What is stored (in the log database, `$SHOPBOT_HOME/log.db` or `$SHOPBOT_DB_URL`)
---------------------------------------------------------------------------------
- sessions: session id, user id, first and last time seen.
- turns: one row per chat message: session id, user id, time, the shopper's message and the
  standalone query it was condensed to (both redacted), the ids of the retrieved evidence chunks,
  the answer (redacted), its citations and recommendations (product ids, titles, quotes and reasons,
  text redacted), whether it refused or handed off to a person (and why, redacted), the model name,
  latencies (time to first token, total), prompt and output token counts, language, and the product
  page the shopper was on.
- feedback: thumbs up/down (+1/-1) on a turn, an optional comment (redacted), user id, time.
- events: shopper behaviour: user id, product id, action (view, click, add_to_cart, purchase,
  review, feedback), time, session id, a number (rating, +1/-1) and extra fields (text redacted).
- profiles: a cache of each shopper's preferences computed from their events and turns
  (category, brand and attribute shares, price band, products bought); rebuilt from the rows above.

Redaction: every free text is passed through `redact()` before it is written, which replaces
e-mail addresses with `[email]`, phone numbers (international `+CC ...`, North-American
`(555) 123-4567`, trunk-prefixed `020 7946 0958`, Chinese mobiles `13812345678`) with `[phone]`,
payment card numbers (13-19 digits, spaces or dashes allowed, Luhn-checked so order numbers survive)
with `[card]`, IBANs (`DE89 3704 0044 0532 0130 00`, mod-97 checked) with `[iban]`, and street
addresses (`12 Baker Street`, `221B Baker St.`, `42 rue de Rivoli`, `Hauptstraße 5`, `中山路12号`)
with `[address]`. French-style phone numbers in pairs (`06 12 34 56 78`) are phones too. Prices, sizes, years and product ids are left alone. User ids are kept as given (they
are the key for `shopbot logs forget USER_ID`, which deletes every row of that user in every table,
the profile included). `SHOPBOT_LOG=off` stores nothing at all.
"""
from __future__ import annotations

import re

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

# Boundaries are ASCII on purpose: in Python every CJK character is \w, and "电话13812345678"
# must still be found.
_W = "0-9A-Za-z_"

# 13-19 digits, single spaces or dashes between them; not glued to other digits or letters.
CARD = re.compile(rf"(?<![{_W}.,$€£¥+-])\d(?:[ -]?\d){{12,18}}(?![{_W}]|[.,-]\d)")

# Chinese mobile: 1[3-9] + 9 digits, optional +86 / 86 prefix.
CN_MOBILE = re.compile(rf"(?<![{_W}+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{{4}}){{2}}(?!\d)")
# International: a leading + and groups of digits (checked for 7-15 digits below).
INTL_PHONE = re.compile(rf"(?<![{_W}+])\+\d{{1,3}}(?:[ .-]?\(?\d{{1,5}}\)?){{1,5}}(?![{_W}])")
# Without +: a separator-grouped number, 3-3-4 (North America) or 0-trunk (UK, EU).
LOCAL_PHONE = re.compile(
    rf"(?<![{_W}$€£¥.])(?:\(\d{{3}}\)\s?|\d{{3}}[ .-])\d{{3}}[ .-]\d{{4}}(?![{_W}])"
    rf"|(?<![{_W}$€£¥.])0\d{{2,4}}[ -]\d{{3,4}}[ -]?\d{{3,4}}(?![{_W}.])"
    # France, Belgium, Switzerland, the Netherlands: 0 and nine digits in pairs, 06 12 34 56 78
    rf"|(?<![{_W}$€£¥.])0[1-9](?:[ .]\d{{2}}){{4}}(?![{_W}]|[.,]\d)"
)
# IBAN: country, check digits, 11-30 letters or digits (groups of 4 with spaces allowed);
# mod-97 checked below so a product code that looks like one survives.
IBAN = re.compile(rf"(?<![{_W}])[A-Z]{{2}}\d{{2}}(?: ?[A-Z0-9]{{4}}){{2,7}}(?: ?[A-Z0-9]{{1,3}})?(?![{_W}])")

# "12 Baker Street", "221B Baker St.", "1600 Pennsylvania Avenue NW": a house number, 1-3
# capitalised name words, a street word. Capitals are required so "3 kids on the way" survives.
_STREET = (r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Court|Ct|Way|Place|Pl"
           r"|Terrace|Close|Crescent|Square|Sq|Highway|Hwy|Parkway|Pkwy|Row|Alley|Gardens")
EN_ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){{1,3}}(?i:{_STREET})\b\.?"
)
# Number first, then the street word: "42 rue de Rivoli", "7 avenida de Mayo", "3 via Roma".
EU_ADDRESS = re.compile(
    r"\b\d{1,4}(?:bis|ter)?,?\s+(?i:rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|via|viale|piazza"
    r"|calle|avenida|plaza|rua|straat|laan)\s+(?:(?i:de|du|des|la|le|del|della|di|da|do)\s+)*[A-ZÀ-Ý][\w'-]*"
)
# Street word last, then the number: "Hauptstraße 5", "Berliner Straße 12a", "Kerkstraat 3".
DE_ADDRESS = re.compile(
    r"\b(?:[A-ZÄÖÜ][a-zäöüß-]+\s)?[A-ZÄÖÜ]?[a-zäöüß-]*(?i:straße|strasse|str\.|gasse|allee|weg|platz|straat|gracht)"
    r"\s?\d{1,4}[a-z]?\b"
)
# "中山路12号", "南京东路100号3楼": a road name, a number, 号. The name stops at common
# function characters so "我住在中山路12号" keeps "我住在".
_ZH_NUM = r"[0-9０-９一二三四五六七八九十百千零〇]+"
ZH_ADDRESS = re.compile(
    rf"[^\W\d_在是我你他她的到寄送往为址住：，。、]{{1,10}}(?:路|街|大道|巷|弄)\s*{_ZH_NUM}\s*号"
    rf"(?:\s*{_ZH_NUM}\s*(?:楼|室|单元|栋|层))*"
)


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum every payment card number passes (and most order numbers fail)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[card]" if 13 <= len(digits) <= 19 and luhn_ok(digits) else match.group()


def iban_ok(text: str) -> bool:
    """The ISO 13616 mod-97 check every IBAN passes."""
    code = re.sub(r"\s", "", text).upper()
    digits = "".join(str(int(ch, 36)) for ch in code[4:] + code[:4])
    return 15 <= len(code) <= 34 and int(digits) % 97 == 1


def _iban(match: re.Match) -> str:
    return "[iban]" if iban_ok(match.group()) else match.group()


def _intl(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[phone]" if 7 <= len(digits) <= 15 else match.group()


def redact(text: str | None) -> str | None:
    """Replace e-mails, phone numbers, card numbers and street addresses with placeholders."""
    if not text:
        return text
    # Order matters: e-mails hold digits, and cards are longer than phones.
    text = EMAIL.sub("[email]", text)
    text = IBAN.sub(_iban, text)
    text = CARD.sub(_card, text)
    text = CN_MOBILE.sub("[phone]", text)
    text = INTL_PHONE.sub(_intl, text)
    text = LOCAL_PHONE.sub("[phone]", text)
    text = EN_ADDRESS.sub("[address]", text)
    text = EU_ADDRESS.sub("[address]", text)
    text = DE_ADDRESS.sub("[address]", text)
    return ZH_ADDRESS.sub("[address]", text)


def redact_obj(value):
    """Redact every string inside a JSON-like value (dicts, lists), keeping its shape."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_obj(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_obj(v) for v in value]
    return value
