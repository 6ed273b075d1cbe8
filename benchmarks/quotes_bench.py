"""Quote and speaker extraction on the PolNeAR sample (../shared/bench/quotes).

Usage: python benchmarks/quotes_bench.py [--show N] [--indirect]

Scores, on the gold Content spans that contain quotation marks:
- detection precision and recall: a predicted quote matches a gold span when
  they overlap by at least half of the shorter one;
- speaker precision and recall: the predicted speaker mention overlaps the
  gold Source span (precision over matched quotes where we name a speaker,
  recall over matched gold quotes that have a source); ``--show`` lists the
  misses and the false speakers;
- verb accuracy: over matched pairs where both give a verb, the predicted
  verb equals the gold cue or is contained in it;
- articles per second for ``newsmodel.quotes.find`` in one process.

``--indirect`` scores reported speech instead: ``find(text, indirect=True)``'s
``kind=indirect`` quotes against the gold Content spans without quotation
marks, with the same measures.

Internal evaluation only: nothing from PolNeAR is copied anywhere.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "quotes" / "polnear"
sys.path.insert(0, str(ROOT / "src"))

from newsmodel.model import QuoteKind  # noqa: E402
from newsmodel.quotes import find  # noqa: E402

QUOTE_MARK = re.compile('["“”]')


def _load(ann: Path) -> list[dict[str, object]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, raw = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in raw.split(";")]
            spans[parts[0]] = (label, pieces)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(x.split(":", 1) for x in parts[1].split()))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        out.append(
            {
                "content": content[1],
                "source": spans[rel["Source"]][1] if rel.get("Source") in spans else None,
                "cue": spans[rel["Cue"]][1] if rel.get("Cue") in spans else None,
            }
        )
    return out


def _overlap(a: tuple[int, int], pieces: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in pieces)


def _length(pieces: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in pieces)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print N misses of each kind")
    parser.add_argument("--indirect", action="store_true", help="score reported speech")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not present")
        return
    texts: dict[str, str] = {}
    gold: dict[str, list[dict[str, object]]] = {}
    for ann in sorted((DATA / "attributions").glob("*.ann")):
        name = ann.name.rsplit("_", 1)[0]
        if name in gold:
            continue  # the first annotator in sort order
        texts[name] = (DATA / "text" / f"{name}.txt").read_text(encoding="utf-8")
        rels = _load(ann)
        gold[name] = [
            r
            for r in rels
            if bool(
                QUOTE_MARK.search(
                    " ".join(texts[name][s:e] for s, e in r["content"])  # type: ignore[attr-defined]
                )
            )
            is not args.indirect
        ]
    start = time.perf_counter()
    predicted = {name: find(text, indirect=args.indirect) for name, text in texts.items()}
    elapsed = time.perf_counter() - start
    if args.indirect:
        predicted = {
            name: [q for q in quotes if q.kind is QuoteKind.INDIRECT]
            for name, quotes in predicted.items()
        }

    n_pred = n_gold = hit_pred = hit_gold = 0
    sp_pred = sp_pred_ok = sp_gold = sp_gold_ok = verb_n = verb_ok = 0
    misses: list[str] = []
    false: list[str] = []
    speaker_misses: list[str] = []
    verb_misses: list[str] = []
    false_speakers: list[str] = []  # a speaker named where the gold names another or none
    for name, quotes in predicted.items():
        text = texts[name]
        golds = gold[name]
        n_pred += len(quotes)
        n_gold += len(golds)
        matched_gold: dict[int, object] = {}
        for q in quotes:
            best = None
            for gi, g in enumerate(golds):
                pieces = g["content"]  # type: ignore[assignment]
                ov = _overlap((q.start, q.end), pieces)  # type: ignore[arg-type]
                if ov and ov >= 0.5 * min(q.end - q.start, _length(pieces)):  # type: ignore[arg-type]
                    best = gi
                    break
            if best is None:
                false.append(f"{name}: {text[max(0, q.start - 60) : q.end + 40]!r}")
                continue
            hit_pred += 1
            g = golds[best]
            matched_gold.setdefault(best, q)
            if q.mention_span is not None:
                sp_pred += 1
                if g["source"] and _overlap(q.mention_span, g["source"]):  # type: ignore[arg-type]
                    sp_pred_ok += 1
                else:
                    false_speakers.append(
                        f"got {q.mention!r} in {text[max(0, q.start - 80) : q.end + 40]!r}"
                    )
            if q.verb and g["cue"]:
                verb_n += 1
                cue = " ".join(text[s:e] for s, e in g["cue"]).lower().strip(" :")  # type: ignore[attr-defined]
                if q.verb.lower() == cue or q.verb.lower() in cue.split():
                    verb_ok += 1
                else:
                    verb_misses.append(
                        f"gold {cue!r} got {q.verb!r} in {text[q.start - 60 : q.end + 60]!r}"
                    )
        hit_gold += len(matched_gold)
        for gi, g in enumerate(golds):
            if gi not in matched_gold:
                pieces = g["content"]  # type: ignore[assignment]
                misses.append(f"{name}: {text[pieces[0][0] - 40 : pieces[-1][1] + 40]!r}")  # type: ignore[index]
                continue
            if g["source"]:
                sp_gold += 1
                q = matched_gold[gi]
                if q.mention_span and _overlap(q.mention_span, g["source"]):  # type: ignore[attr-defined,arg-type]
                    sp_gold_ok += 1
                else:
                    src = " ".join(text[s:e] for s, e in g["source"])  # type: ignore[attr-defined]
                    speaker_misses.append(
                        f"gold {src!r} got {q.mention!r} in {text[q.start - 80 : q.end + 60]!r}"
                    )  # type: ignore[attr-defined]

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    print(f"articles: {len(texts)}, gold quotes: {n_gold}, predicted: {n_pred}")
    print("| metric | value |")
    print("| --- | ---: |")
    print(f"| quote detection precision | {ratio(hit_pred, n_pred):.3f} |")
    print(f"| quote detection recall | {ratio(hit_gold, n_gold):.3f} |")
    print(f"| speaker precision | {ratio(sp_pred_ok, sp_pred):.3f} |")
    print(f"| speaker recall | {ratio(sp_gold_ok, sp_gold):.3f} |")
    print(f"| verb accuracy | {ratio(verb_ok, verb_n):.3f} |")
    print(f"| articles per second | {len(texts) / elapsed:,.0f} |")
    for label, rows in (
        ("missed", misses),
        ("false", false),
        ("speaker", speaker_misses),
        ("false-speaker", false_speakers),
        ("verb", verb_misses),
    ):
        for row in rows[: args.show]:
            print(label, row)


if __name__ == "__main__":
    main()
