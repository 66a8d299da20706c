#!/usr/bin/env python3
"""Writes import CSVs of API.md shape for the benchmark: every column filled, deterministic.

    gen-csv.py customers N > customers.csv
    gen-csv.py products N > products.csv              (N variants, six sizes per style: SKU BS-<style>-<size>)
    gen-csv.py orders N VARIANTS CUSTOMERS > orders.csv  (N order lines of customers BENCH-0000001.. over those SKUs)
"""
import random
import sys

FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["陽菜", "蓮", "結衣", "湊", "凛", "大翔", "葵", "悠真", "紬", "樹"]
TOWNS = [("0600001", "01", "札幌市中央区北一条西"), ("9800811", "04", "仙台市青葉区一番町"),
         ("1500001", "13", "渋谷区神宮前"), ("5300001", "27", "大阪市北区梅田"), ("9000015", "47", "那覇市久茂地")]


def customers(n, out):
    out.write("external_id,family_name,given_name,family_name_kana,given_name_kana,email,line_user_id,postal_code,"
              "prefecture,city,address1,address2,birthday,email_consent,line_consent,postal_consent,"
              "preferred_channel,topics,points,points_expire_on\n")
    r = random.Random(13)
    for i in range(1, n + 1):
        postal, pref, city = TOWNS[r.randrange(len(TOWNS))]
        out.write(f"BENCH-{i:07d},{FAMILY[i % 10]},{GIVEN[(i // 10) % 10]},サトウ,ヒナ,c{i}@example.jp,"
                  f"U{r.getrandbits(128):032x},{postal},{pref},{city},{1 + i % 5}丁目{1 + i % 30}-{1 + i % 20},"
                  f"コーポ{i % 100} 101,19{50 + i % 50}-0{1 + i % 9}-1{i % 9},{'true' if i % 2 else 'false'},"
                  f"{'true' if i % 3 else 'false'},{'true' if i % 5 == 0 else 'false'},"
                  f"{['EMAIL', 'LINE', ''][i % 3]},sale;styling,{i % 5000},2027-0{1 + i % 9}-01\n")


SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
CATEGORIES = ["coats", "knitwear", "jeans", "shirts", "tshirts", "shoes"]


def skus(variants):
    return [f"BS-{v // 6:05d}-{SIZES[v % 6]}" for v in range(variants)]


def products(n, out):
    out.write("style_code,name,category,season,climate,lifecycle,discontinue_on,price,markdown_price,url,image_url,"
              "sku,size,color,stock\n")
    for v, sku in enumerate(skus(n)):
        style = v // 6
        out.write(f"BS-{style:05d},ベンチマーク商品{style},{CATEGORIES[style % 6]},ALL,ALL,ACTIVE,,{4900 + style % 50 * 100},,"
                  f"https://shop.example/p/{style},https://shop.example/i/{style}.jpg,{sku},{SIZES[v % 6]},ネイビー,"
                  f"{v % 30}\n")


def orders(n, skus, customers_count, out):
    out.write("order_id,customer_external_id,ordered_at,sku,quantity,unit_price\n")
    r = random.Random(17)
    line = 0
    order = 0
    while line < n:
        order += 1
        customer = 1 + (order * 7919) % customers_count
        at = f"2025-{1 + order % 12:02d}-{1 + order % 28:02d}T10:{order % 60:02d}:00+09:00"
        for sku in r.sample(skus, min(len(skus), 1 + r.randrange(3))):
            if line == n:
                break
            out.write(f"O{order},BENCH-{customer:07d},{at},{sku},1,{1000 + r.randrange(9000)}\n")
            line += 1


if __name__ == "__main__":
    kind, count = sys.argv[1], int(sys.argv[2])
    if kind == "customers":
        customers(count, sys.stdout)
    elif kind == "products":
        products(count, sys.stdout)
    else:
        orders(count, skus(int(sys.argv[3])), int(sys.argv[4]), sys.stdout)
