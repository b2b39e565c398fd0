#!/usr/bin/env python3
"""Writes samples/policy/*.json: Guangdong's 电子保单 (seed 004 §七(一)) with its insured list.

    python3 scripts/make-policy-samples.py

Deterministic (fixed seeds); synthetic people only. 居民身份证 numbers carry a correct GB 11643
check character (MOD 11-2) and the sex in the sequence's parity; a few Hong Kong / Macao
residents hold a 港澳居民来往内地通行证 (their birth date and sex given, as the permit states
neither) or a 港澳台居民居住证 (81/82 address code, GB 11643 in full).
"""
import json
import random
from datetime import date
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌海燕鹏飞宇辉晨欣怡浩然子涵梓萱雨婷俊佳琪思远博晓东春生永福德胜淑珍凤嘉颖锦荣家豪咏诗"
# 广州 天河区, 广州 海珠区, 深圳 福田区, 佛山 禅城区, 惠州 惠城区, 东莞, 湛江 赤坎区
REGIONS = ["440106", "440105", "440304", "440604", "441302", "441900", "440802"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check_character(digits17):
    total = sum(int(d) * w for d, w in zip(digits17, WEIGHTS))
    return "10X98765432"[total % 11]


CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(base17):
    """A 统一社会信用代码 (GB 32100): the 17 characters and their check character."""
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(base17, CODE_WEIGHTS))
    return base17 + CODE_CHARS[(31 - total % 31) % 31]


def resident_id(rng, region, birth, female):
    seq = rng.randint(0, 998)
    if (seq % 2 == 0) != female:  # odd: male, even: female
        seq += 1
    digits = f"{region}{birth:%Y%m%d}{seq:03d}"
    return digits + check_character(digits)


def person(rng, i, used):
    female = rng.random() < 0.45
    birth = date(rng.randint(1967, 2004), rng.randint(1, 12), rng.randint(1, 28))
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
    while True:
        if i % 53 == 17:
            kind = "港澳居民来往内地通行证"
            number = rng.choice("HM") + f"{rng.randint(0, 99999999):08d}"
        elif i % 71 == 30:
            kind = "港澳台居民居住证"
            number = resident_id(rng, rng.choice(["810000", "820000"]), birth, female)
        else:
            kind = "居民身份证"
            number = resident_id(rng, rng.choice(REGIONS), birth, female)
        if number not in used:
            used.add(number)
            break
    row = {"name": name, "idType": kind, "idNumber": number}
    if kind == "港澳居民来往内地通行证":
        row["sex"] = "女" if female else "男"
        row["birthDate"] = birth.isoformat()
    return row


def policy(seed, count, number, unit, plans, start, end, printed):
    rng = random.Random(seed)
    used = set()
    members = [person(rng, i, used) for i in range(count)]
    return {
        "office": "guangdong",
        "policyNumber": number,
        "unit": unit,
        "plans": [
            {"name": name, "standard": f"{standard}.00", "shares": shares, "insured": count,
             "premium": f"{standard * shares * count}.00"}
            for name, standard, shares in plans
        ],
        "start": start,
        "end": end,
        "printedAt": printed,
        "members": members,
    }


def main():
    out = Path(__file__).resolve().parent.parent / "samples" / "policy"
    out.mkdir(parents=True, exist_ok=True)
    samples = {
        "guangzhou-300": policy(
            404, 300, "GDHZ2025440100000318",
            {"name": "广州市穗华精密机械制造有限公司", "creditCode": credit_code("91440101MA59ABCD0"),
             "address": "广州市黄埔区科学大道182号"},
            [("在职职工住院医疗互助保障计划", 50, 2), ("在职职工重大疾病互助保障计划", 30, 1),
             ("在职职工意外伤害互助保障计划", 20, 1)],
            "2025-04-01", "2026-03-31", "2025-03-28"),
        "shenzhen-6": policy(
            7, 6, "GDHZ2025440300000042",
            {"name": "深圳市福田区百合花幼儿园", "creditCode": credit_code("52440304MJL123456"),
             "address": "深圳市福田区莲花路1001号"},
            [("在职职工住院医疗互助保障计划", 50, 1)],
            "2025-07-01", "2026-06-30", "2025-06-20"),
    }
    for name, data in samples.items():
        (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
