"""Which aspects a clause talks about: a bilingual seed lexicon plus terms discovered per category.

English entries are regular-expression fragments matched on word boundaries; Chinese entries
are fragments matched anywhere (Chinese has no spaces). Both map to the same English aspect name, so
"电池续航很差" and "the battery dies fast" count towards the same `battery` row of a summary.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

SEED: dict[str, dict[str, list[str]]] = {
    # Worn items: how the body fits in them ("runs small", 偏小半码). `size` is the item's own
    # dimensions or capacity ("too bulky", 大小刚好).
    "fit": {
        "en": [r"(?:the|a|perfect|great|good|snug|loose|nice|comfortable) fit", r"fit (?:is|was|feels)",
               r"fits? (?:perfectly|well|great|nicely|snugly|true|like a glove|my|me)", r"true to size",
               r"runs? (?:\w+ ){0,3}(?:small|large|big|narrow|wide)", r"siz(?:e|ing) (?:up|down)", r"sizing",
               r"too (?:tight|loose|snug|short|long|narrow|wide)", r"snug(?:ly)?",
               r"(?:fits?|feels?|is|are) (?:\w+ )?(?:tight|loose)",
               r"sleeves?", r"the cut", r"cut is", r"toe ?box", r"heel slip\w*", r"cutouts?", r"line up",
               r"(?:keeps?|kept) slipping", r"holds? (?:my|the) phone"],
        "zh": ["合身", "合脚", "贴合", "版型", "尺码", "码数", "半码", "偏小", "偏大", "太紧", "太松", "包裹", "袖子"],
    },
    "comfort": {
        "en": [r"(?:un)?comfort\w*", r"cushion\w*", r"padded", r"padding", r"blisters?", r"hurts?", r"sore",
               r"soft", r"cozy", r"cosy", r"sweat\w*", r"breath(?:e|es|able|ability)", r"stiff", r"itch\w*",
               r"rubs?", r"chafe?\w*", r"arch support", r"digs? into", r"feels? fresh"],
        "zh": ["舒服", "舒适", "磨脚", "磨下巴", "硌", "勒", "柔软", "很软", "透气", "出汗", "闷热", "疼", "不累", "脚感"],
    },
    "battery": {
        "en": [r"batter(?:y|ies)", r"charg(?:e|es|ed|er|ers|ing)", r"battery life", r"run ?time", r"drains?"],
        "zh": ["电池", "续航", "充电", "电量", "待机", "耗电", "掉电"],
    },
    "sound": {
        "en": [r"sound(?:s|ing)?", r"audio", r"bass", r"treble", r"volume", r"speakers?", r"music",
               r"hiss(?:es|ing)?", r"tinny", r"muddy", r"crisp", r"vocals?"],
        "zh": ["音质", "音效", "声音", "低音", "高音", "音量", "人声", "杂音"],
    },
    "noise": {
        "en": [r"noise", r"noisy", r"loud(?:er|ly|ness)?", r"quiet(?:er|ly)?", r"silent(?:ly)?", r"whin\w+",
               r"hum(?:s|ming)?", r"buzz\w*"],
        "zh": ["噪音", "噪声", "降噪", "吵", "静音", "安静", "异响", "嗡嗡"],
    },
    "taste": {
        "en": [r"tast(?:e|es|ed|y|ing)", r"flavou?r\w*", r"delicious", r"bland", r"bitter\w*", r"sweet",
               r"sour", r"acidic", r"burnt", r"notes of", r"aroma\w*", r"fragran\w+"],
        "zh": ["味道", "口感", "好吃", "难吃", "好喝", "难喝", "口味", "香气", "苦", "回甘", "酸味"],
    },
    "leaks": {
        "en": [r"leak\w*", r"drip\w*", r"spill\w*", r"seep\w*"],
        "zh": ["漏"],
    },
    "durability": {
        "en": [r"durab\w+", r"sturdy", r"flimsy", r"broke", r"breaks?", r"breaking", r"fell apart",
               r"falling apart", r"wore out", r"worn out", r"(?:signs of )?wear and tear", r"signs of wear",
               r"tore", r"torn", r"crack(?:s|ed)?", r"stopped working", r"held up", r"holds? up", r"snapped",
               r"came (?:loose|off|apart)", r"fell off", r"peel(?:s|ed|ing)?", r"scuffs?", r"going strong",
               r"(?:no|some|little|any|outsole|sole|signs of|visible) wear(?! them| it)",
               r"last(?:ed)? (?:long|a long time)"],
        "zh": ["耐用", "结实", "坏了", "断了", "开裂", "裂了", "破了", "用了没多久", "磨损", "磨穿", "掉了", "好好的", "脱胶"],
    },
    "shipping": {
        "en": [r"ship(?:ping|ped)?", r"(?<!before )deliver(?:y|ed)?", r"arriv(?:e|ed|al|es)", r"packed",
               r"courier", r"(?:the|my) package"],
        "zh": ["物流", "快递", "发货", "送货", "到货", "包装(?!袋)", "配送"],
    },
    "price": {
        "en": [r"pric(?:e|ed|ey|y)", r"value", r"expensive", r"cheaper", r"(?<!feels )(?<!looks )cheap(?! and)",
               r"afford\w*", r"worth (?:the|every) (?:money|price|penny)", r"(?:value for|for the) money",
               r"costs?", r"costly", r"bargain", r"overpriced", r"for what (?:it is|you get)"],
        "zh": ["价格", "价钱", "性价比", "便宜", "贵", "划算", "物有所值", "值这个价", "价位"],
    },
    "size": {
        "en": [r"(?<!to )(?<!a )(?<!half a )siz(?:e|es)(?! (?:small|large|big|up|down))", r"bulky", r"compact",
               r"capacity", r"roomy", r"spacious", r"too (?:big|small|large)", r"dimensions?", r"lit(?:er|re)s?"],
        "zh": ["尺寸", "大小", "容量", "体积", "臃肿", "太大", "太小", "装得下", "装得多", "空间"],
    },
    "weight": {
        "en": [r"weigh(?:s|t|ts|ed)?", r"heav(?:y|ier|iest)", r"light ?weight",
               r"(?:so|really|very|super|quite|too|surprisingly|feels?|is) light(?:er)?", r"lighter"],
        "zh": ["重量", "太重", "很重", "有点重", "偏重", "比想象中重", "轻便", "轻巧", "很轻", "超轻", "分量"],
    },
    "quality": {
        "en": [r"quality", r"well[- ]made", r"poorly made", r"craftsmanship", r"materials?", r"stitch\w*",
               r"build", r"(?<!feel )(?<!feels )fresh(?:ness)?", r"stale", r"defect\w*", r"flaws?", r"premium",
               r"plasticky",
               r"feels? (?:cheap|solid)"],
        "zh": ["质量", "做工", "品质", "材质", "用料", "品控", "瑕疵", "新鲜", "质感", "陈味"],
    },
    "design": {
        "en": [r"design\w*", r"looks?", r"colou?rs?", r"styl(?:e|ish)", r"pretty", r"beautiful", r"sleek",
               r"ugly", r"finish", r"reseal\w*", r"clunky"],
        "zh": ["外观", "设计", "颜色", "款式", "好看", "颜值", "样子", "漂亮", "密封"],
    },
    "setup": {
        "en": [r"set ?up", r"install\w*", r"instructions?", r"manual", r"pair(?:s|ed|ing)?", r"assembl\w+",
               r"easy to use", r"app", r"connect(?:s|ed|ion|ing)?", r"wi-?fi"],
        "zh": ["安装", "说明书", "设置", "配对", "容易上手", "上手快", "组装", "连接", "配网"],
    },
    "waterproofing": {
        "en": [r"waterproof\w*", r"water[- ]?resist\w*", r"rain\w*", r"splash\w*", r"downpour", r"puddles?",
               r"soaked", r"(?:stay(?:s|ed)?|kept|keeps?|remain(?:s|ed)?) (?:\w+ ){0,2}dry"],
        "zh": ["防水", "进水", "湿透", "没湿", "不湿", "淋湿", "湿了", "下雨", "下大雨", "雨天", "渗水"],
    },
    "customer service": {
        "en": [r"customer service", r"(?:customer|tech|technical) support", r"support (?:team|staff|answered|"
               r"replied|responded|was|is)", r"seller", r"refund\w*", r"replacement", r"warranty",
               r"customer care"],
        "zh": ["客服", "售后", "退款", "换货", "服务态度", "卖家"],
    },
}


@dataclass
class AspectMatcher:
    """Finds aspect names in a clause. `extra` maps a category to discovered aspects: a term (its
    own name) or a (name, member terms) pair."""

    seed: dict[str, dict[str, list[str]]] = field(default_factory=lambda: SEED)
    extra: dict[str, list] = field(default_factory=dict)

    def __post_init__(self):
        self._en = {
            name: re.compile(r"\b(?:" + "|".join(terms["en"]) + r")\b", re.I)
            for name, terms in self.seed.items() if terms.get("en")
        }
        self._zh = {name: re.compile("|".join(terms["zh"])) for name, terms in self.seed.items() if terms.get("zh")}
        self._extra: dict[str, list[tuple[str, list[str], re.Pattern | None]]] = {}
        for category, terms in self.extra.items():
            self.add_terms(category, terms)

    def add_terms(self, category: str, terms: Iterable) -> None:
        """Set a category's discovered aspects: terms, or (name, members) groups."""
        groups = [(t, [t]) if isinstance(t, str) else (t[0], list(t[1])) for t in terms]
        self.extra[category] = groups
        rows = []
        for name, members in groups:
            english = [m for m in members if not _has_cjk(m)]
            rx = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in english) + r")s?\b", re.I) if english else None
            rows.append((name, [m for m in members if _has_cjk(m)], rx))
        self._extra[category] = rows

    def find(self, clause: str, lang: str = "en", category: str | None = None) -> list[str]:
        """Aspect names mentioned in `clause`, seed aspects first, each once."""
        found = []
        if lang == "zh":
            found = [name for name, rx in self._zh.items() if rx.search(clause)]
        # English patterns run on Chinese text too: reviews mix in words like "app" or "bass".
        found += [name for name, rx in self._en.items() if name not in found and rx.search(clause)]
        for name, cjk, rx in self._extra.get(category or "", ()):
            if name not in found and ((rx is not None and rx.search(clause)) or any(m in clause for m in cjk)):
                found.append(name)
        return found

    def covers(self, term: str) -> bool:
        """True when the seed lexicon already names this term (so it is no new aspect)."""
        return bool(self.find(term, "zh" if _has_cjk(term) else "en"))


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def discover(
    candidates: dict[str, list[list[str]]],
    matcher: AspectMatcher,
    exclude: dict[str, Iterable[str]] | None = None,
    min_share: float = 0.03,
    min_count: int = 3,
    min_lift: float = 3.0,
    top: int = 8,
    boost: dict[str, Iterable[str]] | None = None,
) -> dict[str, list[tuple[str, int]]]:
    """New aspects per category from noun-like candidate terms of each review.

    `candidates` maps a category to one list of terms per review. A term becomes an aspect of a
    category when enough of its reviews use it, the seed lexicon does not cover it, it is not a
    word of the products' own names (`exclude`), and it is distinctive: used at least `min_lift`
    times as often (per review) as in the other categories, which drops words every shop uses
    ("photos", "daily", "总体"). A word of the category's product attributes (`boost`) needs
    only `min_count` reviews and no lift. Returns (term, reviews using it), most used first.
    """
    df = {cat: Counter(t.lower() for terms in rows for t in set(terms)) for cat, rows in candidates.items()}
    sizes = {cat: max(1, len(rows)) for cat, rows in candidates.items()}
    total_df, total_n = sum(df.values(), Counter()), sum(sizes.values())
    found: dict[str, list[tuple[str, int]]] = {}
    for cat, counts in df.items():
        excluded = {e.lower() for e in (exclude or {}).get(cat, ())}
        boosted = {b.lower() for b in (boost or {}).get(cat, ())}
        floor = max(min_count, int(min_share * sizes[cat] + 0.999))
        rows = []
        for term, n in counts.most_common():
            if n < min_count or len(rows) >= top:
                break
            if n < floor and term not in boosted:
                continue
            if term in excluded or any(w in excluded for w in term.split()) or matcher.covers(term):
                continue
            other_n = total_n - sizes[cat]
            if (term not in boosted and other_n
                    and (n / sizes[cat]) < min_lift * ((total_df[term] - n) + 0.5) / other_n):
                continue
            rows.append((term, n))
        found[cat] = rows
    return found
