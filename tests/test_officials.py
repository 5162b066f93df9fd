"""Officials: one fact per person, every mention linked, on our own sentences and on the seeds."""

import unicodedata

import pytest

import factx


def officials(text, lang="en"):
    doc = factx.extract(text, lang=lang, types=["official"])
    for f in doc.facts:
        assert text[f.start:f.end] == f.text
        for m in f.attrs["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    return {f.attrs["key"]: f for f in doc.facts}


def mention_texts(fact):
    return [m["text"] for m in fact.attrs["mentions"]]


# --- what one match gives ----------------------------------------------------------------

def test_organisation_and_name_are_split_by_the_gazetteer():
    f = officials("Chủ tịch UBND TP. Hồ Chí Minh Nguyễn Văn Được đã tiếp đoàn.", "vi")["nguyen van duoc"]
    assert (f.text, f.attrs["organization"], f.attrs["title"]) == \
        ("Nguyễn Văn Được", "UBND TP. Hồ Chí Minh", "Chủ tịch UBND TP. Hồ Chí Minh")
    assert (f.attrs["role"], f.attrs["country"]) == ("chairman", "VN")


def test_the_posting_country_is_not_the_officials_country():
    f = officials("Ambassador of Vietnam to Kazakhstan Nguyen Van Ba met students.")["nguyen van ba"]
    assert f.attrs["country"] == "VN"
    f = officials("Đại sứ Kazakhstan tại Việt Nam Kanat Tumysh dự lễ.", "vi")["kanat tumysh"]
    assert f.attrs["country"] == "KZ"


def test_a_vietnamese_name_without_a_stated_country_is_vietnamese():
    assert officials("The letter came from PM Pham Minh Chinh.")["pham minh chinh"].attrs["country"] == "VN"
    assert officials("President Japarov spoke.")["japarov"].attrs["country"] is None
    assert officials("President Tokayev spoke.")["tokayev"].attrs["country"] == "KZ"   # common/aliases.toml


def test_a_mention_takes_in_the_title_word_just_before_the_name():
    f = officials("Chairman Nguyen Van Duoc spoke.")["nguyen van duoc"]
    assert f.text == "Nguyen Van Duoc" and mention_texts(f) == ["Chairman Nguyen Van Duoc"]


# --- linking -----------------------------------------------------------------------------

def test_short_forms_and_initials_join_the_person():
    text = ("Kazakh Prime Minister Olzhas Bektenov met the director of KazISS, Yerkin Tukumov, on Monday. "
            "Bektenov praised the institute. \"We are ready,\" said Y. Tukumov.")
    found = officials(text)
    assert set(found) == {"olzhas bektenov", "yerkin tukumov"}
    assert mention_texts(found["olzhas bektenov"]) == ["Prime Minister Olzhas Bektenov", "Bektenov"]
    assert mention_texts(found["yerkin tukumov"]) == ["Yerkin Tukumov", "Y. Tukumov"]


def test_title_with_a_short_name_joins_the_full_name():
    found = officials("Chairman Nguyen Van Duoc met the guests. Later, Chairman Duoc proposed a forum.")
    assert list(found) == ["nguyen van duoc"]
    assert mention_texts(found["nguyen van duoc"])[-1] == "Chairman Duoc"


def test_honorific_mentions_join_in_both_languages():
    vi = officials("Đại sứ Kanat Tumysh đến thăm thành phố. Ông Kanat Tumysh cho biết sẽ mở đường bay.", "vi")
    assert mention_texts(vi["kanat tumysh"]) == ["Đại sứ Kanat Tumysh", "Ông Kanat Tumysh"]
    en = officials("Vice Chairman Vo Van Hoan received them. Mr. Vo Van Hoan said trade would grow.")
    assert mention_texts(en["vo van hoan"]) == ["Vice Chairman Vo Van Hoan", "Mr. Vo Van Hoan"]


def test_a_reference_goes_to_the_nearest_person_before_it_with_that_role():
    text = ("Ambassador Kanat Tumysh met the press. Ambassador Marc Knapper joined later. "
            "The Ambassador said the visit was useful.")
    found = officials(text)
    assert "The Ambassador" in mention_texts(found["marc knapper"])
    assert "The Ambassador" not in mention_texts(found["kanat tumysh"])


def test_a_reference_before_the_name_goes_to_the_only_person_with_that_role():
    found = officials("Kazakh PM meets Vietnamese leaders\nKazakh Prime Minister Olzhas Bektenov arrived in Hanoi.")
    f = found["olzhas bektenov"]
    assert mention_texts(f)[0] == "Kazakh PM"
    assert f.text == "Olzhas Bektenov" and f.rule == "en.officials.title_reference"


def test_a_reference_to_another_country_is_not_linked():
    found = officials("President Luong Cuong visited Almaty in 2024. The President of Kazakhstan came in 2023.")
    assert mention_texts(found["luong cuong"]) == ["President Luong Cuong"]


def test_a_reference_nobody_fits_makes_no_fact():
    assert officials("The Ambassador arrived on Monday and met the Party chief.") == {}
    assert officials("Đại sứ đề nghị mở đường bay thẳng.", "vi") == {}


def test_one_fact_per_person_with_the_first_full_name_as_its_text():
    text = ("Nguyen Van Duoc, Chairman of the city People's Committee, met investors. "
            "Chairman Nguyen Van Duoc then visited the port. The Chairman praised the workers.")
    found = officials(text)
    assert list(found) == ["nguyen van duoc"]
    f = found["nguyen van duoc"]
    assert (f.start, f.rule) == (0, "en.officials.name_apposition")
    assert mention_texts(f) == ["Nguyen Van Duoc", "Chairman Nguyen Van Duoc", "The Chairman"]


def test_a_title_after_a_name_is_not_stacked_onto_the_next_person():
    found = officials("Xi Jinping, President of China, and General Secretary To Lam held talks.")
    assert found["xi jinping"].attrs["role"] == "president"
    assert found["to lam"].attrs["role"] == "general_secretary"


def test_stacked_titles_take_the_first_title_as_role():
    found = officials("Deputy Prime Minister and Foreign Minister Bui Thanh Son spoke.")
    assert found["bui thanh son"].attrs["role"] == "deputy_prime_minister"


def test_a_membership_before_an_office_does_not_replace_it():
    found = officials("Politburo member and Secretary of the Hanoi Party Committee Bui Thi Minh Hoai spoke.")
    assert found["bui thi minh hoai"].attrs["role"] == "party_secretary"
    found = officials("Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Chánh Văn phòng Trung ương Đảng Lê Hoài Trung dự họp.",
                      "vi")
    assert found["le hoai trung"].attrs["role"] == "chief_of_staff"
    assert officials("Politburo member Nguyen Xuan Thang spoke.")["nguyen xuan thang"].attrs["role"] == "politburo_member"


@pytest.mark.parametrize("text, lang, role", [
    ("US Secretary of State Antony Blinken arrived.", "en", "minister"),
    ("US Deputy Secretary of State Kurt Campbell arrived.", "en", "deputy_minister"),
    ("Assistant Secretary of Commerce Jane Doe arrived.", "en", "deputy_minister"),
    ("Under Secretary of State John Bass arrived.", "en", "deputy_minister"),
    ("Deputy Secretary of the Hanoi Party Committee Nguyen Van Phong spoke.", "en", "deputy_party_secretary"),
    ("Secretary of the Quang Ninh Provincial Party Committee Vu Dai Thang spoke.", "en", "party_secretary"),
    ("Ngoại trưởng Nhật Bản Iwaya Takeshi đến Hà Nội.", "vi", "minister"),
])
def test_us_style_and_deputy_titles(text, lang, role):
    (fact,) = officials(text, lang).values()
    assert fact.attrs["role"] == role


def test_a_foreign_minister_is_a_minister_of_foreign_affairs():
    fact = officials("Japanese Foreign Minister Kenji Hara arrived.")["kenji hara"]
    assert (fact.attrs["role"], fact.attrs["organization"], fact.attrs["country"]) == ("minister", "Foreign Affairs", "JP")


def test_a_country_name_inside_a_word_group_is_not_the_country():
    assert officials("Bộ trưởng Bộ Tư pháp Nguyễn Hải Ninh phát biểu.", "vi")["nguyen hai ninh"].attrs["country"] == "VN"


def test_a_spelling_variant_joins_the_person():
    text = ("Kazakh President Kassym-Jomart Tokayev met General Secretary To Lam. Tokaev said ties were strong. "
            "Later President Tokaev visited Hue.")
    found = officials(text)
    assert set(found) == {"kassym jomart tokayev", "to lam"}
    assert mention_texts(found["kassym jomart tokayev"]) == ["President Kassym-Jomart Tokayev", "Tokaev",
                                                             "President Tokaev"]


def test_a_vietnamese_name_has_one_spelling():
    found = officials("Deputy Prime Minister Tran Hong Thanh met Minister Nguyen Van Thang. Thang said the plan was ready.")
    assert mention_texts(found["tran hong thanh"]) == ["Deputy Prime Minister Tran Hong Thanh"]


@pytest.mark.parametrize("en, vi, key, country", [
    ("Chinese Premier Li Qiang arrived in Hanoi.", "Thủ tướng Lý Cường đến Hà Nội.", "li qiang", "CN"),
    ("Foreign Minister Wang Yi met the press.", "Ngoại trưởng Vương Nghị gặp báo chí.", "wang yi", "CN"),
    ("Russian President Putin sent a message.", "Tổng thống Pu-tin gửi điện.", "putin", "RU"),
    ("Japanese Prime Minister Shigeru Ishiba spoke.", "Thủ tướng Ishiba Shigeru phát biểu.", "shigeru ishiba", "JP"),
])
def test_an_alias_gives_the_english_and_vietnamese_article_one_key(en, vi, key, country):
    for text, lang in ((en, "en"), (vi, "vi")):
        fact = officials(text, lang)[key]
        assert fact.attrs["country"] == country


def test_a_counterpart_holds_the_office_of_the_title_before():
    found = officials("Foreign Minister Bui Thanh Son met his Lao counterpart Saleumxay Kommasith in Vientiane.")
    assert (found["saleumxay kommasith"].attrs["role"], found["saleumxay kommasith"].attrs["country"]) == \
        ("minister", "LA")
    found = officials("Thủ tướng Phạm Minh Chính hội đàm với người đồng cấp Campuchia Hun Manet.", "vi")
    assert (found["hun manet"].attrs["role"], found["hun manet"].attrs["country"]) == ("prime_minister", "KH")


def test_a_name_cut_short_and_the_words_before_a_particle_join_the_person():
    found = officials("Chủ tịch Quốc hội Cộng hòa Cuba Miguel Ángel Castillo Ruiz đặt vòng hoa. "
                      "Ông Castillo Ruiz đề nghị Việt Nam chia sẻ kinh nghiệm.", "vi")
    assert list(found) == ["miguel angel castillo ruiz"]
    assert mention_texts(found["miguel angel castillo ruiz"])[-1] == "Ông Castillo Ruiz"
    found = officials("Qatari Prime Minister Sheikh Jassim bin Abdulaziz Al Thani met the delegation. "
                      "Sheikh Jassim said LNG trade would grow.")
    assert mention_texts(found["sheikh jassim bin abdulaziz al thani"])[-1] == "Sheikh Jassim"


def test_the_country_of_an_article_on_one_partner_is_implied():
    text = ("Thai Prime Minister Srettha Thavisin arrived in Hanoi. Deputy Government Spokesperson Pimchanok "
            "Rattanawong said the visit would last two days. UN Secretary-General Antonio Guterres sent a message.")
    found = officials(text)
    assert found["pimchanok rattanawong"].attrs["country"] == "TH"
    assert found["antonio guterres"].attrs["country"] is None          # a body of many countries
    two = officials("Thai Prime Minister Srettha Thavisin met Japanese Prime Minister Fumio Kishida. "
                    "Government Spokesperson Pimchanok Rattanawong said they talked.")
    assert two["pimchanok rattanawong"].attrs["country"] is None       # two partners: no telling


def test_chu_tich_nuoc_is_vietnams_unless_another_country_is_written():
    found = officials("Tổng thống Hàn Quốc Lee Jun-ho hội đàm với Chủ tịch nước.", "vi")
    assert mention_texts(found["lee jun ho"]) == ["Lee Jun-ho"]
    found = officials("Tổng Bí thư, Chủ tịch nước Lào Bounnhang Vorachith tiếp đoàn.", "vi")
    assert found["bounnhang vorachith"].attrs["country"] == "LA"
    found = officials("General Secretary and President of Laos Bounnhang Vorachith received the delegation.")
    assert found["bounnhang vorachith"].attrs["country"] == "LA"


# --- what is not an official -------------------------------------------------------------

@pytest.mark.parametrize("text, lang, key", [
    ("Chairman of the Ho Chi Minh City People's Committee Nguyen Van Duoc recalled President Ho Chi Minh.",
     "en", "nguyen van duoc"),
    ("Director of the Ho Chi Minh National Academy of Politics Nguyen Xuan Thang quoted President Ho Chi Minh.",
     "en", "nguyen xuan thang"),
    ("General Secretary To Lam paid tribute to the late General Secretary Nguyen Phu Trong.", "en", "to lam"),
    ("Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh Nguyễn Xuân Thắng đón đoàn.", "vi", "nguyen xuan thang"),
    ("Chủ tịch UBND TP. Hồ Chí Minh Nguyễn Văn Được nhắc lại lời Chủ tịch Hồ Chí Minh.", "vi", "nguyen van duoc"),
    ("Tổng Bí thư Tô Lâm tưởng nhớ cố Tổng Bí thư Nguyễn Phú Trọng.", "vi", "to lam"),
])
def test_a_leader_of_the_past_is_history_not_an_official(text, lang, key):
    assert list(officials(text, lang)) == [key]


@pytest.mark.parametrize("text, lang", [
    ("By Xuan Hanh - Translated by Anh Quan", "en"),
    ("Mr. Nguyen Van Binh sells coffee in Hue.", "en"),
    ("Ho Chi Minh City and the Ho Chi Minh National Academy of Politics signed a deal.", "en"),
    ("Ảnh: Cổng thông tin điện tử TP. Hồ Chí Minh.", "vi"),
    ("Tổng Lãnh sự quán Kazakhstan tại TP. Hồ Chí Minh sẽ được thành lập.", "vi"),
])
def test_bylines_places_and_plain_people_are_not_officials(text, lang):
    assert officials(text, lang) == {}


def test_a_place_named_after_a_person_is_no_mention_of_him():
    found = officials("Deputy Minister Le Loi visited in 2024. Le Loi Street now has a metro station.")
    assert mention_texts(found["le loi"]) == ["Deputy Minister Le Loi"]
    assert officials("President Ho Chi Minh visited in 1959. Ho Chi Minh City now has direct flights.") == {}


def test_a_vietnamese_given_name_alone_is_not_linked():
    text = "Thủ tướng Phạm Minh Chính chủ trì phiên họp. Chính phủ đã thống nhất. Được biết, Thủ tướng Phạm Minh Chính sẽ đi Astana."
    f = officials(text, "vi")["pham minh chinh"]
    assert mention_texts(f) == ["Thủ tướng Phạm Minh Chính", "Thủ tướng Phạm Minh Chính"]


# --- across languages and encodings ------------------------------------------------------

def test_the_same_person_has_the_same_key_in_both_languages():
    en = officials("Vice Chairman of the Ho Chi Minh City People's Committee Vo Van Hoan spoke.")
    vi = officials("Phó Chủ tịch UBND TP. Hồ Chí Minh Võ Văn Hoan phát biểu.", "vi")
    assert list(en) == list(vi) == ["vo van hoan"]
    assert en["vo van hoan"].attrs["role"] == vi["vo van hoan"].attrs["role"] == "vice_chairman"


def test_decomposed_text_gives_the_same_official_with_original_offsets():
    text = "Ngày 15/12, Chủ tịch UBND TP. Hồ Chí Minh Nguyễn Văn Được đã tiếp Đại sứ Kanat Tumysh. Đại sứ cảm ơn."
    nfd = unicodedata.normalize("NFD", text)
    found = officials(nfd, "vi")
    assert set(found) == {"nguyen van duoc", "kanat tumysh"}
    assert found["nguyen van duoc"].attrs["name"] == "Nguyễn Văn Được"
    assert mention_texts(found["kanat tumysh"])[-1] == unicodedata.normalize("NFD", "Đại sứ")


# --- the seeds ---------------------------------------------------------------------------

def test_seed_officials_are_all_found_with_role_and_country(seed_report):
    assert seed_report.tallies["official"].f1 == 1.0
    attrs = seed_report.tallies["official"].attrs
    assert attrs["role"][0] == attrs["role"][1] and attrs["country"][0] == attrs["country"][1]
    assert not [p for p in seed_report.problems if p.type == "official"]


def test_seed_people_share_keys_across_languages_and_bylines_are_left_out(seed_documents):
    keys = {name: {f.attrs["key"] for f in doc.facts if f.type == "official"} for name, doc in seed_documents.items()}
    en, vi = keys["000_1b9531123ad11ac5.txt"], keys["002_8f364acec43f0db1.txt"]
    assert {"nguyen van duoc", "kanat tumysh"} <= en & vi
    names_seen = {f.attrs["name"] for doc in seed_documents.values() for f in doc.facts if f.type == "official"}
    assert not names_seen & {"Xuan Hanh", "Anh Quan"}
