#!/usr/bin/env python3
"""Builds the stand-off gold set from the annotated sources in src/.

A source (src/NAME.md) is the article with its attributions marked inline:
  header lines  '@ID KIND ACTOR'   (KIND: direct, mixed, indirect, floating;
                                    ACTOR '-' for an anonymous source)
  a line '---', then the article, where {qID text}, {cID text} and {sID text}
  mark the quote, cue and speaker of attribution ID ({s1,4 text}: one span for
  attributions 1 and 4, e.g. the speaker of a floating quote). Marks nest.
Writes NAME.txt (the plain article) and NAME.ann (the format read by
src/core/quotes/QuoteGold.h: kind, quote, cue, speaker as UTF-16 start/end,
actor; tab separated). Run: python3 build_gold.py  (from any directory)."""
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
OPEN = re.compile(r"\{([qcs])(\d+(?:,\d+)*) ")


def utf16(s):
    return len(s.encode("utf-16-le")) // 2


def convert(source):
    head, _, body = source.read_text(encoding="utf-8").partition("\n---\n")
    attributions = {}
    for line in head.splitlines():
        m = re.match(r"@(\d+)\s+(direct|mixed|indirect|floating)\s+(.+)$", line.strip())
        if m:
            attributions[int(m.group(1))] = {"kind": m.group(2), "actor": "" if m.group(3).strip() == "-" else m.group(3).strip()}
        elif line.strip() and not line.startswith("#"):
            sys.exit(f"{source.name}: bad header line {line!r}")
    out = []
    stack = []
    spans = {}
    i = 0
    while i < len(body):
        m = OPEN.match(body, i)
        if m:
            stack.append((m.group(1), [int(x) for x in m.group(2).split(",")], utf16("".join(out))))
            i = m.end()
            continue
        ch = body[i]
        if ch == "}" and stack:
            role, ids, start = stack.pop()
            end = utf16("".join(out))
            for a in ids:
                if (a, role) in spans:
                    sys.exit(f"{source.name}: {role}{a} marked twice")
                spans[(a, role)] = (start, end)
            i += 1
            continue
        out.append(ch)
        i += 1
    if stack:
        sys.exit(f"{source.name}: unclosed mark {stack[-1][0]}{stack[-1][1]}")
    text = "".join(out)
    lines = ["# kind\tquote_start\tquote_end\tcue_start\tcue_end\tspeaker_start\tspeaker_end\tactor"]
    for a in sorted(attributions, key=lambda a: spans.get((a, "q"), (0, 0))[0]):
        if (a, "q") not in spans:
            sys.exit(f"{source.name}: attribution {a} has no quote")
        q = spans[(a, "q")]
        c = spans.get((a, "c"), (-1, -1))
        s = spans.get((a, "s"), (-1, -1))
        lines.append("\t".join([attributions[a]["kind"], *map(str, q), *map(str, c), *map(str, s), attributions[a]["actor"]]))
    for (a, role) in spans:
        if a not in attributions:
            sys.exit(f"{source.name}: {role}{a} has no header line")
    stem = source.stem
    (HERE / f"{stem}.txt").write_text(text, encoding="utf-8")
    (HERE / f"{stem}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(attributions)


def main():
    total = 0
    sources = sorted((HERE / "src").glob("*.md"))
    for source in sources:
        total += convert(source)
    print(f"{len(sources)} articles, {total} attributions")


if __name__ == "__main__":
    main()
