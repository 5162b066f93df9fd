"""Writes commitments17.gold.json: the gold for this folder's articles, decided from the SPEC
before factx was run on them (kept as code so each item reads on one line)."""

import json
from pathlib import Path

BOTH = "both sides"


def c(sentence, trigger, modality, actor, due=None, optional=False):
    item = {"sentence": sentence, "trigger": trigger, "modality": modality if isinstance(modality, list) else [modality],
            "actor": actor if isinstance(actor, list) else [actor], "due": [due]}
    if optional:
        item["optional"] = True
    return item


DOCS = {
    "en/01_philippines.txt": [
        c("The two presidents agreed to set up a hotline", "agreed", "agreement",
          [BOTH, "two presidents", "the two presidents", "ramon castillo and dang minh tuan", "dang minh tuan and ramon castillo"]),
        c("pledged to resolve disputes at sea by peaceful means", "pledged", "pledge",
          [BOTH, "two presidents", "the two presidents", "ramon castillo and dang minh tuan", "dang minh tuan and ramon castillo"]),
        c("Castillo said the Philippines would buy 500,000 tonnes", "would", ["pledge", "plan"], ["philippines", "the philippines"], "2026"),
    ],
    "en/02_brazil.txt": [
        c("invited Vietnamese coffee exporters to attend the São Paulo trade fair", "invited", "proposal", "lucia andrade", "2026-04"),
        c("Brazil and Vietnam concurred on the need to launch talks", "concurred", "agreement", ["brazil and vietnam", BOTH]),
        c("both sides are scheduled to hold the first round in June", "scheduled", "plan", [BOTH], "2026-06"),
    ],
    "en/03_uk.txt": [
        c("Grant offered Vietnam a £200 million green finance package", "offered", "proposal", "oliver grant"),
        c("Dien proposed that the two countries open a direct flight", "proposed", "proposal", "nguyen hong dien"),
        c("Several memoranda were signed at the end of the meeting", "signed", "agreement",
          [BOTH, "oliver grant and nguyen hong dien", "nguyen hong dien and oliver grant", "the uk and vietnam"]),
    ],
    "en/04_canada.txt": [
        c("Daniel Roy will pay an official visit to Vietnam from May 5 to 7, 2026", "will", "plan", "daniel roy",
          "2026-05-05/2026-05-07"),
        c("Canada is ready to train 300 Vietnamese nurses a year", "ready", "readiness", "canada"),
    ],
    "en/05_egypt.txt": [
        c("Karim Mansour said Egypt should become Vietnam's gateway to Africa", "should", "proposal", "karim mansour"),
        c("The ambassador vowed to help Vietnamese firms", "vowed", "pledge", "karim mansour"),
        c("Hassan Fahmy suggested a sister-city agreement", "suggested", "proposal", "hassan fahmy"),
    ],
    "en/06_mexico.txt": [
        c("Mexico, Peru and Chile agreed to send a joint trade mission", "agreed", "agreement", "mexico, peru and chile", "2026-Q3"),
        c("the mission would focus on farm products and mining", "would", ["plan", "pledge"], ["the mission", "mission"],
          optional=True),
        c("Ortega pledged to raise them to $10 billion by 2030", "pledged", "pledge", "sofia ortega", "2030"),
    ],
    "en/07_new_zealand.txt": [
        c("The two leaders found common ground on climate change", "found common ground", "agreement",
          [BOTH, "two leaders", "the two leaders", "grace walker and vu hai nam", "vu hai nam and grace walker"]),
        c("agreed to upgrade ties to a Comprehensive Strategic Partnership", "agreed", "agreement",
          [BOTH, "two leaders", "the two leaders", "grace walker and vu hai nam", "vu hai nam and grace walker"]),
        c("Walker confirmed she would attend the APEC summit", "would", ["plan", "pledge"], "grace walker", "2027"),
        c("New Zealand will provide NZ$30 million for clean energy projects", "will", "pledge", "new zealand"),
    ],
    "en/08_israel.txt": [
        c("agreeing to open a research centre on water-saving irrigation", "agreeing", "agreement",
          ["david levi", BOTH, "david levi and tran thanh nam", "tran thanh nam and david levi"]),
        c("Levi said Israeli companies were eager to invest", "eager", "readiness", "israeli companies"),
        c("Tran Thanh Nam urged Israel to speed up the free trade agreement", "urged", "proposal", "tran thanh nam"),
    ],
    "vi/01_nhat_ban.txt": [
        c("Hai Thủ tướng nhất trí nâng kim ngạch thương mại", "nhất trí", "agreement",
          [BOTH, "hai thu tuong", "vu hai nam and sato kenta", "sato kenta and vu hai nam"], "2030"),
        c("cam kết phối hợp chặt chẽ trong ứng phó biến đổi khí hậu", "cam kết", "pledge",
          [BOTH, "hai thu tuong", "vu hai nam and sato kenta", "sato kenta and vu hai nam"]),
        c("Nhật Bản sẽ tiếp tục cung cấp vốn ODA thế hệ mới", "sẽ", "pledge", "nhat ban"),
    ],
    "vi/02_han_quoc.txt": [
        c("Tổng thống Hàn Quốc Park Min-soo sắp thăm cấp Nhà nước Việt Nam", "sắp", "plan", "park min soo"),
        c("Tổng thống Park Min-soo sẽ hội đàm với Chủ tịch nước Đặng Minh Tuấn", "sẽ", "plan", "park min soo"),
        c("Samsung ký kết với tỉnh Bắc Ninh thỏa thuận mở rộng nhà máy", "ký kết", "agreement",
          ["samsung", "samsung and bac ninh", "samsung va tinh bac ninh"]),
    ],
    "vi/03_lao.txt": [
        c("thống nhất tăng cường phối hợp phòng chống tội phạm ma túy", "thống nhất", "agreement",
          [BOTH, "khamphan sengdara and luong tam quang", "luong tam quang and khamphan sengdara"]),
        c("Các tỉnh Điện Biên, Sơn La và Thanh Hóa cam kết hỗ trợ", "cam kết", "pledge",
          ["cac tinh dien bien, son la va thanh hoa", "dien bien, son la va thanh hoa"]),
    ],
    "vi/04_uc.txt": [
        c("Australia sẽ dành 50 triệu AUD cho chương trình học bổng", "sẽ", "pledge", "australia"),
        c("đồng thời đề nghị Việt Nam tạo thuận lợi cho doanh nghiệp Australia", "đề nghị", "proposal", "emily watson"),
        c("Bùi Thanh Sơn đề xuất hai bên sớm tổ chức Đối thoại chiến lược", "đề xuất", "proposal", "bui thanh son", "2026"),
        c("Ông mong muốn Australia sẽ mở thêm đường bay thẳng", "mong muốn", ["pledge", "proposal"], "bui thanh son",
          optional=True),
    ],
    "vi/05_duc.txt": [
        c("Thủ tướng giao Bộ Tài chính chủ trì", "giao", "proposal", "thu tuong", "2026-06-30"),
        c("Thomas Becker sẵn sàng kết nối các ngân hàng Đức", "sẵn sàng", "readiness", "thomas becker"),
        c("Thủ tướng Đức sẽ thăm chính thức Việt Nam vào quý III/2026", "sẽ", "plan", "thu tuong duc", "2026-Q3"),
    ],
    "vi/06_y.txt": [
        c("Tập đoàn Fincantieri của Italy ký mua 30% cổ phần", "ký mua", "agreement",
          ["tap doan fincantieri cua italy", "tap doan fincantieri", "fincantieri"]),
        c("nhiều doanh nghiệp Italy đang chuẩn bị đầu tư", "chuẩn bị", "plan", ["nhieu doanh nghiep italy", "doanh nghiep italy"]),
        c("dự kiến sẽ ký kết hiệp định hợp tác văn hóa giữa hai nước", "dự kiến", "plan",
          [BOTH, "hai nuoc", "italy and vietnam", "italy va viet nam"], "2026"),
    ],
    "vi/07_tho_nhi_ky.txt": [
        c("chứng kiến lễ ký kết 5 văn kiện hợp tác", "chứng kiến", "agreement",
          [BOTH, "mehmet aydin and vo thi anh xuan", "vo thi anh xuan and mehmet aydin"]),
        c("Ông Mehmet Aydin đề nghị phía Việt Nam sớm mở đường bay thẳng", "đề nghị", "proposal", "mehmet aydin"),
        c("hai bên nhất trí phấn đấu đạt 5 tỷ USD vào năm 2028", "nhất trí", "agreement", [BOTH, "hai ben"], "2028"),
    ],
    "vi/08_chile.txt": [
        c("Chile, Peru và Mexico sẽ cử đoàn xúc tiến thương mại chung", "sẽ", "plan", "chile, peru va mexico", "2026-09"),
        c("Ông Andrés Vidal kêu gọi doanh nghiệp Việt Nam tận dụng", "kêu gọi", "proposal", "andres vidal"),
    ],
}

gold = {"format": "factx-gold/1", "documents": [
    {"source": src, "language": src[:2], "document_date": "2026-02-10", "commitments": items}
    for src, items in DOCS.items()]}
Path(__file__).with_name("commitments17.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
