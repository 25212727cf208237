"""Retrieval: dense search in the store, narrowed by product page and filters, with products
named in the question pulled in. Whole-catalog search joins BM25's best chunks (SQLite FTS5) and
each candidate product's card, ranks the products, then gives their best chunks (ranking.py, with
learned weights). Each hit's score stays its cosine plus a share of the question's words it holds:
the scale of the assistant's "has the catalog anything on this?" threshold."""
from __future__ import annotations

import re
import threading

from chatbot.data.catalog import ShopDB
from chatbot.text import rare, terms, words
from chatbot.types import Hit


PAGE_READ = 500  # a product page with fewer chunks is read whole (Retriever.page)
NAMED_BOOST = 100.0  # added to the ranking score of a product the question names by its title (or id): first


class Retriever:
    def __init__(self, db: ShopDB, store, embedder, lexical_weight: float = 0.2, fusion_path=None):
        """`lexical_weight`: each hit's score is its cosine + this x the share of the question's
        words it holds. `fusion_path`: learned ranking weights (default: ranking.WEIGHTS)."""
        self.db, self.store, self.embedder = db, store, embedder
        self.lexical_weight = lexical_weight
        self.bm25_weight = 1.0  # 0 leaves BM25 out (benches measure dense search alone)
        # The learned chunk model on a product page: 0.930 page evidence recall@5 on hetpqa dev
        # against 0.910, but it moves a Q&A that answers below the card on the demo's pages (the
        # assistant relays the top lines), so the page keeps cosine + word overlap by default.
        self.learned_page = False
        self.fusion_path = fusion_path
        self._titles: Titles | None = None
        self._lexicon = None
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Forget cached titles and the lexical index (call after ingest)."""
        self._titles, self._lexicon = None, None

    def lexicon(self):
        """The BM25 index in shop.db, which ingest keeps up to date. Checked against the store on
        first use (and after `refresh`): a shop.db from before the index, or chunks another
        process put straight into a shared store, make it rebuild once from the store's texts."""
        with self._lock:
            if self._lexicon is None:
                from chatbot.data.lexical import Lexicon

                lexicon = Lexicon(self.db.connect)
                if len(lexicon) != self.store.count():
                    lexicon.rebuild(self.store.texts())
                self._lexicon = lexicon
            return self._lexicon

    def titles(self) -> "Titles":
        """The catalog's titles, read once (and after `refresh`)."""
        with self._lock:
            if self._titles is None:
                self._titles = Titles([(p.id, p.title) for p in self.db.products() if p.title])
            return self._titles

    def mentioned_products(self, text: str, limit: int = 3) -> list[str]:
        """Products whose title (or id) the text names, best match first."""
        return self.titles().named(text, limit)

    def unknown_name(self, text: str) -> tuple[str, list[str]] | None:
        """A product name the text asks about that this shop does not hold ("Is the Storm Runner
        waterproof?"): no title holds a word of it and no chunk its words in a row. Returns the
        name and the products whose titles hold a word spelt nearly like one of its words (a
        misspelt "Fernholow"), or None."""
        titles = self.titles()
        for name in titles.unknown(text):
            said = terms(name)
            if said and not self.lexicon().holds(said):
                return name, titles.near(name)
        return None

    def search(
        self,
        query: str,
        k: int = 6,
        product_id: str | None = None,
        filters: dict | None = None,
        product_ids: list[str] | None = None,
    ) -> list[Hit]:
        """Best chunks for `query`. `product_id` (the product page) or `product_ids` narrow the
        search to those products; `filters` holds category, price_min, price_max, in_stock, kind.
        Over the whole catalog the products are ranked first and the chunks come best product
        first, a few per product (ranking.Fusion.layout)."""
        vector = self.embedder.embed_query(query)
        filters = dict(filters or {})
        if product_id or product_ids:
            pages = [self.store.of_product(pid, PAGE_READ) for pid in ([product_id] if product_id else product_ids)]
            if not filters and all(len(chunks) < PAGE_READ for chunks, _ in pages):
                # a few pages are read whole and scored exactly: the index's filtered query
                # takes ~0.8 s at a million chunks, reading a page ~10 ms
                return self._rerank(query, self._nearest([c for cs, _ in pages for c in cs],
                                                         [v for _, vs in pages for v in vs], vector, k * 3), k, vector=vector)
            narrowed = {**filters, "product_id": product_id or product_ids}
            return self._rerank(query, self.store.query(vector, k * 3, narrowed), k, vector=vector)
        cands, products = self.whole_catalog(query, vector, filters)
        return [c.hit for c in self.fusion.layout(cands, products, k)]

    def whole_catalog(self, query: str, vector, filters: dict | None = None, depth: int | None = None):
        """Candidates of a whole-catalog search (the dense index's and BM25's best `depth` chunks
        each, the named products' best, and each candidate product's card) with their features
        and relevance, and the candidate products ranked: `(candidates, [(product id, score)])`."""
        from chatbot.data.ranking import Candidate

        fusion, filters = self.fusion, dict(filters or {})
        depth = depth or fusion.candidates
        hits = self.store.query(vector, depth, filters)
        named = self.mentioned_products(query)
        if named:
            self._add(hits, self.store.query(vector, 6, {**filters, "product_id": named}))
        dense = {h.chunk.id for h in hits}
        asked = self.lexicon().budgeted(terms(query))
        lexical = self.lexicon().top(asked, depth) if self.bm25_weight and asked else {}
        # BM25's best chunks and each candidate product's card join the dense ones, scored by
        # cosine like them from their stored vectors.
        wanted = [cid for cid in lexical if cid not in dense]
        wanted += [f"{pid}:card" for pid in dict.fromkeys(h.product_id for h in hits)
                   if f"{pid}:card" not in dense and f"{pid}:card" not in lexical]
        chunks, vectors = self.store.with_vectors(wanted, filters)
        self._add(hits, [Hit(c, float(s)) for c, s in zip(chunks, _cosine(vectors, vector))])
        lexical.update(self.lexicon().scores(asked, [h.chunk.id for h in hits if h.chunk.id not in lexical]))
        best = max(lexical.values(), default=0.0) or 1.0
        q = set(words(query))
        cands = []
        for h in hits:
            overlap = len(q & set(words(h.chunk.text))) / len(q) if q else 0.0
            cands.append(Candidate(h, h.score, lexical.get(h.chunk.id, 0.0) / best, overlap))
            # A hit's score: cosine + a share of the words asked, the scale of the assistant's "the
            # catalog has nothing on this" threshold. A chunk the dense index did not place near the
            # question keeps its bare cosine, so it cannot alone vouch that the catalog covers the
            # question ("return policy for opened items" finds reviews saying "opened").
            if h.chunk.id in dense:
                h.score += self.lexical_weight * overlap
            if h.product_id in named:  # a product named in the question is what the shopper asks about
                h.score += 0.1
        cands = fusion.rank_chunks(cands)
        return cands, fusion.rank_products(cands, {pid: NAMED_BOOST for pid in named})

    @property
    def fusion(self):
        from chatbot.data.ranking import Fusion, weights_for

        return Fusion.load(self.fusion_path or weights_for(getattr(self.embedder, "name", None)))

    @staticmethod
    def _add(hits: list[Hit], more: list[Hit]) -> None:
        seen = {h.chunk.id for h in hits}
        hits.extend(h for h in more if h.chunk.id not in seen)

    def page(self, query: str, product_id: str, k: int) -> list[Hit]:
        """A product page's best chunks for `query`, as `search(query, k, product_id)` ranks them,
        from one read of the page's chunks and vectors instead of an index query. A page of at most
        `k` chunks gives all of them, ordered by the query's words alone: embedding the query (most
        of the pipeline's time before the first token) would only reorder them; their scores are
        then word overlap only. A page too big to read whole is searched through the index."""
        chunks, vectors = self.store.of_product(product_id, PAGE_READ)
        if len(chunks) >= PAGE_READ:
            return self.search(query, k=k, product_id=product_id)
        if len(chunks) > k:
            vector = self.embedder.embed_query(query)
            return self._rerank(query, self._nearest(chunks, vectors, vector, k * 3), k, vector=vector)  # as search() would
        order = {"qa": 0, "card": 1, "review": 2, "description": 3}  # ties: the kinds that answer most
        return self._rerank(query, [Hit(c, 0.0) for c in sorted(chunks, key=lambda c: order.get(c.kind, 4))], k)

    @staticmethod
    def _nearest(chunks, vectors, vector, n: int) -> list[Hit]:
        """The `n` chunks nearest `vector` by cosine, nearest first (ties in stored order)."""
        import numpy as np

        if not chunks:
            return []
        scores = _cosine(vectors, vector)
        return [Hit(chunks[i], float(scores[i])) for i in np.argsort(-scores, kind="stable")[:n]]

    def page_candidates(self, query: str, hits: list[Hit]):
        """`hits` of one page (or a few products) as ranking candidates: cosine, BM25 over the best
        of them, share of the words asked."""
        from chatbot.data.ranking import Candidate

        asked = self.lexicon().budgeted(terms(query)) if hits and self.bm25_weight else []
        bm25 = self.lexicon().scores(asked, [h.chunk.id for h in hits]) if asked else {}
        best = max(bm25.values(), default=0.0) or 1.0
        q = set(words(query))
        return [Candidate(h, h.score, bm25.get(h.chunk.id, 0.0) / best,
                          len(q & set(words(h.chunk.text))) / len(q) if q else 0.0) for h in hits]

    def _rerank(self, query: str, hits: list[Hit], k: int, vector=None) -> list[Hit]:
        """The best `k` of a page's (or a few products') chunks. Each hit's score becomes its cosine
        (0 when the question was not embedded) + lexical_weight x the share of the question's words
        it holds; the order is that score, or the learned chunk relevance (`learned_page`)."""
        if vector is not None and self.learned_page:
            ranked = [c.hit for c in self.fusion.rank_chunks(self.page_candidates(query, hits))]
        else:
            ranked = None
        q = set(words(query))
        if q and self.lexical_weight:
            for h in hits:
                h.score += self.lexical_weight * len(q & set(words(h.chunk.text))) / len(q)
        if ranked is None:
            ranked = sorted(hits, key=lambda h: h.score, reverse=True)
        return ranked[:k]


def _cosine(vectors, vector):
    """Cosine of each row of `vectors` with `vector`, as the index scores them."""
    import numpy as np

    q = np.asarray(vector, dtype=np.float32)
    m = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), len(q))
    return m @ q / np.maximum(np.linalg.norm(m, axis=1) * np.linalg.norm(q), 1e-12)


class Titles:
    """The catalog's titles, to find the products a message names. A title counts as named when
    the message holds most of its weight, each word weighed by how few titles share it (IDF:
    "Whisper 8L" names the "Whisper 8L Ultrasonic Humidifier" that "humidifier" alone does not),
    or when it holds a word of that title alone that reads as a name: with a digit, capitalised
    inside a sentence of the message, or next to another word of the title ("the Petite egg pan",
    "the Whisper 8L", "Harbour clock or Atomic clock?")."""

    SHARE = 0.6  # of a title's weight the message must hold

    def __init__(self, titles: list[tuple[str, str]]):
        import math

        self.titles = [(pid, set(words(title))) for pid, title in titles]
        # which titles hold each word, and each id's title: a message is matched against the
        # titles sharing a word with it, not all of them (100k products: 1 ms, not 100)
        self.postings: dict[str, list[int]] = {}
        for i, (_, ws) in enumerate(self.titles):
            for w in ws:
                self.postings.setdefault(w, []).append(i)
        # an id names its product when quoted whole and when it reads as one ("P0133", "CF-SEW-01"):
        # an id of "7" or "kettle" would be named by any message holding that word
        self.ids = {pid.lower(): i for i, (pid, _) in enumerate(self.titles)
                    if re.search(r"\d", pid) and re.search("[A-Za-z]", pid)}
        n = len(self.titles)
        self.weight = {w: math.log(1 + n / len(at)) for w, at in self.postings.items()}
        self.unique = {w for w, at in self.postings.items() if len(at) == 1}
        self.total = [sum(self.weight[w] for w in ws) for _, ws in self.titles]

    # A name asked about: capitalised words, or words with a digit, after a definite determiner
    # ("the Storm Runner", "your X9"; "my Subaru" is the shopper's own, "a Python script" no one
    # thing), or a Latin run with a letter inside Chinese ("Storm Runner防水吗", not "订单#50917").
    # A name's word starts with a capital or is a letter-led model code ("s107g"); a measure
    # ("18in") is none, a number may follow a name ("Model 2").
    _NAME = r"(?:[A-Z][A-Za-z0-9'-]*|[A-Za-z][A-Za-z-]*\d[A-Za-z0-9-]*)"
    _AFTER = re.compile(rf"\b(?:the|this|that|your)\s+({_NAME}(?:\s+(?:{_NAME}|\d+(?![\w.])))*)")
    _LATIN = re.compile(rf"{_NAME}(?:\s+(?:{_NAME}|\d+(?![\w.])))*")

    def refers(self, text: str) -> bool:
        """Whether the text asks about a product by a name whose words titles hold ("the Sakai Tetsu
        santoku"), though the name may not pick one title."""
        return any(any(w in self.postings for w in words(name)) for name in self._AFTER.findall(text))

    def unknown(self, text: str) -> list[str]:
        """Names the text asks about of which no title holds a word. A lone word must be rare in
        English ("the Pro" is no name) and a lone all-capitals one is an acronym ("the UK")."""
        found = [m for m in self._LATIN.findall(text) if re.search("[A-Za-z]", m)] \
            if re.search(r"[\u4e00-\u9fff]", text) else self._AFTER.findall(text)
        out = []
        for name in found:
            ws = words(name)
            if not ws or any(w in self.weight for w in ws):
                continue
            if len(name.split()) == 1 and (name.isupper() and name.isalpha() or not rare(ws[0])):
                continue
            out.append(name)
        return out

    def near(self, name: str, limit: int = 3) -> list[str]:
        """Products whose titles hold a word spelt nearly like a word of `name` (difflib's ratio
        of 0.8 or more, on words of 4 letters or more) and as many of them as the best one."""
        import difflib

        ws = [w for w in words(name) if len(w) >= 4]
        vocab = [w for w in self.weight if len(w) >= 4]
        close = {m for w in ws for m in difflib.get_close_matches(w, vocab, n=3, cutoff=0.8)}
        held: dict[int, int] = {}
        for w in close:
            for i in self.postings[w]:
                held[i] = held.get(i, 0) + 1
        scored = sorted(((n, -i, self.titles[i][0]) for i, n in held.items()), reverse=True)
        return [pid for n, _, pid in scored[:limit] if n == scored[0][0]]

    def named(self, text: str, limit: int = 3) -> list[str]:
        lowered = text.lower()
        said = [re.sub(r"['’]s$", "", w) for w in words(text)]  # "the KF75 Pro's switches"
        query = set(said)
        # capitalised inside a sentence (the first word of one is capitalised anyway); a Latin word
        # inside Chinese ("Heirloom铸铁锅") is a name as much
        initials = {m.group(0).lower(): m.start() for m in re.finditer(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9-]*", text)}
        capitalised = {w for w, at in initials.items() if not re.fullmatch(r"\s*|.*[.!?]\s*", text[:at], re.S)}
        foreign = re.search(r"[\u4e00-\u9fff]", text) is not None

        def where(found: set[str]) -> int:  # ties in the order the text names them: "the first one"
            return min((i for i, w in enumerate(said) if w in found), default=len(said))

        scored, by_id = [], set()
        for token in re.finditer(r"[^\s,;!?()\[\]\"'“”‘’，。？！；、（）]+", lowered):  # an id the text quotes ("P0133")
            i = self.ids.get(token.group(0).rstrip(".:"))
            if i is not None:
                scored.append((2.0, token.start(), self.titles[i][0]))
                by_id.add(i)
        shared: dict[int, int] = {}
        for w in query:
            for i in self.postings.get(w, ()):
                shared[i] = shared.get(i, 0) + 1
        named_words = set(initials)
        # a word of one title alone, capitalised inside a sentence and rare in English, is a name
        # too ("the WarmHaven"); a common one ("Green", "Silent") or a size ("XL") is not
        brands = {w for w in capitalised & self.unique if (rare(w) or "-" in w)  # "Fold-Go": a compound, no phrase
                  and not re.search(rf"\b{re.escape(w.upper())}\b", text)}
        # so is a title's own model code ("HX-700", "KF75"), and a rare title word opening the
        # message ("Trax or Tri-Kick, which ...?")
        brands |= {w for w in query & self.unique if any(c.isdigit() for c in w) and any(c.isalpha() for c in w)}
        brands |= {w for w in set(initials) - capitalised if w in self.unique and rare(w) and w in query}
        pairs = list(zip(said, said[1:]))
        for i in sorted(shared):
            pid, title = self.titles[i]
            if i in by_id or shared[i] < min(2, len(title)) and not (foreign or shared[i] == 1 and brands):
                continue
            hit = title & query
            unique = hit & self.unique  # only a title's own word can make it sure
            if shared[i] < min(2, len(title)) and not unique & (named_words if foreign else brands):
                continue
            # a model name ("8L"), a capitalised name next to another word of the title ("Blue
            # Steel pan") or a Latin name in Chinese is as sure as the whole title; a capitalised
            # word alone ("Green") less
            sure = bool(unique) and (any(any(c.isdigit() for c in w) for w in unique) or foreign and unique & named_words
                                     or unique & brands
                                     or any(a in title and b in title and {a, b} & unique & named_words for a, b in pairs)) \
                or any({a, b} <= title & named_words and set(self.postings[a]) & set(self.postings[b]) == {i} for a, b in pairs)
            # (the last: two capitalised words in a row that only this title holds, "CleanSky Mini")
            if sure:
                scored.append((1.0, where(hit), pid))
                continue
            share = sum(self.weight[w] for w in hit) / self.total[i]
            if share >= self.SHARE or unique & capitalised:
                scored.append((max(share, self.SHARE), where(hit), pid))
        scored.sort(key=lambda s: (-s[0], s[1]))
        if not scored:
            return []
        # "Pacelyn Drift 7 WP Road Running Shoe" shares most words with its siblings: keep only
        # the titles matched about as well as the best one (two for "X or Y" comparisons).
        best = scored[0][0]
        return [pid for share, _, pid in scored[:limit] if share >= best - 0.05]
