#!/usr/bin/env python3
"""Writes samples/enrolment-statistics/*.json: a 区局（产业）工会's 集中参保统计表 (seed 003).

    python3 scripts/make-enrolment-statistics-samples.py

Deterministic (a fixed seed). Prices per person for 2023 as the seed shows them where it does
(A 26 of which 13 from the city: 95 members, 2470 元, 1235 元; A+ 60 of which 20: 1064 members,
63840 元, 21280 元; B+ 100: the district 告知书); B's 50 / 25 is an assumption. Each union
chooses one 保障类型; most leave the rest to the district (基层单位缴费 0), a few pay half of it.
"""
import json
import random
from pathlib import Path

PRICES = {"A": 26, "B": 50, "A+": 60, "B+": 100}
CITY = {"A": 13, "B": 25, "A+": 20, "B+": 50}
KEYS = {"A": "a", "B": "b", "A+": "aPlus", "B+": "bPlus"}

PLACES = ["陆家嘴", "张江", "金桥", "外高桥", "川沙", "周浦", "惠南", "高桥", "高行", "北蔡",
          "三林", "洋泾", "塘桥", "花木", "唐镇", "曹路", "合庆", "康桥", "航头", "新场"]
KINDS = ["有限公司工会委员会", "股份有限公司工会", "街道总工会", "镇总工会", "实业有限公司工会",
         "科技有限公司工会委员会", "社区卫生服务中心工会", "中学工会", "物业管理有限公司工会",
         "建设工程有限公司工会委员会", "联合工会"]


def union(rng, i, name=None):
    category = rng.choices(["A", "B", "A+", "B+"], weights=[3, 2, 3, 2])[0]
    n = rng.choice([rng.randint(3, 40), rng.randint(40, 300), rng.randint(300, 2100)])
    counts = {c: (n if c == category else 0) for c in PRICES}
    fee = n * PRICES[category]
    city = n * CITY[category]
    rest = fee - city
    grassroots = rest // 2 if rng.random() < 0.2 else 0
    row = {"name": name or f"上海{rng.choice(PLACES)}{rng.choice(['', '东方', '申城', '浦江', '华辰'])}{KINDS[i % len(KINDS)]}"}
    for c in PRICES:
        row[KEYS[c]] = counts[c]
    row["fee"] = str(fee)
    row["city"] = str(city)
    row["district"] = str(rest - grassroots)
    row["grassroots"] = str(grassroots)
    return row


def document(rng, batch, unions):
    return {
        "office": "shanghai",
        "union": "上海市浦东新区总工会",
        "batch": batch,
        "year": 2023,
        "start": "2023-01-01",
        "end": "2023-12-31",
        "prices": {c: f"{p}.00" for c, p in PRICES.items()},
        "contact": {"name": "陈晓燕", "phone": "021-58781234"},
        "printedAt": "2022-12-27",
        "unions": unions,
    }


def main():
    out = Path(__file__).resolve().parent.parent / "samples" / "enrolment-statistics"
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2023)
    names = set()
    rows = []
    while len(rows) < 60:
        row = union(rng, len(rows))
        if row["name"] in names:
            continue
        names.add(row["name"])
        rows.append(row)
    small_rng = random.Random(7)
    small = [union(small_rng, i, name) for i, name in enumerate(
        ["新新有限公司工会委员会", "上海张江高科技园区联合工会", "上海金桥出口加工区开发股份有限公司工会"])]
    for name, data in [("pudong-60", document(rng, "CB202212260017", rows)),
                       ("small", document(small_rng, "CB202208080004", small))]:
        (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
