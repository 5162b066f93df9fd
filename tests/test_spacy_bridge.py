"""The spaCy bridge: every fact reaches doc.spans["factx"] whole, by to_spacy and by the component."""

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import factx

SEEDS = ["000_1b9531123ad11ac5.txt", "001_eadff2bc69aa7235.txt", "002_8f364acec43f0db1.txt",
         "003_0c7182e36771bc7e.txt", "004_9c5c0205eaf0836b.txt"]


def spans_of(doc):
    return [(s.start_char, s.end_char, s.label_, s._.factx) for s in doc.spans["factx"]]


@pytest.mark.parametrize("name", SEEDS)
def test_every_seed_fact_survives_the_round_trip(seed_documents, name):
    document = seed_documents[name]
    assert document.facts
    doc = factx.to_spacy(document)
    assert doc.text == document.text
    assert len(doc.spans["factx"]) == len(document.facts)
    for span, fact in zip(doc.spans["factx"], document.facts):
        assert span.label_ == fact.type
        assert span.start_char <= fact.start and span.end_char >= fact.end
        assert span._.factx == fact
    assert doc._.factx_document == document


def test_the_facts_attributes_come_back(seed_documents):
    vi = factx.to_spacy(seed_documents["002_8f364acec43f0db1.txt"])
    assert vi._.factx_document.language == "vi"
    assert "nguyen van duoc" in {s._.factx.attrs["key"] for s in vi.spans["factx"] if s.label_ == "official"}
    en = factx.to_spacy(seed_documents["001_eadff2bc69aa7235.txt"])
    assert en._.factx_document.document_date == factx.DocumentDate("2023-11-21", "header")
    assert all(s._.factx.attrs["amount"] > 0 for s in en.spans["factx"] if s.label_ == "money")


@pytest.mark.parametrize("text, fact_text, span_text", [
    ("The plan was set in May 2026-style.", "May 2026", "May 2026-style"),
    ("Ngày 5/12/2025,Bộ trưởng ký.", "Ngày 5/12/2025", "Ngày 5/12/2025,Bộ"),
])
def test_a_fact_ending_inside_a_token_is_expanded_not_lost(text, fact_text, span_text):
    document = factx.extract(text, ref_date="2025-12-16")
    fact, = document.facts
    doc = factx.to_spacy(document)
    assert doc.char_span(fact.start, fact.end) is None          # strict alignment would lose it
    span, = doc.spans["factx"]
    assert (span.text, span._.factx.text) == (span_text, fact_text)


def test_other_spans_and_plain_docs_have_no_fact(seed_documents):
    doc = factx.to_spacy(seed_documents["000_1b9531123ad11ac5.txt"])
    first = doc.spans["factx"][0]
    assert doc[first.start:first.end]._.factx is None           # same tokens, but not factx's span
    plain = spacy.blank("xx")("In May 2026.")
    assert plain._.factx_document is None and plain[0:2]._.factx is None


def test_the_facts_survive_serialisation(seed_documents):
    document = seed_documents["002_8f364acec43f0db1.txt"]
    doc = factx.to_spacy(document)
    again = Doc(spacy.blank("en").vocab).from_bytes(doc.to_bytes())
    assert spans_of(again) == spans_of(doc) and again._.factx_document == document
    bin_ = DocBin(store_user_data=True, docs=[doc])
    back, = DocBin().from_bytes(bin_.to_bytes()).get_docs(spacy.blank("xx").vocab)
    assert spans_of(back) == spans_of(doc)


def test_to_spacy_runs_the_given_pipeline(seed_documents):
    document = seed_documents["003_0c7182e36771bc7e.txt"]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = factx.to_spacy(document, nlp=nlp)
    assert doc.has_annotation("SENT_START") and doc._.factx_document.document_date is None
    assert [s._.factx for s in doc.spans["factx"]] == list(document.facts)


@pytest.mark.parametrize("name", SEEDS)
def test_the_component_gives_the_same_spans_as_to_spacy(seed_documents, name):
    document = seed_documents[name]
    nlp = spacy.blank("en")
    nlp.add_pipe("factx")
    assert spans_of(nlp(document.text)) == spans_of(factx.to_spacy(document, nlp=spacy.blank("en")))


def test_the_component_passes_its_config_to_factx():
    text = "Kazakhstan plans to co-host a forum in May or June 2026. Today it met."
    nlp = spacy.blank("en")
    nlp.add_pipe("factx", config={"ref_date": "2025-12-16", "lang": "en", "types": ["date"], "patterns": []})
    doc = nlp(text)
    expected = factx.extract(text, ref_date="2025-12-16", lang="en", types=["date"])
    assert spans_of(doc) == spans_of(factx.to_spacy(expected, nlp=spacy.blank("en")))
    assert [s._.factx.attrs["value"] for s in doc.spans["factx"]] == ["2026-05/2026-06", "2025-12-16"]


def test_a_bad_component_option_fails_when_added():
    nlp = spacy.blank("en")
    with pytest.raises(factx.FactxError, match="YYYY-MM-DD"):
        nlp.add_pipe("factx", config={"ref_date": "16/12/2025"})
    with pytest.raises(factx.FactxError, match="not available"):
        nlp.add_pipe("factx", config={"types": ["weather"]})


def test_the_factory_is_a_spacy_entry_point():
    ours, = [e for e in entry_points(group="spacy_factories") if e.name == "factx"]
    assert ours.value == "factx.spacy_bridge:make_component"


def test_add_pipe_works_without_importing_factx_and_spacy_stays_light():
    code = ("import sys, spacy\n"
            "nlp = spacy.blank('en')\n"
            "light = 'factx.pipeline' not in sys.modules\n"      # spaCy loads every factory entry point
            "nlp.add_pipe('factx', config={'lang': 'en', 'ref_date': '2025-12-16'})\n"
            "doc = nlp('The loan is US$1.5billion.')\n"
            "print(light, [(s.text, s.label_, s._.factx.attrs['amount']) for s in doc.spans['factx']])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True [('US$1.5billion', 'money', 1500000000)]"


def test_to_spacy_is_a_lazy_export():
    code = "import sys, factx; print('to_spacy' in dir(factx), 'spacy' in sys.modules, callable(factx.to_spacy))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "True"]
