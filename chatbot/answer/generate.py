"""Stage 7: the model reads the pack and answers, streamed. What streams is filtered (a small
model may echo the pack's labels first), the model is stopped once the kept sentences are
complete, and the draft is tidied for the checks."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from chatbot.answer.pack import KIND_LABEL
from chatbot.answer.turn import Turn
from chatbot.prompting import render, render_text
from chatbot.text import ENDS
from chatbot.text import sentences as split_sentences

SENTENCE_END = re.compile(f"[{ENDS}]")
_SOURCE = r"(information|evidence|data|reviews?|context|(product )?listing|(product )?description|shopper'?s answer|answers? from a shopper)"
# "In the quoted evidence, ...": the rules call the pack "the quoted evidence", and the model says so
BOILERPLATE = re.compile(rf"^((based on|according to|in) (the )?(quoted )?{_SOURCE}( provided)?( in the (quoted )?{_SOURCE})?,?"
                         rf"|(the )?(quoted )?{_SOURCE}( provided)? (states|says|mentions|shows|indicates) that)\s*", re.I)
EVIDENCE_LABEL = re.compile(rf"^\s*\[(\d{{1,2}})\]\s*({'|'.join(KIND_LABEL.values())})\b[^\n]{{0,80}}$", re.I | re.M)
CITE_MARK = re.compile(r"\[\d{1,2}\]")
# A whole evidence line copied out ('[2] review: "it glows for hours."'): the model is quoting item 2
_ITEM_HEAD = rf'\s*\[(\d{{1,2}})\]\s*(?:{"|".join(KIND_LABEL.values())})(?: of [^:\n]{{1,80}})?:\s*"'
ITEM_OPEN = re.compile(_ITEM_HEAD, re.I)
QUOTED_ITEM = re.compile(rf'^{_ITEM_HEAD}([^"\n]*?)([.!?]?)"?\s*$', re.I | re.M)
DATA_TAG = re.compile(r'<data n="(\d{1,2})"[^>\n]*>|</?data\b[^>\n]*>|\[/?data[>\]]')  # echoed delimiters


def run(turn: Turn) -> Iterator[str]:
    settings, reply = turn.settings, turn.reply
    history = turn.session.history[-1][0] if turn.followup and turn.session.history else ""
    system = (render_text(settings.system_template, evidence=turn.evidence) if settings.system_template
              else render("answer_system.jinja", evidence=turn.evidence))
    messages = [
        {"role": "system", "content": system},
        {"role": "user", "content": render("answer_user.jinja", question=turn.text, history=history, lang=turn.lang)},
    ]
    stats: dict = {}
    pieces = []
    llm = turn.bot.llm
    reply.model = getattr(llm, "name", type(llm).__name__)
    turn.streamed = True
    shown = Shown()
    names = turn.names()  # "Lumo S.A." ends no sentence
    for piece in llm.stream(messages, max_new_tokens=settings.max_new_tokens, stop=list(settings.stops), stats=stats):
        pieces.append(piece)
        text = shown.push(piece)
        if text:
            reply.timings.setdefault("ttft_s", turn.elapsed())
            yield text
        if SENTENCE_END.search(piece) and complete(split_sentences("".join(pieces), names), settings.sentences, names):
            break  # tidy keeps that many sentences: stop the model rather than wait for more
    if text := shown.flush():
        reply.timings.setdefault("ttft_s", turn.elapsed())
        yield text
    turn.draft = tidy("".join(pieces), settings.sentences, names)
    reply.usage = {key: int(stats.get(key, 0)) for key in ("prompt_tokens", "cached_tokens", "output_tokens")}
    reply.timings["generate_s"] = round(float(stats.get("total_s", 0.0)), 4)


class Shown:
    """What of the model's stream the shopper sees: a small model may start by echoing the
    evidence pack ("[2] shopper's answer" on its own line; with the older `<data>` pack,
    4 replies in 10 did, with the quoted one none of 240 did); such lines and tags are held back
    as they stream instead of flashing up until the final answer replaces them."""

    MAY_BE_LABEL = re.compile(r"\s*\[(\d{1,2}(\][^\n,.;:!?，。；：！？]{0,100}(:\s*)?)?)?")  # "[", "[2", "[2] answer fr", "[2] review: "
    TAG_TAIL = re.compile(r"(<|<d|<da|<dat|<data[^>\n]{0,40}|</|</d|</da|</dat|</data|\[d|\[da|\[dat|\[data)$")

    def __init__(self):
        self.held = ""  # the current line, while it may still turn out to be an echo
        self.started = False

    def push(self, piece: str) -> str:
        self.held += piece
        out = []
        while "\n" in self.held:
            line, self.held = self.held.split("\n", 1)
            line = ITEM_OPEN.sub("", line, count=1)
            if not EVIDENCE_LABEL.fullmatch(line):
                out.append(DATA_TAG.sub("", line) + "\n")
        if opener := ITEM_OPEN.match(self.held):  # a copied evidence line: its text may show, not its label
            self.held = self.held[opener.end():]
        if not self.MAY_BE_LABEL.fullmatch(self.held):
            tail = self.TAG_TAIL.search(self.held)
            cut = tail.start() if tail else len(self.held)
            out.append(DATA_TAG.sub("", self.held[:cut]))
            self.held = self.held[cut:]
        text = "".join(out)
        if not self.started:  # blank lines left where an echo was dropped go too
            text = text.lstrip()
            self.started = bool(text)
        return text

    def flush(self) -> str:
        line, self.held = self.held, ""
        if EVIDENCE_LABEL.fullmatch(line):
            return ""
        text = DATA_TAG.sub("", line).rstrip()
        return text if self.started else text.lstrip()


def complete(kept: list[str], wanted: int = 1, names: Iterable[str] = ()) -> bool:
    """Whether the draft's sentences so far are the `wanted` ones, the last one ended (not at
    a full stop of a name: "The Lumo S.A." goes on as "The Lumo S.A. Radar light ...")."""
    if len(kept) != wanted:
        return len(kept) > wanted
    last = kept[-1]
    # the name may still be coming: "No, the Dr." of "Dr. Pell Ltd."
    if any(last.endswith(n[: i + 1]) for n in names for i, ch in enumerate(n) if ch == "."):
        return False
    # "(1." may go on as "(1.5 V)": a full stop after a digit ends nothing until the next token
    return last[-1] in ENDS and not (last[-1] == "." and last[-2:-1].isdigit())


def tidy(draft: str, sentences: int = 1, names: Iterable[str] = ()) -> str:
    """Clean a small model's draft: it echoes the evidence pack's labels and delimiters, opens with
    "Based on the evidence," and rambles or loops; the shopper needs the answer, once. Keeps
    `sentences` sentences; `names` (the products' names and brands) end none."""
    cites = []

    def label(m):  # "[2] shopper's answer" on its own line: the model is quoting item 2
        cites.append(m.group(1))
        return ""

    draft = QUOTED_ITEM.sub(lambda m: f"{m.group(2).strip()} [{m.group(1)}]{m.group(3)}", draft)
    draft = EVIDENCE_LABEL.sub(label, draft)
    draft = DATA_TAG.sub(lambda m: label(m) if m.group(1) else "", draft)
    draft = re.sub(r"^\s*A:\s*|Review of [^:]{1,80}:\s*", "", draft, flags=re.M)  # chunk prefixes
    lines = [ln.strip() for ln in draft.splitlines() if ln.strip()]
    draft = " ".join(dict.fromkeys(lines))  # a looping model repeats its lines
    draft = re.sub(r"^answer:\s*", "", draft, flags=re.I)  # echoes the prompt's last line
    draft = BOILERPLATE.sub("", draft).strip()
    draft = draft[:1].upper() + draft[1:]
    parts = list(dict.fromkeys(split_sentences(draft, names)))
    draft = " ".join(parts[:sentences]).strip()
    if cites and draft and not CITE_MARK.search(draft):
        draft += " " + "".join(f"[{n}]" for n in dict.fromkeys(cites))
    return draft
