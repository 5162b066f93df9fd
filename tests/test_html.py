"""The HTML view: the written page read back with html.parser (offsets, nesting, escaping),
the CLI's refusal to write a page to a terminal, and the seeds' page rendered by a real
headless Chromium: every fact in the rendered DOM, the legend, the counts, a screenshot."""

import os
import pty
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

import factx
from factx.cli import cli
from factx.extractors import REGISTRY
from factx.htmlview import HtmlWriter, Span, marked

VOID = {"meta", "br", "img", "hr", "input", "link", "wbr"}


class Page(HTMLParser):
    """What a reader of the page can find: per article, each fact's marks (attributes and text,
    joined over the pieces of a mark split by an overlap), the whole text, the summary counts;
    the legend; any element inside an article that is not text, marks or lists."""

    def __init__(self, html: str):
        super().__init__()
        self.articles, self.legend, self.stack, self.tags = [], [], [], set()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.articles.append({"facts": {}, "text": "", "counts": {}, "mentions": 0})
        elif self.articles and self._inside("article"):
            self.tags.add(tag)
            doc = self.articles[-1]
            if tag == "mark" and "data-i" in a:
                fact = doc["facts"].setdefault(int(a["data-i"]), {"marks": [], "text": ""})
                fact["marks"].append(a)
            doc["mentions"] += tag == "mark" and "data-of" in a
            if "data-count-of" in a:
                doc["counts"][a["data-count-of"]] = int(a["data-count"])
        if "data-legend" in a:
            self.legend.append(a["data-legend"])
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if tag not in VOID:
            assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
            self.stack.pop()

    def handle_data(self, data):
        for tag, a in self.stack:
            if tag == "div" and a.get("class") == "text":
                self.articles[-1]["text"] += data
            if tag == "mark" and "data-i" in a:
                self.articles[-1]["facts"][int(a["data-i"])]["text"] += data

    def _inside(self, tag):
        return any(t == tag for t, _ in self.stack)


def page_of(docs) -> str:
    from io import StringIO

    out = StringIO()
    sink = HtmlWriter(out)
    for doc in docs:
        sink.write(doc)
    sink.close()
    return out.getvalue()


def assert_shows(page: Page, docs) -> None:
    """Every fact of every document is in its article as marks with its type and offsets whose
    text is exactly the document's text there; the article holds the whole text; the counts."""
    assert page.legend == list(REGISTRY)
    assert len(page.articles) == len(docs)
    for doc, article in zip(docs, page.articles):
        assert article["text"] == doc.text.replace("\r\n", "\n"), doc.source
        assert sorted(article["facts"]) == list(range(len(doc.facts))), doc.source
        for i, f in enumerate(doc.facts):
            shown = article["facts"][i]
            assert {(m["data-type"], m["data-start"], m["data-end"]) for m in shown["marks"]} == \
                {(f.type, str(f.start), str(f.end))}, (doc.source, f)
            assert shown["text"] == doc.text[f.start:f.end] == f.text
            assert all(m["title"].startswith(f"{f.type}: ") for m in shown["marks"])
        assert article["counts"] == {t: Counter(f.type for f in doc.facts)[t] for t in REGISTRY}


def test_the_seeds_page_has_every_fact_at_its_offsets(seed_documents):
    docs = list(seed_documents.values())
    page = Page(page_of(docs))
    assert_shows(page, docs)
    assert page.articles[0]["mentions"] > 0          # an official's further mentions, dashed
    assert page.tags <= {"header", "h2", "p", "b", "ul", "li", "div", "mark", "aside", "ol", "span"}


def test_text_that_looks_like_markup_stays_text():
    text = 'Tag <script>alert("x")</script> & co: Vietnam will sign a deal in May 2026 <b>now</b> &amp;.'
    doc = factx.extract(text, lang="en", ref_date="2025-12-16")
    assert doc.facts
    html = page_of([doc])
    assert "<script>alert" not in html and "<b>now" not in html
    page = Page(html)
    assert_shows(page, [doc])
    assert "script" not in page.tags


def test_vietnamese_text_is_written_as_utf8_with_its_language(seed_documents):
    doc = next(d for d in seed_documents.values() if d.language == "vi")
    html = page_of([doc])
    assert '<meta charset="utf-8">' in html and '<div class="text" lang="vi">' in html
    assert_shows(Page(html), [doc])


def test_overlapping_and_nested_spans_nest_properly():
    """[0,10) crosses [5,15); [2,4) sits inside the first: the second goes on in a new mark."""
    spans = [Span(0, 10, 0, '<mark data-i="0">'), Span(5, 15, 0, '<mark data-i="1">'),
             Span(2, 4, 0, '<mark data-i="2">'), Span(5, 15, 1, '<mark data-of="0">')]
    html = marked("abcdefghijklmnopq", spans)
    assert html == ('<mark data-i="0">ab<mark data-i="2">cd</mark>e<mark data-i="1"><mark data-of="0">fghij'
                    '</mark></mark></mark><mark data-i="1"><mark data-of="0">klmno</mark></mark>pq')


def test_no_facts_and_no_documents():
    doc = factx.extract("Nothing here.", lang="en")
    assert 'no facts' in page_of([doc])
    empty = page_of([])
    assert Page(empty).articles == [] and "0 documents" in empty and empty.rstrip().endswith("</html>")


def test_html_to_a_terminal_is_refused(seeds_dir):
    """A page on a terminal is noise: one error line, exit 2; -o or a redirect is fine."""
    leader, follower = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "factx", "extract", str(seeds_dir), "--format", "html"],
                           stdout=follower, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert r.returncode == 2
    assert r.stderr.splitlines()[0] == "factx: error: --format html: a page is not for a terminal"


def test_html_to_a_file(seeds_dir, tmp_path):
    out = tmp_path / "page.html"
    r = CliRunner().invoke(cli, ["extract", str(seeds_dir / "000_1b9531123ad11ac5.txt"), "--format", "html",
                                 "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert len(Page(out.read_text(encoding="utf-8")).articles) == 1


# -- a real browser ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser_page(seeds_dir, tmp_path_factory, chromium_command):
    """The seeds' page written by the CLI, and chromium's command for it."""
    folder = tmp_path_factory.mktemp("html")
    page = folder / "seeds.html"
    r = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--format", "html", "-o", str(page)],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    command = [*chromium_command, "--window-size=1280,2000"]
    return page, command


def test_a_browser_renders_every_fact(browser_page, seed_documents):
    page, command = browser_page
    r = subprocess.run([*command, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    rendered = Page(r.stdout)
    assert_shows(rendered, list(seed_documents.values()))


def test_a_browser_screenshot(browser_page):
    page, command = browser_page
    shot = page.with_suffix(".png")
    r = subprocess.run([*command, f"--screenshot={shot}", page.as_uri()], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1280, 2000)
    assert len(png) > 100_000, "a page of highlighted text compresses to far more than a blank one"


def test_hovering_a_fact_lights_it_its_mentions_and_its_list_item(browser_page):
    """The page's script, run by the browser: a mouseover on the first official of the first
    seed (Nguyen Van Duoc, mentioned three more times) and what is lit afterwards."""
    page, command = browser_page
    probe = page.with_name("probe.html")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", """<script>
const m=document.querySelector('article mark[data-type="official"]');
m.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));
document.body.dataset.lit=[...document.querySelectorAll('article:first-of-type .hl')]
  .map(x=>x.tagName+(x.dataset.of?' of ':' ')+(x.dataset.i??x.dataset.of)).join(',');
</script></body>"""), encoding="utf-8")
    r = subprocess.run([*command, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120)
    lit = re.search(r'data-lit="([^"]*)"', r.stdout).group(1).split(",")
    assert lit == ["MARK 0", "MARK of 0", "MARK of 0", "MARK of 0", "LI 0"]
