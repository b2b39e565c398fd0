#!/usr/bin/env python3
"""Writes samples/member-list/*.json: a federation's 会员名单 grouped by 所在工会 (issue #25).

    python3 scripts/make-member-list-samples.py

Deterministic (a fixed seed); synthetic people only. 居民身份证 numbers carry a correct
GB 11643 check character (MOD 11-2) and the sex in the sequence's parity; the members come
sorted by union, as the layout requires.
"""
import json
import random
from datetime import date
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌海燕鹏飞宇辉晨欣怡浩然子涵梓萱雨婷俊佳琪思远博晓东春生永福德胜淑珍凤嘉颖锦荣家豪咏诗"
# 上海 浦东新区, 黄浦区, 徐汇区, 闵行区
REGIONS = ["310115", "310101", "310104", "310112"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
UNIONS = [
    ("上海浦东新区陆家嘴金融城联合工会", 23),
    ("上海张江高科技园区某软件有限公司工会", 57),
    ("上海浦东新区花木街道社区工会", 9),
    ("上海外高桥保税区某物流有限公司工会", 41),
    ("上海浦东新区某人民医院工会委员会", 64),
    ("上海浦东新区某中学工会", 15),
    ("上海金桥出口加工区某汽车零部件有限公司工会", 34),
    ("上海浦东新区某幼儿园工会小组", 3),
]


def check_character(digits17):
    total = sum(int(d) * w for d, w in zip(digits17, WEIGHTS))
    return "10X98765432"[total % 11]


def resident_id(rng, birth, female):
    seq = rng.randint(0, 998)
    if (seq % 2 == 0) != female:  # odd: male, even: female
        seq += 1
    digits = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
    return digits + check_character(digits)


def member(rng, union, used):
    female = rng.random() < 0.5
    birth = date(rng.randint(1966, 2003), rng.randint(1, 12), rng.randint(1, 28))
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
    number = resident_id(rng, birth, female)
    while number in used:
        number = resident_id(rng, birth, female)
    used.add(number)
    return {"union": union, "name": name, "idNumber": number, "fee": rng.choice(["50.00", "50.00", "80.00", "100.00"])}


def main():
    rng = random.Random(2025)
    used = set()
    members = [member(rng, union, used) for union, size in UNIONS for _ in range(size)]
    data = {
        "office": "shanghai",
        "listNumber": "PD-HY-2025-0031",
        "federation": "上海市浦东新区总工会",
        "activity": "在职职工住院医疗互助保障",
        "period": "2025年7月1日至2026年6月30日",
        "printedAt": "2025-06-20",
        "members": members,
    }
    out = Path(__file__).resolve().parent.parent / "samples" / "member-list"
    out.mkdir(parents=True, exist_ok=True)
    (out / "pudong-246.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
