#!/usr/bin/env python3
"""Does sentence-level similarity separate answerable from unanswerable questions? (an offline experiment)

Usage: sentence_evidence.py FEATURES_TSV [SENTENCE_DUMP_JSON]

FEATURES_TSV: one row per sentence of each question's top 8 passages, written by study-service's
GroundingReplay#sentenceFeatures from a dump enriched by document-service's SentenceSimilarityDump (see
docs/PERFORMANCE.md, "Grounding step 5"). SENTENCE_DUMP_JSON (that enriched dump): also re-rank each question's
fused top-N passages by their best sentence's similarity and count the right pages in the top 5.

For every question-level feature it prints the range over answerable and unanswerable questions, the best threshold
fitted on all documents (most unanswerable questions stopped while ≥ 95 % of the answerable ones are still answered)
and the hold-out: the threshold fitted on two documents, applied to the third. Nothing here is keyed to a question.
"""
import collections
import csv
import json
import statistics
import sys

ANSWERED_GOAL = 0.95
WEAK_RELEVANCE = 0.86  # the grader's (study-service application.properties), term weight 0.5


def load(path):
    questions = collections.OrderedDict()
    for row in csv.DictReader(open(path), delimiter="\t"):
        for key in ("passage_sim", "passage_cov", "sentence_sim", "sentence_cov"):
            row[key] = float(row[key])
        for key in ("answerable", "paraphrased", "right_page", "expected"):
            row[key] = row[key] == "true"
        row["rank"], row["words"] = int(row["rank"]), int(row["words"])
        questions.setdefault(row["qid"], []).append(row)
    return questions


def best_sentence(rows):
    return max(r["sentence_sim"] for r in rows)


def peak(rows, others=20):
    """How far the best sentence stands out from the next ones."""
    sims = sorted((r["sentence_sim"] for r in rows), reverse=True)
    return sims[0] - statistics.mean(sims[1:others + 1])


def grader_relevance(rows):
    return max([r["passage_sim"] + 0.5 * r["passage_cov"] for r in rows if r["passage_cov"] > 0] or [0])


FEATURES = {
    "best passage similarity": lambda s: max(r["passage_sim"] for r in s),
    "grader relevance (passage sim + 0.5 x term share)": grader_relevance,
    "best sentence similarity": best_sentence,
    "best sentence sim + 0.3 x its term share": lambda s: max(r["sentence_sim"] + 0.3 * r["sentence_cov"] for r in s),
    "best sentence sim + 0.5 x its term share": lambda s: max(r["sentence_sim"] + 0.5 * r["sentence_cov"] for r in s),
    "best sentence sim + 0.5 x passage term share": lambda s: max(r["sentence_sim"] + 0.5 * r["passage_cov"] for r in s),
    "best sentence sim - mean of the next 20 (peak)": peak,
}


def counts(questions, ids, feature, threshold):
    answerable = [q for q in ids if questions[q][0]["answerable"]]
    unanswerable = [q for q in ids if not questions[q][0]["answerable"]]
    answered = sum(1 for q in answerable if feature(questions[q]) >= threshold)
    stopped = sum(1 for q in unanswerable if feature(questions[q]) < threshold)
    return answered, len(answerable), stopped, len(unanswerable)


def fit(questions, ids, feature):
    values = sorted({feature(questions[q]) for q in ids})
    best = None
    for threshold in values:
        answered, answerable, stopped, _ = counts(questions, ids, feature, threshold)
        if answered >= ANSWERED_GOAL * answerable and (best is None or (stopped, answered) > best[0]):
            best = ((stopped, answered), threshold)
    return best[1] if best else values[0]


def separation(questions):
    ids = list(questions)
    documents = sorted({questions[q][0]["document"] for q in ids})
    print("| feature | answerable | unanswerable | fitted on all: answered, NOT_FOUND | hold-out per document |")
    print("|---|---|---|---|---|")
    for name, feature in FEATURES.items():
        a = [feature(questions[q]) for q in ids if questions[q][0]["answerable"]]
        u = [feature(questions[q]) for q in ids if not questions[q][0]["answerable"]]
        threshold = fit(questions, ids, feature)
        answered, answerable, stopped, unanswerable = counts(questions, ids, feature, threshold)
        held = []
        for document in documents:
            train = [q for q in ids if questions[q][0]["document"] != document]
            test = [q for q in ids if questions[q][0]["document"] == document]
            ha, hn, hs, hu = counts(questions, test, feature, fit(questions, train, feature))
            held.append(f"{document} {ha}/{hn}, {hs}/{hu}")
        print(f"| {name} | {min(a):.3f}–{max(a):.3f} | {min(u):.3f}–{max(u):.3f} | ≥ {threshold:.3f}: "
              f"{answered}/{answerable}, {stopped}/{unanswerable} | {'; '.join(held)} |")


def with_grader(questions):
    """Today's grader, plus a minimum peak: what the peak would add to the verdict."""
    print("\nToday's grader (relevance ≥ 0.86) and a minimum peak of the best sentence:")
    documents = sorted({rows[0]["document"] for rows in questions.values()})
    for minimum in (0.0, 0.03, 0.04, 0.05, 0.06):
        cells = []
        for document in documents + ["all"]:
            chosen = [rows for rows in questions.values() if document in ("all", rows[0]["document"])]
            answered = sum(1 for s in chosen if s[0]["answerable"] and grader_relevance(s) >= WEAK_RELEVANCE
                           and peak(s) >= minimum)
            stopped = sum(1 for s in chosen if not s[0]["answerable"] and not (
                grader_relevance(s) >= WEAK_RELEVANCE and peak(s) >= minimum))
            total_a = sum(1 for s in chosen if s[0]["answerable"])
            cells.append(f"{document} {answered}/{total_a}, {stopped}/{len(chosen) - total_a}")
        print(f"- peak ≥ {minimum}: " + "; ".join(cells))
    # hold-out: on two documents, the highest minimum that answers as many questions as the grader alone
    held = []
    for document in documents:
        train = [s for s in questions.values() if s[0]["document"] != document]
        test = [s for s in questions.values() if s[0]["document"] == document]

        def answered(chosen, minimum):
            return sum(1 for s in chosen if s[0]["answerable"] and grader_relevance(s) >= WEAK_RELEVANCE
                       and peak(s) >= minimum)

        candidates = sorted({round(peak(s), 4) for s in train})
        minimum = max(m for m in [0.0] + candidates if answered(train, m) == answered(train, 0.0))
        stopped = sum(1 for s in test if not s[0]["answerable"] and not (
            grader_relevance(s) >= WEAK_RELEVANCE and peak(s) >= minimum))
        held.append(f"{document} (≥ {minimum:.3f}) {answered(test, minimum)}/"
                    f"{sum(1 for s in test if s[0]['answerable'])}, {stopped}/{sum(1 for s in test if not s[0]['answerable'])}")
    print("- hold-out: " + "; ".join(held))


def sentence_choice(questions):
    print("\nThe single best sentence holds an expected term (answerable questions):")
    orders = {
        "by similarity": lambda r: r["sentence_sim"],
        "by similarity + 0.5 x term share": lambda r: r["sentence_sim"] + 0.5 * r["sentence_cov"],
        "by term share, then similarity": lambda r: (r["sentence_cov"], r["sentence_sim"]),
    }
    for name, key in orders.items():
        first = top3 = total = 0
        for rows in questions.values():
            if rows[0]["answerable"]:
                ranked = sorted(rows, key=key, reverse=True)
                total += 1
                first += ranked[0]["expected"]
                top3 += any(r["expected"] for r in ranked[:3])
        print(f"- {name}: best {first}/{total}, any of the best three {top3}/{total}")


def rerank(path):
    rows = [r for r in json.load(open(path)) if r["answerable"]]

    def best(p):
        return max([s["similarity"] for s in p["sentences"]] or [p["similarity"] or 0])

    def right_in_top5(r, passages):
        return any(p["page"] in r["pages"] for p in passages[:5])

    print("\nRight page in the top 5 when the fused top N are re-ordered (answerable questions):")
    print(f"- as fused today: {sum(right_in_top5(r, r['passages']) for r in rows)}/{len(rows)}")
    for n in (10, 20, 50):
        for name, key in (("best sentence similarity", best),
                          ("max(passage, best sentence) similarity", lambda p: max(p["similarity"] or 0, best(p)))):
            hits = sum(right_in_top5(r, sorted(r["passages"][:n], key=key, reverse=True) + r["passages"][n:])
                       for r in rows)
            print(f"- top {n} by {name}: {hits}/{len(rows)}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    loaded = load(sys.argv[1])
    separation(loaded)
    with_grader(loaded)
    sentence_choice(loaded)
    if len(sys.argv) == 3:
        rerank(sys.argv[2])
