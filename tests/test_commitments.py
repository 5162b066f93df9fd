"""Commitments end to end: actors resolved through people, pronouns and quotations,
actions cut at the clause, due dates, background and repeats left out."""

import json
import unicodedata

import pytest
from click.testing import CliRunner

import factx
from factx.cli import cli

REF = "2025-12-16"
REF_PARTNERS = "2026-02-10"


def commitments(text, lang="en", ref=REF, types=("commitment",)):
    doc = factx.extract(text, lang=lang, ref_date=ref, types=list(types))
    for f in doc.facts:
        assert text[f.start:f.end] == f.text
    return [f.attrs for f in doc.facts if f.type == "commitment"]


def test_fields_and_offsets():
    text = "Kazakhstan also plans to co-host a business forum in May or June 2026 to boost trade."
    [c] = commitments(text)
    assert c == {"trigger": "plans", "modality": "plan", "actor": "Kazakhstan", "actor_text": "Kazakhstan",
                 "action": "to co-host a business forum in May or June 2026 to boost trade",
                 "due": "2026-05/2026-06", "due_begin": "2026-05-01", "due_end": "2026-06-30"}


def test_pronoun_means_the_person_who_leads_the_previous_sentence():
    text = ("Prime Minister Olzhas Bektenov met Ambassador Pham Thai Binh in Astana. "
            "He pledged to support Vietnamese investors.")
    [c] = commitments(text)
    assert (c["actor"], c["actor_text"]) == ("olzhas bektenov", "He")


def test_pronoun_after_a_commitment_means_its_actor():
    text = ("General Secretary To Lam met Prime Minister Olzhas Bektenov. Lam proposed exploring new areas. "
            "He also suggested the two sides improve their legal environments.")
    assert [c["actor"] for c in commitments(text)] == ["to lam", "to lam"]


def test_we_in_a_quotation_is_the_official_it_is_attributed_to():
    text = "“We will open a consulate in the city next year,” said Ambassador Kanat Tumysh."
    [c] = commitments(text)
    assert (c["actor"], c["modality"], c["due"]) == ("kanat tumysh", "plan", "2026")


def test_we_in_a_quotation_attributed_to_a_pronoun_is_not_the_next_paragraphs_official():
    text = ("Ambassador Kanat Tumysh met Deputy Minister Nguyen Van Son. Tumysh urged Hanoi to ease visa rules. "
            "“We are committed to opening a consulate,” he said.\n\n"
            "Son invited Kazakh firms to invest in Da Nang.")
    first, second, third = commitments(text)
    assert (second["actor_text"], second["actor"]) == ("We", "kanat tumysh")
    assert third["actor"] == "nguyen van son"


def test_they_is_the_group_that_committed_just_before():
    text = "Both sides agreed to increase delegation exchanges. They also vowed to strengthen the ministries' role."
    assert [c["actor"] for c in commitments(text)] == ["Both sides", "Both sides"]


def test_elided_subject_and_separate_actions_in_one_sentence():
    text = ("Chairman Nguyen Van Duoc proposed expanding cooperation in aviation and supported the idea "
            "of hosting a business conference.")
    first, second = commitments(text)
    assert (first["actor"], first["modality"], first["action"]) == (
        "nguyen van duoc", "proposal", "expanding cooperation in aviation")
    assert (second["actor"], second["trigger"], second["action"]) == (
        "nguyen van duoc", "supported", "the idea of hosting a business conference")


def test_action_stops_before_a_new_clause():
    text = "The ambassador pledged to be a bridge for investment, and he hoped that ties would grow."
    [c] = commitments(text)
    assert c["action"] == "to be a bridge for investment"


def test_background_sentence_is_not_news_but_a_recent_one_is():
    assert commitments("In 2011, the two cities signed a memorandum of understanding on tourism.") == []
    [c] = commitments("Yesterday, the two cities signed a memorandum of understanding on tourism.")
    assert c["modality"] == "agreement"


def test_no_document_date_keeps_everything_and_no_due_is_over():
    [c] = commitments("In 2011, the two cities signed a memorandum of understanding on tourism.", ref=None)
    assert c["due"] is None


def test_repeated_headline_is_one_commitment():
    text = ("Kazakhstan and Vietnam will cooperate in the expert field\n\n"
            "Kazakhstan and Vietnam will cooperate in the expert field\n\nThe meeting was held in Astana.")
    assert len(commitments(text)) == 1


@pytest.mark.parametrize("text", [
    "Kazakhstan did not agree to the proposal.",
    "He hoped that Kazakhstan would send a delegation.",
    "About one million tourists are expected to visit Vietnam.",
    "The new route will help increase tourism.",
    "Will Kazakhstan sign the deal this year?",
])
def test_not_commitments(text):
    assert commitments(text) == []


def test_actor_keys_need_officials_even_when_only_commitments_are_asked_for():
    text = "Ambassador Kanat Tumysh pledged to be a bridge between the two business communities by 2027."
    doc = factx.extract(text, lang="en", ref_date=REF, types=["commitment"])
    assert [f.type for f in doc.facts] == ["commitment"]
    assert (doc.facts[0].attrs["actor"], doc.facts[0].attrs["due"]) == ("kanat tumysh", "2027")


def test_decomposed_vietnamese_keeps_offsets():
    text = unicodedata.normalize("NFD", "Đại sứ Kanat Tumysh cam kết hỗ trợ Thành phố trong năm 2026.")
    doc = factx.extract(text, lang="vi", ref_date=REF, types=["commitment"])
    assert [(f.attrs["modality"], f.attrs["actor"], f.attrs["due"]) for f in doc.facts] == [
        ("pledge", "kanat tumysh", "2026")]
    for f in doc.facts:
        assert text[f.start:f.end] == f.text
        assert unicodedata.normalize("NFC", f.text) == "cam kết"


def test_table_reads_actor_modality_action_due():
    text = "Kazakhstan also plans to co-host a business forum in May or June 2026."
    out = CliRunner().invoke(cli, ["extract", "-", "--format", "table", "--ref-date", REF, "--lang", "en"],
                             input=text, env={"COLUMNS": "200"}).stdout
    assert "Kazakhstan → plan → to co-host a business forum in May or June 2026 (due May – June 2026)" in out


def test_seed_commitments_meet_the_bar(seed_report):
    """Issue 6: strict F1 >= 0.95, modality, actor and due right on >= 90% of the matched ones."""
    tally = seed_report.tallies["commitment"]
    assert tally.f1 >= 0.95, [p for p in seed_report.problems if p.type == "commitment"]
    for name in ("modality", "actor", "due"):
        right, total = tally.attrs[name]
        assert right >= 0.9 * total, (name, right, total)


def test_explain_shows_the_linked_commitment_and_why_one_was_left_out():
    text = "In 2011 Vietnam agreed to send a delegation. Vietnam agreed to send a delegation in June."
    out = CliRunner().invoke(cli, ["explain", text, "--lang", "en", "--ref-date", REF],
                             env={"COLUMNS": "250"}).stdout
    assert "Vietnam → agreement → to send a delegation in June (due June 2026)" in out
    assert "left out by linking" in out


def test_cli_types_commitment_alone():
    text = "Ambassador Kanat Tumysh pledged to be a bridge between the two business communities by 2027."
    out = CliRunner().invoke(cli, ["extract", "-", "--types", "commitment", "--format", "jsonl",
                                   "--ref-date", REF], input=text).stdout
    facts = json.loads(out)["facts"]
    assert [(f["type"], f["actor"], f["due"]) for f in facts] == [("commitment", "kanat tumysh", "2027")]


def test_two_commitments_in_one_sentence_each_with_its_modality():
    text = "The two ministers agreed to open a consulate in Da Nang and pledged to double trade by 2030."
    assert [(c["modality"], c["due"]) for c in commitments(text)] == [("agreement", None), ("pledge", "2030")]
    text = "Ông đề nghị hai bên tăng cường hợp tác giáo dục và đề xuất mở thêm đường bay thẳng."
    assert [c["modality"] for c in commitments(text, "vi")] == ["proposal", "proposal"]


@pytest.mark.parametrize("lang,text,key", [
    ("en", "Lao Prime Minister Sonexay Siphandone met Prime Minister Pham Minh Chinh in Vientiane. "
           "The Lao leader pledged to speed up the Vientiane-Hanoi expressway.", "sonexay siphandone"),
    ("en", "President Luong Cuong received Japanese Prime Minister Kenji Hara. "
           "The Japanese head of government invited Cuong to visit Tokyo.", "kenji hara"),
    ("vi", "Thủ tướng Lào Sonexay Siphandone hội đàm với Thủ tướng Phạm Minh Chính. "
           "Nhà lãnh đạo Lào đề nghị hai bên sớm hoàn thành cao tốc Viêng Chăn - Hà Nội.", "sonexay siphandone"),
])
def test_a_leader_named_by_role_is_that_official(lang, text, key):
    [c] = commitments(text, lang)
    assert c["actor"] == key


def test_a_leader_of_a_country_with_no_such_official_stays_text():
    text = ("Lao Prime Minister Sonexay Siphandone met Prime Minister Pham Minh Chinh. "
            "The Thai leader pledged to join the railway project.")
    [c] = commitments(text)
    assert c["actor"] == "Thai leader"


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "Vietnam and Laos agreed to upgrade three border gates. Five agreements were signed at the talks.",
     "Vietnam and Laos"),
    ("en", "Several documents were signed during the visit.", None),
    ("vi", "Việt Nam và Lào nhất trí nâng cấp ba cửa khẩu. Nhiều văn kiện hợp tác đã được ký kết tại hội đàm.",
     "Việt Nam và Lào"),
])
def test_a_signing_with_no_subject_takes_the_parties_of_the_paragraph(lang, text, actor):
    *_, c = commitments(text, lang)
    assert (c["modality"], c["actor"]) == ("agreement", actor)


@pytest.mark.parametrize("lang,text", [
    ("en", "Trade reached US$10 billion this year, up from $4 billion in 2021, and the two sides agreed to "
           "double it by 2030."),
    ("vi", "Kim ngạch năm nay đạt 10 tỷ USD, tăng so với 4 tỷ USD năm 2021, và hai bên nhất trí nâng lên "
           "20 tỷ USD vào năm 2030."),
])
def test_a_past_comparison_does_not_make_the_sentence_background(lang, text):
    [c] = commitments(text, lang)
    assert (c["modality"], c["due"]) == ("agreement", "2030")


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "Hanoi, Hue and Da Nang agreed to set up a joint tourism fund.", "Hanoi, Hue and Da Nang"),
    ("en", "In Hanoi, Vietnam and Laos agreed to set up a joint tourism fund.", "Vietnam and Laos"),
    ("vi", "Ba tỉnh Quảng Nam, Quảng Ngãi và Bình Định nhất trí lập liên minh du lịch.",
     "Ba tỉnh Quảng Nam, Quảng Ngãi và Bình Định"),
])
def test_a_list_of_parties_is_one_actor(lang, text, actor):
    [c] = commitments(text, lang)
    assert c["actor"] == actor


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "Japanese Foreign Minister Kenji Hara met Foreign Minister Bui Thanh Son. "
           "The two foreign ministers agreed to open a consulate in Da Nang.", "two foreign ministers"),
    ("vi", "Bộ trưởng Ngoại giao Nhật Bản Kenji Hara hội đàm với Bộ trưởng Ngoại giao Bùi Thanh Sơn. "
           "Hai Bộ trưởng nhất trí mở Tổng Lãnh sự quán tại Đà Nẵng.", "Hai Bộ trưởng"),
])
def test_a_group_is_never_one_of_its_members(lang, text, actor):
    [c] = commitments(text, lang)
    assert c["actor"] == actor


@pytest.mark.parametrize("lang,text,actors", [
    ("en", "Indian Defence Minister Arjun Rao said India was willing to extend a credit line to Vietnam and "
           "proposed that the two navies hold joint exercises.", ["India", "arjun rao"]),
    ("vi", "Thủ tướng Thái Lan Somchai Wong khẳng định Thái Lan sẽ mở rộng nhập khẩu nông sản Việt Nam, "
           "đồng thời cam kết khuyến khích doanh nghiệp Thái Lan đầu tư vào năng lượng sạch.",
     ["Thái Lan", "somchai wong"]),
])
def test_a_verb_after_and_in_reported_speech_is_the_speakers(lang, text, actors):
    assert [c["actor"] for c in commitments(text, lang)] == actors


def test_a_place_range_with_dashes_opens_no_subject():
    text = ("Hai Thủ tướng thống nhất khởi công tuyến đường sắt Lào Cai - Hà Nội - Hải Phòng trong tháng 12/2026 "
            "và nhất trí sớm nâng cấp cửa khẩu Hữu Nghị.")
    assert [(c["actor"], c["due"]) for c in commitments(text, "vi")] == [
        ("Hai Thủ tướng", "2026-12"), ("Hai Thủ tướng", None)]


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "Australian Prime Minister Oliver Bennett and Prime Minister Pham Minh Chinh held talks on Tuesday. "
           "Several documents were signed after the talks.", "oliver bennett and pham minh chinh"),
    ("en", "Japanese Foreign Minister Kenji Hara and his Vietnamese counterpart, Foreign Minister Bui Thanh Son, "
           "agreed by phone to expand the search for missing soldiers.", "kenji hara and bui thanh son"),
])
def test_two_people_together_are_their_keys_joined(lang, text, actor):
    *_, c = commitments(text, lang)
    assert c["actor"] == actor


@pytest.mark.parametrize("lang,text,n", [
    ("en", "Trade hit US$5 billion in 2024, and the two sides agreed to double it by 2030.", 1),
    ("en", "In 2011, the two cities signed a memorandum and agreed to exchange delegations.", 0),
    ("en", "The two sides signed a free trade agreement, which has been in force since 2020.", 1),
    ("vi", "Kim ngạch năm 2024 đạt 3 tỷ USD, và hai bên nhất trí phấn đấu đạt 5 tỷ USD vào năm 2028.", 1),
    ("vi", "Năm 2019, hai bên đã nhất trí miễn thị thực cho người mang hộ chiếu ngoại giao.", 0),
])
def test_only_the_commitments_own_clause_or_the_sentence_opening_dates_it(lang, text, n):
    assert len(commitments(text, lang)) == n


def test_a_year_opening_the_sentence_is_the_due_of_a_plan_with_none_in_its_action():
    [c] = commitments("Next year, the two sides will sign an agreement on labour.")
    assert c["due"] == "2026"
    first, second = commitments("The two leaders agreed to raise trade to US$5 billion by 2030 and pledged to "
                                "cooperate closely on climate.")
    assert (first["due"], second["due"]) == ("2030", None)


def test_the_partner_paragraphs_of_issue_17_meet_the_bar():
    """tests/commitments17: 16 paragraphs on 16 partner countries, gold written from the SPEC before
    factx ran on them. F1 and precision of the commitments; actors that need an official the
    officials step does not recognise yet are not counted here."""
    from pathlib import Path

    from factx import evaluate

    folder = Path(__file__).parent / "commitments17"
    gold = json.loads((folder / "commitments17.gold.json").read_text(encoding="utf-8"))
    docs = [d.to_dict() for d in factx.extract_paths([str(folder)], ref_date=REF_PARTNERS)]
    tally = evaluate.score(gold, docs, types=["commitment"]).tallies["commitment"]
    precision, _, f1 = tally.prf()
    assert f1 >= 0.9 and precision >= 0.95, (f1, precision)
    right, total = tally.attrs["modality"]
    assert right >= 0.9 * total


@pytest.mark.parametrize("text,actor", [
    ("Trade Minister Kim Min-jae met the delegation. Kim pledged to help Vietnamese exporters.", "kim min jae"),
    ("Trade Minister Kim Min-jae met Foreign Minister Kim Sung-ho. Kim pledged to help Vietnamese exporters.",
     "Kim"),
])
def test_a_name_no_rule_tied_is_the_one_official_it_begins_or_ends(text, actor):
    [c] = commitments(text)
    assert c["actor"] == actor
