#!/usr/bin/env python3
"""Grounding quality of the running system, measured on real PDFs (bench/run grounding).

Usage: grounding.py EVAL_SET PDF_DIR REPORT_MD [summary=FILE] [gateway=URL] [versions=FILE] [search=URL] [study=URL]
                    [accounts=URL] [dump=FILE]

search= / study=: send the searches / the study calls to that base URL instead of the gateway (a build of
document-service / study-service started beside a system that holds the standard ports; sign-up and upload still go
through the gateway, and the tokens are the same).

accounts=URL: sign up and log in at auth-service itself (bench/run passes its ACCOUNTS_URL): the gateway allows 10
registrations an hour per address, and every run signs up one user per document.

For every document of the evaluation set: a fresh user uploads the PDF through the gateway and waits for INDEXED;
then, per question, one search (top 5 of that document) and one chat answer over HTTP in a new study session (so
no question is condensed with another's history). It measures:

  - search: a page holding the answer among the top 5 results;
  - chat: the answer cites a page holding the answer; the answer contains an expected term; the verdict is not
    NOT_FOUND (answerable questions) or is NOT_FOUND (unanswerable ones);
  - latency seen by the client: search, and the whole HTTP answer (the offline answer is not streamed over HTTP, so
    this is an upper bound of the first streamed chunk).

dump=FILE: also save, per question, the passages study-service is given (one more search, top 8, as it asks) —
the input of study-service's GroundingReplay, which replays grading and the offline answer without services.

A report, not a test: exits 0 whatever the figures; non-zero only when the harness itself broke. Per-question
results go next to the report (same name, .json) to see which questions moved between runs.
"""
import json
import math
import os
import re
import sys
import time
import urllib.error
import urllib.request
import uuid

TOP_K = 5
INDEX_TIMEOUT_S = 600


def opts(argv):
    named = dict(a.split("=", 1) for a in argv if "=" in a)
    plain = [a for a in argv if "=" not in a]
    if len(plain) != 3:
        sys.exit(__doc__)
    return plain, named


class Api:
    def __init__(self, gateway, overrides=None):
        self.gateway = gateway.rstrip("/")
        self.overrides = {prefix: url.rstrip("/") for prefix, url in (overrides or {}).items() if url}
        self.token = None
        self.last_ms = 0.0  # the last call's answered attempt: waits for a rate limit are not latency
        self.rate_limited = 0  # 429 answers waited out, over the run

    def base(self, path):
        for prefix, url in self.overrides.items():
            if path.startswith(prefix):
                return url
        return self.gateway

    def call(self, method, path, body=None, headers=None, timeout=120):
        data = None
        all_headers = dict(headers or {})
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        elif isinstance(body, bytes):
            data = body
        if self.token:
            all_headers["Authorization"] = "Bearer " + self.token
        for attempt in range(8):
            request = urllib.request.Request(self.base(path) + path, data=data, method=method, headers=all_headers)
            started = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    text = response.read().decode()
                    self.last_ms = (time.monotonic() - started) * 1000
                    return response.status, (json.loads(text) if text else None)
            except urllib.error.HTTPError as e:
                text = e.read().decode(errors="replace")
                self.last_ms = (time.monotonic() - started) * 1000
                if e.code == 429 and attempt < 7:
                    # a rate limit is not a result: wait as told and ask again
                    self.rate_limited += 1
                    time.sleep(float(e.headers.get("Retry-After") or 5) + 0.5)
                    continue
                try:
                    return e.code, json.loads(text)
                except ValueError:
                    return e.code, {"raw": text[:300]}
        raise RuntimeError(f"{method} {path}: still rate limited")

    def expect(self, status, method, path, body=None, headers=None):
        code, payload = self.call(method, path, body, headers)
        if code != status:
            raise RuntimeError(f"{method} {path}: HTTP {code} {payload}")
        return payload

    def sign_up(self, label):
        email = f"grounding-{label}-{uuid.uuid4().hex[:10]}@example.test"
        password = "Grounding-" + uuid.uuid4().hex
        self.expect(201, "POST", "/api/v1/auth/register",
                    {"email": email, "password": password, "fullName": "Grounding bench"})
        self.token = self.expect(200, "POST", "/api/v1/auth/login",
                                 {"email": email, "password": password})["accessToken"]

    def upload(self, path, title):
        boundary = "lv-grounding-" + uuid.uuid4().hex
        with open(path, "rb") as f:
            pdf = f.read()
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{title}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{os.path.basename(path)}\"\r\n"
                "Content-Type: application/pdf\r\n\r\n").encode() + pdf + f"\r\n--{boundary}--\r\n".encode()
        code, payload = self.call("POST", "/api/v1/documents", body,
                                  {"Content-Type": "multipart/form-data; boundary=" + boundary})
        if code not in (200, 202):
            raise RuntimeError(f"upload {path}: HTTP {code} {payload}")
        return payload["id"]

    def wait_indexed(self, document_id):
        deadline = time.monotonic() + INDEX_TIMEOUT_S
        while time.monotonic() < deadline:
            status = self.expect(200, "GET", f"/api/v1/documents/{document_id}/status")["status"]
            if status == "INDEXED":
                return
            if status in ("FAILED", "NEEDS_OCR"):
                raise RuntimeError(f"document {document_id}: {status}")
            time.sleep(1)
        raise RuntimeError(f"document {document_id}: not indexed after {INDEX_TIMEOUT_S} s")


def normalize(text):
    return re.sub(r"[\s_]+", " ", (text or "").lower())


def contains_expected(answer, terms):
    text = normalize(answer)
    return any(normalize(t) in text for t in terms)


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


DUMP_TOP_K = 8  # study-service's lectavera.study.rag.top-k


def evaluate(api, doc, document_id, dump=None):
    rows = []
    items = [(q, True) for q in doc["questions"]] + [(q, False) for q in doc["unanswerable"]]
    for item, answerable in items:
        question = item["q"]
        pages = set(item.get("pages", []))
        results = api.expect(200, "POST", "/api/v1/documents/search",
                             {"query": question, "documentIds": [document_id], "topK": TOP_K})["results"]
        search_ms = api.last_ms
        if dump is not None:
            given = api.expect(200, "POST", "/api/v1/documents/search",
                               {"query": question, "documentIds": [document_id], "topK": DUMP_TOP_K})["results"]
            dump.append({"document": doc["id"], "q": question, "answerable": answerable, "pages": sorted(pages),
                         "expect": item.get("expect", []), "paraphrased": item.get("paraphrased"),
                         "passages": [{"page": r["page"], "text": r["text"], "similarity": r.get("similarity"),
                                       "start": r["startOffset"]} for r in given]})
        session = api.expect(201, "POST", "/api/v1/study/sessions",
                             {"title": "grounding " + doc["id"], "documentIds": [document_id]})["id"]
        exchange = api.expect(200, "POST", f"/api/v1/study/sessions/{session}/messages", {"content": question})
        answer_ms = api.last_ms
        answer = exchange["answer"]
        api.call("DELETE", f"/api/v1/study/sessions/{session}")
        cited = sorted({c["page"] for c in (answer.get("citations") or [])})
        rows.append({
            "document": doc["id"], "question": question, "answerable": answerable,
            "paraphrased": item.get("paraphrased"), "pages": sorted(pages),
            "searchPages": [r["page"] for r in results],
            # for calibrating the grader: the best similarity, and the best one on a page holding the answer
            "topSimilarity": max((r.get("similarity") or -1 for r in results), default=None),
            "rightPageSimilarity": max((r.get("similarity") or -1 for r in results if r["page"] in pages),
                                       default=None),
            "searchHit": bool(pages & {r["page"] for r in results}) if answerable else None,
            "verdict": answer.get("verdict"), "citedPages": cited,
            "citesRightPage": bool(pages & set(cited)) if answerable else None,
            "containsExpected": contains_expected(answer.get("content"), item["expect"]) if answerable else None,
            "answer": answer.get("content"), "searchMs": round(search_ms, 1), "answerMs": round(answer_ms, 1),
        })
    return rows


def measures(rows):
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    count = lambda rs, key: sum(1 for r in rs if r[key])
    return {
        "answerable": len(answerable),
        "searchTop5": count(answerable, "searchHit"),
        "citesRightPage": count(answerable, "citesRightPage"),
        "containsExpected": count(answerable, "containsExpected"),
        "answered": sum(1 for r in answerable if r["verdict"] != "NOT_FOUND"),
        "unanswerable": len(unanswerable),
        "notFound": sum(1 for r in unanswerable if r["verdict"] == "NOT_FOUND"),
    }


def fraction(part, whole):
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "-"


def measure_row(name, m):
    return (f"| {name} | {fraction(m['searchTop5'], m['answerable'])} | {fraction(m['citesRightPage'], m['answerable'])}"
            f" | {fraction(m['containsExpected'], m['answerable'])} | {fraction(m['answered'], m['answerable'])}"
            f" | {fraction(m['notFound'], m['unanswerable'])} |")


def main():
    (eval_set, pdf_dir, report_path), named = opts(sys.argv[1:])
    api = Api(named.get("gateway", "http://127.0.0.1:8080"),
              {"/api/v1/documents/search": named.get("search"), "/api/v1/study/": named.get("study"),
               "/api/v1/auth/": named.get("accounts")})
    with open(eval_set) as f:
        documents = json.load(f)["documents"]
    versions = {}
    if named.get("versions") and os.path.exists(named["versions"]):
        with open(named["versions"]) as f:
            versions = dict(line.split("\t", 1) for line in f.read().splitlines() if "\t" in line)

    all_rows, per_doc, dump = [], [], ([] if named.get("dump") else None)
    for doc in documents:
        api.sign_up(doc["id"])
        pdf = os.path.join(pdf_dir, doc["id"] + ".pdf")
        started = time.monotonic()
        document_id = api.upload(pdf, doc["id"])
        api.wait_indexed(document_id)
        print(f"  {doc['id']}: indexed in {time.monotonic() - started:.1f} s; asking "
              f"{len(doc['questions']) + len(doc['unanswerable'])} questions ...", file=sys.stderr)
        rows = evaluate(api, doc, document_id, dump)
        for r in rows:
            r["heldOut"] = bool(doc.get("heldOut"))
        all_rows += rows
        per_doc.append((doc, measures(rows)))
        api.call("DELETE", f"/api/v1/documents/{document_id}")

    overall = measures(all_rows)
    paraphrased = measures([r for r in all_rows if not r["answerable"] or r["paraphrased"]])
    literal = measures([r for r in all_rows if r["answerable"] and not r["paraphrased"]])
    search_ms = [r["searchMs"] for r in all_rows]
    answer_ms = [r["answerMs"] for r in all_rows]
    lines = [
        "Evaluation set `bench/grounding/eval-set.json`: Debian documentation PDFs fetched by the harness "
        "(`apt-get download`, versions below), each uploaded by a fresh user through the gateway; per question one "
        f"search (top {TOP_K}, that document) and one HTTP chat answer in a new session; default (offline) provider.",
        "",
        "| document | package version | pages | questions (paraphrased) | unanswerable |",
        "|---|---|---|---|---|",
    ]
    for doc, _ in per_doc:
        lines.append(f"| {doc['id']} | {doc['package']} {versions.get(doc['package'], '?')} | {doc['pages']} | "
                     f"{len(doc['questions'])} ({sum(1 for q in doc['questions'] if q.get('paraphrased'))}) | "
                     f"{len(doc['unanswerable'])} |")
    lines += [
        "",
        "| document | search: right page in top 5 | answer cites a right page | answer contains the expected term"
        " | answerable answered (not NOT_FOUND) | unanswerable → NOT_FOUND |",
        "|---|---|---|---|---|---|",
    ]
    table_start = len(lines) - 2
    lines += [measure_row(doc["id"] + (" (held out)" if doc.get("heldOut") else ""), m) for doc, m in per_doc]
    lines.append(measure_row("**overall**", overall))
    if any(r["heldOut"] for r in all_rows):
        # the documents the settings were tuned on, and those nobody tuned on (eval-set.json "heldOut")
        lines.append(measure_row("tuned documents only", measures([r for r in all_rows if not r["heldOut"]])))
        lines.append(measure_row("held-out documents only", measures([r for r in all_rows if r["heldOut"]])))
    lines.append(measure_row("paraphrased questions only", paraphrased))
    lines.append(measure_row("questions in the page's words only", literal))
    lines += [
        "",
        f"Latency seen by the client (all {len(all_rows)} questions): search p50 {percentile(search_ms, 50):.0f} ms, "
        f"p95 {percentile(search_ms, 95):.0f} ms; whole HTTP answer p50 {percentile(answer_ms, 50):.0f} ms, "
        f"p95 {percentile(answer_ms, 95):.0f} ms (each the call that was answered: the {api.rate_limited} waits for "
        "a rate limit's Retry-After are not counted).",
        "",
        "Misses (answerable: search miss `S`, citation miss `C`, expected term missing `E`, NOT_FOUND `N`; "
        "unanswerable answered `U`):",
        "",
    ]
    for r in all_rows:
        flags = ""
        if r["answerable"]:
            flags += "" if r["searchHit"] else "S"
            flags += "" if r["citesRightPage"] else "C"
            flags += "" if r["containsExpected"] else "E"
            flags += "N" if r["verdict"] == "NOT_FOUND" else ""
        elif r["verdict"] != "NOT_FOUND":
            flags = "U"
        if flags:
            lines.append(f"- `{flags}` {r['document']}: {r['question']} (pages {r['pages']}, search "
                         f"{r['searchPages']}, cited {r['citedPages']}, {r['verdict']})")
    with open(report_path, "a") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.splitext(report_path)[0] + "-grounding.json", "w") as f:
        json.dump(all_rows, f, indent=1)

    if dump is not None:
        with open(named["dump"], "w") as f:
            json.dump(dump, f, indent=1)

    if named.get("summary"):
        with open(named["summary"], "a") as f:
            def row(measure, goal, part, whole, target):
                met = "yes" if whole and part / whole >= target else "no"
                f.write(f"{measure}\t{goal}\t{fraction(part, whole)}\t{met}\n")
            row("grounding: right page in the search top 5", ">= 0.95", overall["searchTop5"], overall["answerable"], 0.95)
            row("grounding: answer cites a right page", ">= 0.90", overall["citesRightPage"], overall["answerable"], 0.90)
            row("grounding: answer contains the expected term", ">= 0.60", overall["containsExpected"],
                overall["answerable"], 0.60)
            row("grounding: answerable answered", ">= 0.95", overall["answered"], overall["answerable"], 0.95)
            row("grounding: unanswerable → NOT_FOUND", ">= 0.90", overall["notFound"], overall["unanswerable"], 0.90)
            f.write(f"grounding: latency (client)\t-\tsearch p50/p95 {percentile(search_ms, 50):.0f}/"
                    f"{percentile(search_ms, 95):.0f} ms, answer p50/p95 {percentile(answer_ms, 50):.0f}/"
                    f"{percentile(answer_ms, 95):.0f} ms\t-\n")
    print("\n".join(lines[table_start:]), file=sys.stderr)


if __name__ == "__main__":
    main()
