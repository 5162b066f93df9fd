"""`factx report`: the aggregation on documents made by hand (people joined across documents and
languages, commitments grouped, money counted once per document, what falls due, the timeline),
the seeds' report as JSON and Markdown, and the seeds' page rendered by headless Chromium."""

import json
import re
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from factx.cli import cli
from factx.facts import Document, DocumentDate, Fact
from factx.report import Corpus, build
from factx.report.html import ReportPage


def official(name, key, start, sentence, role=None, title=None, country=None, mentions=1):
    return Fact("official", name, start, start + len(name), sentence, "test.official",
                {"name": name, "key": key, "title": title, "role": role, "organization": None, "country": country,
                 "mentions": [{"text": name, "start": start, "end": start + len(name)}] * mentions})


def commitment(actor, action, sentence, modality="plan", due=None, begin=None, end=None, actor_text=None):
    return Fact("commitment", "plans", 0, 5, sentence, "test.commitment",
                {"trigger": "plans", "modality": modality, "actor": actor, "actor_text": actor_text or actor,
                 "action": action, "due": due, "due_begin": begin, "due_end": end})


def money(text, amount, currency, sentence, approximate=False, start=0):
    return Fact("money", text, start, start + len(text), sentence, "test.money",
                {"amount": amount, "currency": currency, "approximate": approximate})


def day(text, value, begin, end, sentence, start=0):
    return Fact("date", text, start, start + len(text), sentence, "test.date",
                {"value": value, "granularity": "day", "relative": False, "value_begin": begin, "value_end": end})


def doc(source, lang, when, *facts):
    return Document(source, lang, 1.0, DocumentDate(when, "option") if when else None, tuple(facts), "text")


# -- the aggregation ------------------------------------------------------------------------

def test_people_join_across_documents_and_languages():
    s1, s2, s3 = "PM Pham Minh Chinh met them.", "Thủ tướng Phạm Minh Chính phát biểu.", "Chinh said so."
    report = build([
        doc("a.txt", "en", "2025-01-02", official("Pham Minh Chinh", "pham minh chinh", 3, s1, "prime_minister",
                                                  "PM", "VN", mentions=2)),
        doc("b.txt", "vi", "2025-01-03", official("Phạm Minh Chính", "pham minh chinh", 10, s2, "prime_minister",
                                                  "Thủ tướng", "VN")),
        doc("c.txt", "en", "2025-02-01", official("Chinh", "chinh", 0, s3)),
    ])
    [person] = report.people
    assert person["key"] == "pham minh chinh"
    assert person["names"] == {"en": ["Pham Minh Chinh"], "vi": ["Phạm Minh Chính"]}
    assert person["aliases"] == ["chinh"]
    assert (person["documents"], person["mentions"]) == (3, 4)
    assert [r["title"] for r in person["roles"]] == ["PM", "Thủ tướng"]
    assert person["roles"][0]["dates"] == ["2025-01-02"]
    assert [s["fact"] for s in person["sources"]] == ["d1-f0", "d2-f0", "d3-f0"]
    assert person["sources"][2]["sentence"] == s3


def test_a_short_name_that_fits_two_people_stays_its_own_row():
    report = build([
        doc("a.txt", "en", "2025-01-02", official("To Lam", "to lam", 0, "To Lam spoke."),
            official("Tran Lam", "tran lam", 20, "Tran Lam spoke.")),
        doc("b.txt", "en", "2025-01-03", official("Lam", "lam", 0, "Lam spoke.")),
        doc("c.txt", "en", "2025-01-03", official("Y. Tukumov", "y. tukumov", 0, "Y. Tukumov spoke."),
            official("Yerkin Tukumov", "yerkin tukumov", 30, "Yerkin Tukumov spoke.")),
    ])
    people = {p["key"]: p for p in report.people}
    assert set(people) == {"to lam", "tran lam", "lam", "yerkin tukumov"}
    assert people["lam"]["ambiguous_with"] == ["to lam", "tran lam"]
    assert people["yerkin tukumov"]["aliases"] == ["y. tukumov"]


def test_a_commitment_reported_in_english_and_vietnamese_is_one_row():
    en = "Regarding flights, Kazakh airlines plan to launch routes to Ho Chi Minh City in the second half of 2026."
    vi = "Các hãng hàng không Kazakhstan dự kiến mở đường bay thẳng tới TP. Hồ Chí Minh trong nửa cuối năm 2026."
    h2 = ("2026-H2", "2026-07-01", "2026-12-31")
    report = build([
        doc("en.txt", "en", "2025-12-16",
            commitment("Kazakh airlines", "to launch routes to Ho Chi Minh City in the second half of 2026", en, "plan",
                       *h2),
            commitment("Kazakhstan", "to open a Consulate General in Ho Chi Minh City", "Kazakhstan plans to open "
                       "a Consulate General in Ho Chi Minh City.", "plan")),
        doc("vi.txt", "vi", "2025-12-15",
            commitment("các hãng hàng không Kazakhstan", "mở đường bay thẳng tới TP. Hồ Chí Minh trong nửa cuối "
                       "năm 2026", vi, "plan", *h2)),
    ], due_within=13)                   # ends 2026-12-31: within 13 months of 2025-12-16, not 12
    assert len(report.commitments) == 2
    route = next(c for c in report.commitments if c["due"])
    assert route["languages"] == ["en", "vi"]
    assert [(s["source"], s["language"], s["sentence"]) for s in route["sources"]] == \
        [("vi.txt", "vi", vi), ("en.txt", "en", en)]
    assert [s["fact"] for s in route["sources"]] == ["d2-f0", "d1-f0"]
    assert (route["due_begin"], route["due_end"]) == ("2026-07-01", "2026-12-31")
    assert report.due_soon == [route["id"]] and report.overdue == []


def test_due_soon_and_overdue():
    def pledge(action, due, begin, end):
        return commitment("Vietnam", action, f"Vietnam plans {action}.", "plan", due, begin, end)

    docs = [doc("a.txt", "en", "2024-01-10", pledge("to open a consulate", "2024-06", "2024-06-01", "2024-06-30"),
                pledge("to host a trade fair", "2024-05", "2024-05-01", "2024-05-31"),
                pledge("to sign a visa agreement", "2026", "2026-01-01", "2026-12-31")),
            doc("b.txt", "en", "2024-07-01", pledge("to host a trade fair again", "2024-05", "2024-05-01",
                                                   "2024-05-31"))]
    corpus = Corpus()
    for d in docs:
        corpus.add(d)
    report = corpus.report(as_of="2024-09-01", due_within=3)
    by_action = {c["action"]: c for c in report.commitments}
    assert len(by_action) == 3                                  # the fair reported twice is one row
    fair = by_action["to host a trade fair"]
    assert len(fair["sources"]) == 2 and fair["last_reported"] == "2024-07-01"
    assert report.overdue == [by_action["to open a consulate"]["id"]]      # the fair had a later report
    assert report.due_soon == []
    assert corpus.report(as_of="2025-10-01", due_within=3).due_soon == []
    assert corpus.report(as_of="2025-10-01", due_within=15).due_soon == [by_action["to sign a visa agreement"]["id"]]
    assert corpus.report().as_of == "2024-07-01"                  # default: the latest document date


def test_money_once_per_document_by_currency_and_year():
    s = "Trade reached US$1.5 billion."
    report = build([
        doc("a.txt", "en", "2024-03-01", money("US$1.5 billion", 1500000000, "USD", s),
            money("$1.5bn", 1500000000, "USD", s, start=40), money("$2-3 billion", 2000000000, "USD",
                                                                    "Investment of $2-3 billion.", True, 80)),
        doc("b.txt", "vi", "2025-03-01", money("1,5 tỷ USD", 1500000000, "USD", "Đạt 1,5 tỷ USD."),
            money("300 nghìn tỷ đồng", 300000000000000, "VND", "Vốn 300 nghìn tỷ đồng.", start=30),
            money("khoảng 2,5-3 tỷ USD", 2500000000, "USD", "Khoảng 2,5-3 tỷ USD.", True, 60)),
        doc("c.txt", "en", None, money("€5 million", 5000000, "EUR", "A grant of €5 million.")),
    ])
    totals = {(t["currency"], t["year"]): t for t in report.money["totals"]}
    assert set(totals) == {("EUR", None), ("USD", "2024"), ("USD", "2025"), ("VND", "2025")}
    usd24 = totals[("USD", "2024")]
    assert (usd24["amount"], usd24["amount_high"], usd24["figures"], usd24["approximate"], usd24["ranges"]) == \
        (3500000000, 4500000000, 2, 1, 1)
    assert (totals[("USD", "2025")]["amount"], totals[("USD", "2025")]["amount_high"]) == (4000000000, 4500000000)
    usd = next(c for c in report.money["by_currency"] if c["currency"] == "USD")
    assert (usd["amount"], usd["amount_high"], usd["documents"]) == (7500000000, 9000000000, 2)
    top = [t for t in report.money["top"] if t["currency"] == "USD"]
    assert [t["amount"] for t in top] == [2500000000, 2000000000, 1500000000, 1500000000]
    assert top[0]["sentence"] == "Khoảng 2,5-3 tỷ USD." and top[0]["fact"] == "d2-f2"


def test_timeline_points_link_to_their_facts():
    s = "On May 6, 2025, they met; a forum follows in 2026."
    report = build([doc("a.txt", "en", "2025-05-07", day("May 6, 2025", "2025-05-06", "2025-05-06", "2025-05-06", s),
                        day("May 6, 2025", "2025-05-06", "2025-05-06", "2025-05-06", s, 60),
                        commitment("they", "a forum in 2026", s, "plan", "2026", "2026-01-01", "2026-12-31"))])
    assert [(p["kind"], p["begin"], p["fact"], p["sentence"]) for p in report.timeline] == \
        [("date", "2025-05-06", "d1-f0", s), ("commitment", "2026-01-01", "d1-f2", s)]


def test_the_corpus_keeps_no_text():
    corpus = Corpus()
    corpus.add(doc("a.txt", "en", "2025-01-01", money("$5", 5, "USD", "It cost $5.")))
    assert "text" not in repr(corpus.documents) and not any(isinstance(v, Document) for v in vars(corpus).values())


# -- the seeds --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_json(seeds_dir):
    r = CliRunner().invoke(cli, ["report", str(seeds_dir), "--format", "json", "--due-within", "12"],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


BOTH_LANGUAGES = {"kanat tumysh", "nguyen van duoc", "to lam", "kassym jomart tokayev"}


def test_seeds_people_one_key_each_across_languages(seeds_json, seed_documents):
    people = {p["key"]: p for p in seeds_json["people"]}
    officials = {f.attrs["key"] for d in seed_documents.values() for f in d.facts if f.type == "official"}
    assert set(people) == officials and len(seeds_json["people"]) == len(officials)
    assert {k for k, p in people.items() if p["languages"] == ["en", "vi"]} == BOTH_LANGUAGES
    duoc = people["nguyen van duoc"]
    assert duoc["names"] == {"en": ["Nguyen Van Duoc"], "vi": ["Nguyễn Văn Được"]}
    assert duoc["documents"] == 2 and duoc["countries"] == ["VN"]
    assert {r["role"] for r in duoc["roles"]} == {"chairman"}
    assert people["kanat tumysh"]["documents"] == 3


def test_seeds_money_totals(seeds_json):
    totals = {(t["currency"], t["year"]): (t["amount"], t["figures"], t["approximate"])
              for t in seeds_json["money"]["totals"]}
    # 001 repeats US$1.5 billion (headline and body): counted once
    assert totals == {("USD", "2023"): (1500000000, 1, 0), ("USD", "2024"): (1500610900000, 2, 1),
                      ("USD", "2025"): (1000000000, 1, 1)}
    assert seeds_json["money"]["by_currency"][0]["amount"] == 1503110900000


def test_seeds_a_commitment_with_its_sources(seeds_json):
    route = next(c for c in seeds_json["commitments"] if c["actor"] == "Kazakh airlines")
    assert (route["modality"], route["due"], route["due_begin"], route["due_end"]) == \
        ("plan", "2026-H2", "2026-07-01", "2026-12-31")
    [source] = route["sources"]
    assert source["source"].endswith("000_1b9531123ad11ac5.txt") and source["language"] == "en"
    assert "Kazakh airlines plan to launch routes" in source["sentence"]
    assert source["fact"].startswith("d1-f")
    forum = next(c for c in seeds_json["commitments"] if c["due"] == "2026-05/2026-06")
    assert seeds_json["due_soon"] == [forum["id"]]      # ends 2026-06-30; the route ends 2026-12-31, past 12 months
    assert seeds_json["as_of"] == "2025-12-16"
    # every source of every row is a fact of its document, by its index
    for c in seeds_json["commitments"]:
        for s in c["sources"]:
            assert re.fullmatch(r"d\d+-f\d+", s["fact"]) and s["fact"].split("-")[0][1:] == s["document"][4:]


def test_seeds_markdown(seeds_dir):
    r = CliRunner().invoke(cli, ["report", str(seeds_dir), "--format", "md"], catch_exceptions=False)
    assert r.exit_code == 0
    assert r.stdout.startswith("# factx report\n")
    assert "| Nguyen Van Duoc / Nguyễn Văn Được | nguyen van duoc |" in r.stdout
    assert "| **USD** | all | **1,503,110,900,000 USD** |" in r.stdout


def test_report_errors(tmp_path, seeds_dir):
    r = CliRunner().invoke(cli, ["report", str(tmp_path / "nope")])
    assert r.exit_code == 2 and "no such file" in r.stderr
    r = CliRunner().invoke(cli, ["report", str(seeds_dir), "--as-of", "16/12/2025"])
    assert r.exit_code == 2 and "--as-of" in r.stderr


# -- a real browser ---------------------------------------------------------------------------

class Dom(HTMLParser):
    """The rendered page: each element with an id (tag, text), the people rows, the timeline's
    links, the money rows, the commitment rows with their sources."""

    def __init__(self, html):
        super().__init__()
        self.ids, self.open, self.people, self.links, self.money, self.rows = {}, [], {}, [], {}, {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("meta", "br", "col", "img", "link", "circle", "rect", "line"):
            if tag in ("circle", "rect") and self.open and self.open[-1][2].get("data-fact"):
                self.links[-1]["shape"] = tag
            return
        if tag == "a" and "data-fact" in a:
            self.links.append({"href": a["href"], "title": ""})
        if tag == "tr" and "data-key" in a:
            self.people[a["data-key"]] = ""
        if tag == "tr" and "data-currency" in a:
            self.money[(a["data-currency"], a["data-year"])] = ""
        if tag == "tr" and re.fullmatch(r"c\d+", a.get("id", "")):
            self.rows[a["id"]] = {"text": "", "sources": []}
        if tag == "a" and self._in_row() and a.get("href", "").startswith("#d"):
            self.rows[self._in_row()]["sources"].append(a["href"][1:])
        self.open.append((tag, a.get("id"), a))
        if a.get("id"):
            self.ids.setdefault(a["id"], [tag, ""])

    def _in_row(self):
        return next((i for t, i, _ in self.open if t == "tr" and i and re.fullmatch(r"c\d+", i)), None)

    def handle_endtag(self, tag):
        while self.open:
            t, _, _ = self.open.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for tag, i, a in self.open:
            if i in self.ids:
                self.ids[i][1] += data
            if tag == "tr" and "data-key" in a:
                self.people[a["data-key"]] += data
            if tag == "tr" and "data-currency" in a:
                self.money[(a["data-currency"], a["data-year"])] += data
            if tag == "tr" and i in self.rows:
                self.rows[i]["text"] += data
            if tag == "title" and self.links and any(t == "a" and x.get("data-fact") for t, _, x in self.open):
                self.links[-1]["title"] += data


@pytest.fixture(scope="module")
def report_page(seeds_dir, tmp_path_factory, chromium_command):
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    r = CliRunner().invoke(cli, ["report", str(seeds_dir), "-o", str(page), "--due-within", "12"],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    command = list(chromium_command)
    return page, command


@pytest.fixture(scope="module")
def rendered(report_page):
    page, command = report_page
    r = subprocess.run([*command, "--window-size=1400,2000", "--dump-dom", page.as_uri()], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return Dom(r.stdout)


def test_browser_people_table(rendered, seed_documents):
    officials = {f.attrs["key"] for d in seed_documents.values() for f in d.facts if f.type == "official"}
    assert set(rendered.people) == officials
    duoc = rendered.people["nguyen van duoc"]
    assert "Nguyen Van Duoc" in duoc and "Nguyễn Văn Được" in duoc and "VN" in duoc


def test_browser_commitment_with_its_sources(rendered, seed_documents):
    row = next(r for r in rendered.rows.values() if "to launch routes connecting Kazakhstan" in r["text"])
    assert "plan" in row["text"] and "second half of 2026" in row["text"]
    assert "Kazakh airlines plan to launch routes" in row["text"]          # the source sentence
    [target] = row["sources"]
    tag, text = rendered.ids[target]
    assert tag == "mark" and text == "plan"                                # the trigger, highlighted in its document


def test_browser_money_totals(rendered):
    assert "1,503,110,900,000 USD" in rendered.money[("USD", "all")]
    assert "1,500,000,000 USD" in rendered.money[("USD", "2023")]
    assert "1,000,000,000 USD" in rendered.money[("USD", "2025")]


def test_browser_timeline_points_link_to_their_sentences(rendered, seeds_dir):
    assert len(rendered.links) == 23                     # drawn by the page's script
    assert {link["shape"] for link in rendered.links} <= {"circle", "rect"}
    for link in rendered.links:
        tag, text = rendered.ids[link["href"][1:]]
        sentence = link["title"].split(" — ", 1)[1]
        assert tag == "mark" and text and text in sentence, link


def test_browser_screenshots(report_page):
    page, command = report_page
    for width in (1400, 390):
        shot = f"/tmp/factx-report-{width}.png"
        r = subprocess.run([*command, f"--window-size={width},3000", f"--screenshot={shot}", page.as_uri()],
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr[-2000:]
        with open(shot, "rb") as f:
            png = f.read()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == width


def test_page_ids_are_unique(seed_documents):
    from io import StringIO

    out = StringIO()
    page = ReportPage(out)
    for d in seed_documents.values():
        page.add(d)
    page.close()
    ids = re.findall(r' id="([^"]+)"', out.getvalue())
    assert len(ids) == len(set(ids))
    for d_n, d in enumerate(seed_documents.values(), 1):
        for i, f in enumerate(d.facts):
            assert f' id="d{d_n}-f{i}" ' in out.getvalue()


def test_build_passes_over_the_inputs_extract_paths_could_not_read(tmp_path, seeds_dir):
    import factx

    report = build(factx.extract_paths([str(seeds_dir), str(tmp_path / "missing.txt")]))
    assert report.totals["documents"] == 5


def test_markdown_counts_in_the_singular(tmp_path):
    (tmp_path / "a.txt").write_text("Vietnam pledged 5 million USD in May 2026.", encoding="utf-8")
    r = CliRunner().invoke(cli, ["report", str(tmp_path / "a.txt"), "--format", "md"], catch_exceptions=False)
    assert r.exit_code == 0
    assert "\n1 document (1 en)," in r.stdout and "1 commitment," in r.stdout and "1 documents" not in r.stdout


def test_report_reads_record_files_with_their_field_options_and_jobs(tmp_path):
    records = tmp_path / "news.jsonl"
    records.write_text(json.dumps({"url": "u1", "body": "Vietnam pledged 5 million USD in May 2026."}) + "\n"
                       + "{not json\n", encoding="utf-8")
    for jobs in ("1", "2"):
        r = CliRunner().invoke(cli, ["report", str(records), "--format", "json", "--text-field", "body",
                                     "--id-field", "url", "--jobs", jobs], catch_exceptions=False)
        assert r.exit_code == 1                                   # the bad line
        assert [d["source"] for d in json.loads(r.stdout)["documents"]] == ["u1"]
        assert "news.jsonl:2: not JSON" in r.stderr
        assert "2 records read, 1 extracted, 1 skipped" in r.stderr


def test_eval_reads_record_files_with_their_field_options_and_jobs(tmp_path):
    records = tmp_path / "news.jsonl"
    records.write_text(json.dumps({"url": "u1", "body": "Vietnam pledged 5 million USD in May 2026."}) + "\n",
                       encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"format": "factx-gold/1", "documents": [{
        "source": "u1", "language": "en",
        "money": [{"text": "5 million USD", "amount": 5000000, "currency": "USD"}]}]}), encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", "--gold", str(gold), str(records), "--text-field", "body", "--id-field", "url",
                                 "--jobs", "2", "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["money"]["tp"] == 1
