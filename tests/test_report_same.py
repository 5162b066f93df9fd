"""The same-commitment judge (factx.report.same) on pairs written for it, EN/EN, VI/VI and EN/VI,
the same commitment and different ones; and its precision and recall over all of them."""

import pytest

from factx.report.same import party_key, pledge, verdict


def p(actor, modality, action, lang, due=None, person=False, amounts=(), dates=()):
    begin, end = due or (None, None)
    return pledge(actor=actor, person=person, modality=modality, action=action, language=lang,
                  due_begin=begin, due_end=end, amounts=amounts, dates=dates)


H2_2026 = ("2026-07-01", "2026-12-31")
MAY_JUNE = ("2026-05-01", "2026-06-30")
Y2026 = ("2026-01-01", "2026-12-31")
Q1_2027 = ("2027-01-01", "2027-03-31")

# (label, a, b, same?)
PAIRS = [
    # -- the same commitment ------------------------------------------------------------------
    ("en/en route, reworded",
     p("Kazakh airlines", "plan", "to launch routes connecting Kazakhstan and Ho Chi Minh City in the second half "
       "of 2026", "en", H2_2026, dates=["2026-H2"]),
     p("Kazakh airlines", "plan", "to open direct flights between Almaty and Ho Chi Minh City from the second "
       "half of 2026", "en", H2_2026, dates=["2026-H2"]), True),
    ("en/en forum, same words",
     p("Kazakhstan", "plan", "to co-host a business forum in May or June 2026", "en", MAY_JUNE),
     p("Kazakhstan", "plan", "to co-host a business forum in May or June 2026 to enhance bilateral cooperation",
       "en", MAY_JUNE), True),
    ("en/en trade target with its amount",
     p("Ho Chi Minh City", "pledge", "to soon achieve the set target of US$1.5 billion in two-way trade turnover",
       "en", amounts=[(1500000000, "USD")]),
     p("Ho Chi Minh City", "pledge", "to reach US$1.5 billion in trade with Kazakhstan's localities", "en",
       amounts=[(1500000000, "USD")]), True),
    ("vi/vi consulate",
     p("Kazakhstan", "plan", "mở Tổng Lãnh sự quán tại TP. Hồ Chí Minh trong năm 2026", "vi", Y2026),
     p("Kazakhstan", "plan", "thành lập Tổng lãnh sự quán Kazakhstan tại TP.HCM vào năm 2026", "vi", Y2026), True),
    ("vi/vi person, railways",
     p("kanat tumysh", "readiness", "chia sẻ kinh nghiệm quy hoạch các tuyến đường sắt dài cho TP. Hồ Chí Minh",
       "vi", person=True),
     p("kanat tumysh", "readiness", "chia sẻ với Thành phố kinh nghiệm vận hành đường sắt và logistics", "vi",
       person=True), True),
    ("en/vi route, H2 2026",
     p("Kazakh airlines", "plan", "to launch routes connecting Kazakhstan and Ho Chi Minh City in the second half "
       "of 2026", "en", H2_2026, dates=["2026-H2"]),
     p("các hãng hàng không Kazakhstan", "plan", "mở đường bay thẳng tới TP. Hồ Chí Minh trong 6 tháng cuối năm "
       "2026", "vi", H2_2026, dates=["2026-H2"]), True),
    ("en/vi forum, pledge and plan",
     p("Kazakhstan", "plan", "to co-host a business forum in May or June 2026", "en", MAY_JUNE),
     p("Kazakhstan", "pledge", "đồng tổ chức diễn đàn doanh nghiệp vào tháng 5 hoặc tháng 6/2026", "vi", MAY_JUNE),
     True),
    ("en/vi person, finance centre",
     p("kanat tumysh", "readiness", "to share experience with Ho Chi Minh City in developing an international "
       "financial center", "en", person=True),
     p("kanat tumysh", "readiness", "chia sẻ kinh nghiệm xây dựng Trung tâm Tài chính quốc tế tại TP. Hồ Chí Minh",
       "vi", person=True), True),
    ("en/vi both sides, trade amount",
     p("both sides", "agreement", "to raise two-way trade to US$2 billion", "en", amounts=[(2000000000, "USD")]),
     p("hai bên", "agreement", "nâng kim ngạch thương mại song phương lên 2 tỷ USD", "vi",
       amounts=[(2000000000, "USD")]), True),
    ("en/vi visa, a due on one side only",
     p("Vietnam and Kazakhstan", "agreement", "to extend visa exemption for ordinary passport holders", "en"),
     p("Việt Nam và Kazakhstan", "agreement", "gia hạn miễn thị thực cho công dân mang hộ chiếu phổ thông từ "
       "quý I/2027", "vi", Q1_2027, dates=["2027-Q1"]), True),
    ("en/vi person, railways and logistics",
     p("nguyen van duoc", "proposal", "expanding cooperation in aviation and railway transport", "en", person=True),
     p("nguyen van duoc", "proposal", "mở rộng hợp tác hàng không và vận tải đường sắt", "vi", person=True), True),
    ("en/vi tourism target",
     p("Kazakhstan", "plan", "to send one million tourists to Vietnam in 2026", "en", Y2026),
     p("Kazakhstan", "plan", "đưa một triệu du khách sang Việt Nam trong năm 2026", "vi", Y2026), True),
    # -- different commitments ------------------------------------------------------------------
    ("en/en same actor, route vs consulate",
     p("Kazakhstan", "plan", "to open a direct air route to Ho Chi Minh City in 2026", "en", Y2026),
     p("Kazakhstan", "plan", "to establish a Consulate General in Ho Chi Minh City in 2026", "en", Y2026), False),
    ("en/en proposal vs agreement",
     p("nguyen van duoc", "proposal", "expanding cooperation in aviation and railway transport", "en", person=True),
     p("nguyen van duoc", "agreement", "expanding cooperation in aviation and railway transport", "en",
       person=True), False),
    ("en/en different people",
     p("to lam", "proposal", "exploring new areas of cooperation like finance and digital transformation", "en",
       person=True),
     p("olzhas bektenov", "proposal", "exploring new areas of cooperation like finance and digital transformation",
       "en", person=True), False),
    ("en/en dues far apart",
     p("Kazakhstan", "plan", "to co-host a business forum in May or June 2026", "en", MAY_JUNE),
     p("Kazakhstan", "plan", "to co-host a business forum in 2028", "en", ("2028-01-01", "2028-12-31")), False),
    ("en/en person vs party",
     p("kanat tumysh", "pledge", "to be a bridge for investment from Kazakh businesses into HCMC", "en", person=True),
     p("Kazakhstan", "pledge", "to be a bridge for investment from Kazakh businesses into HCMC", "en"), False),
    ("vi/vi forum vs railways",
     p("hai bên", "agreement", "tổ chức diễn đàn doanh nghiệp tại TP. Hồ Chí Minh", "vi"),
     p("hai bên", "agreement", "hợp tác phát triển đường sắt tại TP. Hồ Chí Minh", "vi"), False),
    ("vi/vi same place, nothing else shared",
     p("kanat tumysh", "proposal", "thiết lập cơ chế hợp tác giữa TP. Hồ Chí Minh và các thành phố lớn của "
       "Kazakhstan", "vi", person=True),
     p("kanat tumysh", "proposal", "sớm có đường bay thẳng kết nối TP. Hồ Chí Minh với Astana", "vi", person=True),
     False),
    ("en/vi regional mechanism vs direct flights (seeds)",
     p("kanat tumysh", "proposal", "exploring a regional cooperation mechanism between Ho Chi Minh City and major "
       "cities in Kazakhstan", "en", person=True),
     p("kanat tumysh", "proposal", "cần thiết sớm có đường bay thẳng kết nối TP. Hồ Chí Minh với các trung tâm kinh "
       "tế lớn của Kazakhstan như Astana hay Almaty, tạo thuận lợi cho hợp tác thương mại, đầu tư, du lịch", "vi",
       person=True), False),
    ("en/vi different amounts and subjects",
     p("both sides", "agreement", "to raise two-way trade to US$2 billion", "en", amounts=[(2000000000, "USD")]),
     p("hai bên", "agreement", "thu hút 500 triệu USD vốn đầu tư vào khu công nghiệp", "vi",
       amounts=[(500000000, "USD")]), False),
    ("en/vi readiness: finance centre vs railways (seeds)",
     p("kanat tumysh", "readiness", "to collaborate and share experience with Ho Chi Minh City in developing an "
       "international financial center", "en", person=True),
     p("kanat tumysh", "readiness", "chia sẻ những kinh nghiệm thiết thực này cho TP. Hồ Chí Minh trong công tác quy "
       "hoạch và tổ chức vận hành các tuyến đường sắt dài", "vi", person=True), False),
    ("en/vi different parties",
     p("Kazakhstan", "plan", "to co-host a business forum in May or June 2026", "en", MAY_JUNE),
     p("Việt Nam", "plan", "đồng tổ chức diễn đàn doanh nghiệp vào tháng 5 hoặc tháng 6/2026", "vi", MAY_JUNE),
     False),
    ("en/vi same subject, dues apart",
     p("Kazakh airlines", "plan", "to launch routes to Ho Chi Minh City in the second half of 2026", "en", H2_2026),
     p("các hãng hàng không Kazakhstan", "plan", "mở đường bay tới TP. Hồ Chí Minh trong quý I/2027", "vi",
       Q1_2027), False),
]


# Same commitments the rule misses, and why: the cost of its caution, counted in the recall below.
MISSED = {
    "vi/vi person, railways": "one shared subject (railways) and the place in one action only: 1 point",
    "en/vi visa, a due on one side only": "one shared subject (visa); a due on one side is no evidence: 1 point",
}


@pytest.mark.parametrize("label,a,b,expected", PAIRS, ids=[x[0] for x in PAIRS])
def test_pair(label, a, b, expected):
    if label in MISSED:
        expected = not expected
    v = verdict(a, b)
    assert v.same is expected, (label, v.why)
    assert verdict(b, a).same is expected            # symmetric


def test_the_pairs_cover_each_language_pairing_both_ways():
    kinds = {(x[0].split()[0], x[3]) for x in PAIRS}
    assert kinds == {(k, s) for k in ("en/en", "vi/vi", "en/vi") for s in (True, False)}


def test_precision_and_recall_on_the_pairs():
    """On these 24 pairs: 10 of the 12 same pairs found, none of the 12
    different ones taken for the same: precision 1.0, recall 0.83. The pairs were written
    alongside the rule, so this checks the rule as documented; it does not estimate its
    accuracy on news."""
    tp = sum(1 for _, a, b, s in PAIRS if s and verdict(a, b).same)
    fp = sum(1 for _, a, b, s in PAIRS if not s and verdict(a, b).same)
    fn = sum(1 for _, a, b, s in PAIRS if s and not verdict(a, b).same)
    assert (tp, fp, fn) == (10, 0, 2)
    assert tp / (tp + fp) == 1.0 and round(tp / (tp + fn), 2) == 0.83


def test_party_keys_cross_languages():
    assert party_key("both sides") == party_key("hai bên") == party_key("The two sides") == "both sides"
    assert party_key("Kazakh airlines") == party_key("các hãng hàng không Kazakhstan") == "country:KZ+flights"
    assert party_key("Kazakhstan and Vietnam") == party_key("Việt Nam và Kazakhstan")
    assert party_key("Kazakhstan") != party_key("Kazakh airlines")
    assert party_key("Kazakhstan Institute for Strategic Studies") != party_key("Kazakhstan")
