"""The demo's units: Bình Phước, Bù Đăng and its communes, before and after the 2025 reform."""

import datetime as dt

REFORM_DAY = dt.date(2025, 7, 1)
LAST_OLD_DAY = dt.date(2025, 6, 30)

COUNTRY = ("VN", "Việt Nam", "country")
PROVINCE = ("70", "Bình Phước", "province")
DISTRICT = ("698", "Bù Đăng", "district")
NEW_PROVINCE = ("75", "Đồng Nai", "province")

# (code, name, kind, population 2020) — GSO codes of the district's 16 communes and towns.
COMMUNES_2020 = [
    ("25480", "Đức Phong", "township", 19850),
    ("25483", "Đường 10", "commune", 6420),
    ("25484", "Đak Nhau", "commune", 9130),
    ("25486", "Phú Sơn", "commune", 7260),
    ("25489", "Thọ Sơn", "commune", 8540),
    ("25492", "Bình Minh", "commune", 8010),
    ("25495", "Bom Bo", "commune", 10390),
    ("25498", "Minh Hưng", "commune", 12870),
    ("25501", "Đoàn Kết", "commune", 11240),
    ("25504", "Đồng Nai", "commune", 7980),
    ("25507", "Đức Liễu", "commune", 13560),
    ("25510", "Thống Nhất", "commune", 9870),
    ("25513", "Nghĩa Trung", "commune", 12150),
    ("25516", "Nghĩa Bình", "commune", 8720),
    ("25519", "Đăng Hà", "commune", 6690),
    ("25522", "Phước Sơn", "commune", 11040),
]

# The six communes of 1/7/2025 under Đồng Nai province, and the communes each took over.
# Their codes are illustrative: the demo does not depend on the 2025 code list.
COMMUNES_2025 = [
    ("25481", "Bù Đăng", ["Đức Phong", "Đoàn Kết", "Minh Hưng"]),
    ("25523", "Phước Sơn", ["Đăng Hà", "Thống Nhất", "Phước Sơn"]),
    ("25514", "Nghĩa Trung", ["Đức Liễu", "Nghĩa Bình", "Nghĩa Trung"]),
    ("25490", "Thọ Sơn", ["Phú Sơn", "Đồng Nai", "Thọ Sơn"]),
    ("25485", "Đak Nhau", ["Đường 10", "Đak Nhau"]),
    ("25496", "Bom Bo", ["Bình Minh", "Bom Bo"]),
]
