#!/usr/bin/env python3
"""Breaks the blind set's record-level errors down by trap class, for the people tuning the text engine.

Reads the sentence file (for each sentence's expected codes, trap class, voice and note type) and the findings of
`mhtrigger screen --format csv` over the built stays, and prints Markdown: per trap class, per trigger and trap class,
and every false positive and missed code with its sentence id. Standard library only.

    java --enable-native-access=ALL-UNNAMED -jar app/target/mhtrigger-app.jar screen --quiet --format csv \\
        --input corpus-samples/blind/stays --out /tmp/blind-findings.csv
    python3 corpus-samples/blind/breakdown.py corpus-samples/blind/sentences.tsv /tmp/blind-findings.csv

Scoring is the same as `evaluate`: a (record, trigger) pair is a true positive when it is found and expected.
"""
import csv
import sys
from collections import Counter, defaultdict


def read_sentences(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    header = lines[0].split("\t")
    sentences = []
    for line in lines[1:]:
        if not line.strip():
            continue
        row = dict(zip(header, line.split("\t")))
        row["record"] = "blind-" + row["id"]
        row["expected"] = {c.strip() for c in row["expected"].split(";") if c.strip()}
        sentences.append(row)
    return sentences


def read_found(path):
    found = defaultdict(set)
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            found[row["record"]].add(row["trigger"])
    return found


def ratio(a, b):
    return a / b if b else 1.0


def main(tsv, findings):
    sentences = read_sentences(tsv)
    found = read_found(findings)
    known = {s["record"] for s in sentences}
    stray = sorted(set(found) - known)
    if stray:
        sys.exit("findings for records not in the sentence file: " + ", ".join(stray[:5]))

    tp = fp = fn = 0
    by_class = defaultdict(Counter)
    fp_rows = defaultdict(list)
    fn_rows = defaultdict(list)
    trigger_fp = defaultdict(Counter)
    trigger_fn = defaultdict(Counter)
    for s in sentences:
        got = found.get(s["record"], set())
        want = s["expected"]
        c = by_class[s["trap_class"]]
        c["sentences"] += 1
        c["expected"] += len(want)
        c["tp"] += len(got & want)
        c["fp"] += len(got - want)
        c["fn"] += len(want - got)
        c["records with a false flag"] += 1 if got - want else 0
        c["records with a miss"] += 1 if want - got else 0
        c["records right"] += 1 if got == want else 0
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        for code in sorted(got - want):
            fp_rows[s["trap_class"]].append((s["id"], code))
            trigger_fp[code][s["trap_class"]] += 1
        for code in sorted(want - got):
            fn_rows[s["trap_class"]].append((s["id"], code))
            trigger_fn[code][s["trap_class"]] += 1

    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"micro precision={p:.3f} recall={r:.3f} f1={f1:.3f} tp={tp} fp={fp} fn={fn} records={len(sentences)}")
    print()
    print("### By trap class")
    print()
    print("| trap class | sentences | expected codes | tp | fp | fn | records with a false flag"
          " | records with a miss | records right |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, c in sorted(by_class.items(), key=lambda kv: (-kv[1]["fp"] - kv[1]["fn"], kv[0])):
        print(f"| {name} | {c['sentences']} | {c['expected']} | {c['tp']} | {c['fp']} | {c['fn']}"
              f" | {c['records with a false flag']} | {c['records with a miss']} | {c['records right']} |")
    print()
    print("### False positives by trigger and trap class")
    print()
    print("| trigger | fp | by trap class |")
    print("|---|---|---|")
    for code, classes in sorted(trigger_fp.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        detail = ", ".join(f"{k} {v}" for k, v in classes.most_common())
        print(f"| {code} | {sum(classes.values())} | {detail} |")
    print()
    print("### Misses by trigger and trap class")
    print()
    print("| trigger | fn | by trap class |")
    print("|---|---|---|")
    for code, classes in sorted(trigger_fn.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        detail = ", ".join(f"{k} {v}" for k, v in classes.most_common())
        print(f"| {code} | {sum(classes.values())} | {detail} |")
    print()
    print("### Every false positive (sentence id: code)")
    print()
    for name in sorted(fp_rows, key=lambda k: (-len(fp_rows[k]), k)):
        print(f"- {name} ({len(fp_rows[name])}): " + ", ".join(f"{i} {c}" for i, c in fp_rows[name]))
    print()
    print("### Every miss (sentence id: code)")
    print()
    for name in sorted(fn_rows, key=lambda k: (-len(fn_rows[k]), k)):
        print(f"- {name} ({len(fn_rows[name])}): " + ", ".join(f"{i} {c}" for i, c in fn_rows[name]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: breakdown.py SENTENCES.tsv FINDINGS.csv")
    main(sys.argv[1], sys.argv[2])
