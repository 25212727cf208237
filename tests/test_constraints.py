"""Shopping requests parsed against the catalog's vocabulary (hand-worked examples)."""
from chatbot import vocabulary
from chatbot.constraints import Constraints, is_recommendation_request, parse, satisfies
from chatbot.types import Product
from conftest import MINI_PRODUCTS

PRODUCTS = [Product(**p) for p in MINI_PRODUCTS]


def test_waterproof_running_shoe_under_120_in_wide():
    c = parse("a waterproof running shoe under $120 in wide", PRODUCTS)
    assert c.to_dict() == {"category": "running shoes", "price_max": 120.0,
                           "attributes": {"waterproof": True, "width": "wide"}}
    assert [p.id for p in PRODUCTS if satisfies(p, c)] == ["P1"]


def test_chinese_request_and_between():
    c = parse("推荐一款100元以下的跑鞋", PRODUCTS)
    assert c.category == "running shoes" and c.price_max == 100
    assert [p.id for p in PRODUCTS if satisfies(p, c)] == ["P2"]
    assert parse("headphones between $50 and $200", PRODUCTS).to_dict() == {
        "category": "headphones", "price_min": 50.0, "price_max": 200.0}


def test_follow_up_refines_the_request():
    first = parse("running shoes under $150", PRODUCTS)
    blue = first.merged(parse("and in blue?", PRODUCTS))
    assert blue.attributes == {"colors": "blue"} and blue.price_max == 150
    assert [p.id for p in PRODUCTS if satisfies(p, blue)] == ["P1"]


def test_in_stock_and_negation():
    c = parse("wireless earbuds in stock", PRODUCTS)
    assert c.in_stock is True and not satisfies(PRODUCTS[2], c)
    assert parse("running shoes that are not waterproof", PRODUCTS).attributes == {"waterproof": False}


def test_intent():
    assert is_recommendation_request("Can you recommend a coffee?")
    assert is_recommendation_request("I'm looking for a backpack")
    assert is_recommendation_request("shoes under $100")
    assert not is_recommendation_request("Is the Storm Runner waterproof?")
    assert Constraints().is_empty()


def test_a_number_with_a_unit_is_not_a_price():
    c = parse("a backpack with at least 40 liters under $90", PRODUCTS)
    assert c.price_min is None and c.price_max == 90
    assert parse("headphones with over 30 hours", PRODUCTS).price_min is None
    # A counted noun is no price either, and a question about one product is no shopping request.
    assert not is_recommendation_request("can you play with less than 12 players?")
    assert parse("is it ok for kids under 3 years?", PRODUCTS).price_max is None


TENTS = [
    Product("T1", "Ridge 4 Tent", category="tents", price=250, features=["Fully taped seams", "Two doors"],
            description="A four person dome tent with aluminium poles and plastic-free packaging.",
            attributes={"capacity_people": 4, "weight_kg": 3.2, "ip_rating": "IPX4", "age_range": "8-12"}),
    Product("T2", "Lite 2 Tent", category="tents", price=150, features=["Plastic stakes", "Timer light"],
            description="A two person tent.", attributes={"capacity_people": 2, "weight_kg": 1.4,
                                                          "ip_rating": "IP67", "age_range": "6+"}),
]


def _ids(request):
    c = parse(request, TENTS)
    return c, [p.id for p in TENTS if satisfies(p, c)]


def test_numeric_bounds_through_the_unit_the_key_names():
    c, ids = _ids("a tent for at least 3 people under $300")
    assert c.bounds == {"capacity_people": [">=", 3.0]} and c.price_max == 300 and ids == ["T1"]
    assert _ids("a tent lighter than 2 kg")[1] == ["T2"]
    assert _ids("推荐至少3人的tents")[0].bounds == {"capacity_people": [">=", 3.0]}


def test_ages_and_graded_codes():
    assert _ids("a tent for a 7-year-old")[1] == ["T2"]  # 6+ holds 7; 8-12 does not
    c, ids = _ids("a tent rated IPX5 or better")
    assert c.bounds == {"ip_rating": ["code>=", "IPX5"]} and ids == ["T2"]  # IP67 meets IPX5, IPX4 does not


def test_features_and_exclusions_in_the_catalog_s_own_words():
    c, ids = _ids("recommend a tent with a timer")
    assert c.features == ["timer"] and ids == ["T2"]
    c, ids = _ids("a tent with no plastic")
    assert c.excluded == ["plastic"] and ids == ["T1"]  # "plastic-free packaging" is free of it
    c, _ = _ids("any good tent ideas for my daughter")  # words no record holds ask for nothing
    assert c.features == [] and c.excluded == []


def test_a_false_yes_no_attribute_is_not_the_feature_and_frees_the_product_of_it():
    hubs = [Product("H1", "Bulb", category="smart home", attributes={"hub_required": True, "timer": False}),
            Product("H2", "Plug", category="smart home", description="A plug with a timer.",
                    attributes={"hub_required": False})]
    assert [p.id for p in hubs if satisfies(p, parse("a smart home plug that needs no hub", hubs))] == ["H2"]
    assert "H1" not in [p.id for p in hubs if satisfies(p, parse("a smart home thing with a timer", hubs))]


def test_each_phrase_is_read_once():
    shop = [Product("T1", "Lotus Green Tea", category="coffee & tea", attributes={"type": "tea", "tea_type": "green"}),
            Product("S1", "Trail Shoe", category="running shoes", attributes={"colors": ["green", "black"]}),
            Product("S2", "Road Shoe", category="running shoes", attributes={"colors": ["green"]}),
            Product("B1", "Cordlyn Shield", category="phone", attributes={"wireless": True, "charging": "wireless charging"})]
    green = parse("Can you suggest a green tea?", shop)
    assert green.attributes == {"type": "tea", "tea_type": "green"}  # not the shoes' colour
    assert parse("a power bank with wireless charging", shop).attributes == {"charging": "wireless charging"}


# A small shop of other kinds, written for these cases: its specs sit in attributes, features,
# titles or descriptions, as real catalogs mix them.
OTHER_SHOP = [
    Product(id="K1", title="Steel Kettle 1.8 L", category="Electric Kettles", price=45.0,
            attributes={"wattage": 2400, "body_material": "stainless steel"}, features=["Keep-warm mode"]),
    Product(id="K2", title="Glass Kettle", category="Electric Kettles", price=39.0,
            attributes={"capacity_l": 1.0, "wattage": 1800}, description="Not made of plastic: a glass jug."),
    Product(id="H1", title="Rubber Hose 30 m", category="Garden Hoses & Sprinklers", price=60.0,
            features=["Chew-resistant jacket"]),
    Product(id="H2", title="PVC Hose 15 m", category="Garden Hoses & Sprinklers", price=20.0,
            attributes={"material": "nylon"}),
    Product(id="B1", title="Front Light", category="Bike Lights", price=50.0, attributes={"lumens": 500},
            description="Rated IP67 against rain."),
    Product(id="B2", title="Commuter Light", category="Bike Lights", price=30.0,
            attributes={"lumens": 300, "waterproof_rating": "IPX4"}),
    Product(id="C1", title="Baby Carrier", category="Baby Carriers", price=90.0,
            attributes={"min_age_months": 0, "max_age_months": 36}),
    Product(id="C2", title="Toddler Carrier", category="Baby Carriers", price=120.0,
            attributes={"min_age_months": 12, "max_age_months": 48}),
]


def _other(c):
    return [p.id for p in OTHER_SHOP if satisfies(p, c)]


def test_a_measure_is_no_price():
    c = parse("a kettle that holds at least 1.5 litres", OTHER_SHOP)
    assert c.price_min is None and c.bounds == {"capacity_l": [">=", 1.5]}
    c = parse("a bike light with at least 400 lumens under $60", OTHER_SHOP)
    assert c.price_min is None and c.price_max == 60 and c.bounds == {"lumens": [">=", 400.0]}
    assert _other(c) == ["B1"]
    # "wattage" is in watts: the key's word begins with the unit's
    assert parse("a kettle of at least 2000 watts", OTHER_SHOP).bounds == {"wattage": [">=", 2000.0]}


def test_category_by_its_words_dictionary_form():
    assert parse("a knife", [*OTHER_SHOP, Product(id="N1", title="Chef", category="Kitchen Knives")]).category == "Kitchen Knives"
    assert parse("any hose under $50?", OTHER_SHOP).category == "Garden Hoses & Sprinklers"


def test_measure_in_the_records_words():
    # no product has a length attribute: the titles say "30 m" and "15 m"
    c = parse("a garden hose longer than 20 m", OTHER_SHOP)
    assert c.bounds == {"length_m": [">=", 20.0]} and _other(c) == ["H1"]
    # a capacity the title states ("1.8 L") meets a bound the other kettle's attribute fails
    assert _other(parse("a kettle of at least 1.5 litres", OTHER_SHOP)) == ["K1"]


def test_exclusions_said_several_ways():
    c = parse("a hose that's not made of nylon", OTHER_SHOP)
    assert c.excluded == ["nylon"] and "nylon" not in c.features and _other(c) == ["H1"]
    # the record saying "not made of plastic" is no mention of plastic in it
    assert _other(parse("a kettle that isn't made of plastic", OTHER_SHOP)) == ["K1", "K2"]


def test_hyphens_and_word_forms():
    assert _other(parse("a chew resistant hose", OTHER_SHOP)) == ["H1"]
    assert _other(parse("a kettle that keeps warm", OTHER_SHOP)) == ["K1"]


def test_graded_code_or_better_in_attributes_or_description():
    c = parse("a bike light rated IP67 or better", OTHER_SHOP)
    assert c.attributes == {} and c.bounds == {"waterproof_rating": ["code>=", "IP67"]}
    assert _other(c) == ["B1"]  # "Rated IP67" in its description; IPX4 falls short


def test_ages_in_months_and_years():
    c = parse("a carrier for a 6-month-old", OTHER_SHOP)
    assert c.bounds == {"max_age_months": [">=", 6.0], "min_age_months": ["<=", 6.0]} and _other(c) == ["C1"]
    assert _other(parse("a carrier for my 3-year-old", OTHER_SHOP)) == ["C1", "C2"]
    assert _other(parse("a carrier I can use from birth", OTHER_SHOP)) == ["C1"]


def test_a_yes_no_attribute_said_in_words():
    # K1 has no keep_warm key but its features say "Keep-warm mode"; K2 says nothing of it
    assert [p.id for p in OTHER_SHOP if satisfies(p, {"attributes": {"keep_warm": True}})] == ["K1"]
    # a record saying it is without the thing does not meet it
    glass = Product(id="G", title="Glass jug", description="No plastic anywhere.")
    assert not satisfies(glass, {"attributes": {"plastic": True}})


def test_sizes_and_numbers_said_in_words():
    beds = [Product(id="D1", title="Bolster Bed", category="Dog Beds", attributes={"sizes": ["M", "L", "XL"]}),
            Product(id="D2", title="Donut Bed", category="Dog Beds", attributes={"sizes": ["S", "M"]}),
            Product(id="T1", title="Dome Tent", category="Tents", attributes={"capacity_people": 2}),
            Product(id="T2", title="Family Tent", category="Tents", attributes={"capacity_people": 4})]
    assert parse("a dog bed in XL", beds).attributes == {"sizes": "XL"}
    assert [p.id for p in beds if satisfies(p, parse("a bed for a large dog", beds))] == ["D1"]
    assert parse("大型犬用的狗床", beds).attributes == {"sizes": "L"}  # a Chinese size word inside a phrase
    assert parse("a dog bed in extra large", beds).attributes == {"sizes": "XL"}  # not "large"
    assert [p.id for p in beds if satisfies(p, parse("a tent for at least four people", beds))] == ["T2"]
    assert parse("a tent under two hundred dollars", beds).price_max is None  # "two hundred" is no unit


def test_each_record_is_read_once_across_requests(monkeypatch):
    """A request is checked against every product; a record's words are derived on the first
    request only (a text-keyed cache thrashed past 4,096 products: 1 s a request at 10,000)."""
    from chatbot import vocabulary
    products = [Product(id=f"P{i}", title=f"Trail Shoe {i}", category="running shoes", price=50 + i,
                        features=["waterproof upper" if i % 2 else "mesh upper"]) for i in range(300)]
    read = []
    real = vocabulary.terms_of
    monkeypatch.setattr(vocabulary, "terms_of", lambda text: read.append(text) or real(text))
    first = [p.id for p in products if satisfies(p, parse("a waterproof running shoe under $60", products))]
    assert len(read) >= len(products)
    read.clear()
    second = [p.id for p in products if satisfies(p, parse("a waterproof running shoe under $60", products))]
    assert second == first == ["P1", "P3", "P5", "P7", "P9"]
    assert len(read) < 5  # the request's own words, not the records


def test_the_kind_named_is_what_the_product_is_called_and_values_stated_in_its_lines():
    garden = [Product(id="S1", title="SmartDrip Sprinkler with Timer", category="Garden Hoses & Sprinklers", price=49,
                      features=["Programmable timer"]),
              Product(id="W1", title="Digital Water Timer", category="Garden Hoses & Sprinklers", price=39,
                      description="Runs your sprinkler or hose on a schedule.", attributes={"product_type": "water timer"}),
              Product(id="H1", title="Rubber Hose 25 m", category="Garden Hoses & Sprinklers", price=59,
                      features=["Saves water compared with sprinklers", "Available in sizes M and L"]),
              Product(id="H2", title="Hose Reel", category="Garden Hoses & Sprinklers", price=79, attributes={"sizes": ["S"]}),
              Product(id="H3", title="Hose Cart", category="Garden Hoses & Sprinklers", price=89, attributes={"sizes": ["L"]})]
    wanted = parse("Is there a sprinkler with a timer for under $60?", garden)
    assert wanted.kind == "sprinkler" and wanted.features == ["timer"]
    assert [p.id for p in garden if satisfies(p, wanted)] == ["S1"]  # W1 and H1 only mention sprinklers
    assert parse("a garden hose", garden).kind == "hose"
    assert "Garden Hoses & Sprinklers (sprinkler)" in wanted.describe()
    # sizes: H2 and H3 list them as an attribute, H1 only in a line of its record
    assert [p.id for p in garden if satisfies(p, parse("a hose in size L", garden))] == ["H1", "H3"]
    assert not satisfies(garden[0], {"attributes": {"sizes": "L"}})  # no line of S1 names a size


def test_keys_of_many_styles_measures_as_text_counts_and_listed_exclusions():
    mats = [Product(id="M1", title="Cork Mat", category="Yoga Mats", attributes={"Thickness": "6 mm", "material": "cork"},
                    description="It is latex-free."),
            Product(id="M2", title="Grip Mat", category="Yoga Mats", attributes={"thickness_mm": 4, "material": "TPE"},
                    features=["Recycled plastic core"]),
            Product(id="M3", title="Studio Mat", category="Yoga Mats", attributes={"Thickness": "8 mm", "Latex-free": False,
                                                                                  "material": "PVC"})]
    wanted = parse("Latex-free yoga mat at least 6 mm thick?", mats)
    assert "Thickness" not in wanted.attributes  # "6 mm" is a bound's, not a value to match
    assert [p.id for p in mats if satisfies(p, wanted)] == ["M1"]  # M3 is 8 mm but not latex-free
    assert [p.id for p in mats if satisfies(p, parse("a yoga mat under 5 mm thick", mats))] == ["M2"]
    assert set(parse("a yoga mat, no PVC, TPE or other plastics", mats).excluded) == {"pvc", "tpe", "plastic"}
    quiet = [Product(id="H1", title="A", category="Humidifiers", attributes={"Noise level": "26 dB"}),
             Product(id="H2", title="B", category="Humidifiers", attributes={"noise_db": 35}),
             Product(id="H3", title="C", category="Humidifiers", attributes={"Room size": "45 m²"})]
    assert [p.id for p in quiet if satisfies(p, parse("Quiet humidifier, 30 dB or less", quiet))] == ["H1"]
    assert [p.id for p in quiet if satisfies(p, parse("a humidifier for at least 40 m²", quiet))] == ["H3"]
    sets = [Product(id="P1", title="Acrylic Set", category="Paint", attributes={"number_of_colours": 24}),
            Product(id="P2", title="Mini Set", category="Paint", attributes={"number_of_colours": 12})]
    assert [p.id for p in sets if satisfies(p, parse("paint with at least 1,000 colours", sets))] == []
    assert [p.id for p in sets if satisfies(p, parse("paint with at least 20 colours", sets))] == ["P1"]
    assert parse("a non-stick pan", sets).excluded == []  # "non-stick" is a property
    sewing = [Product(id="S1", title="HD-23", category="Sewing", attributes={"stitch_patterns": 23, "max_speed_spm": 1100}),
              Product(id="S2", title="Pro 300", category="Sewing", attributes={"stitch_patterns": 300},
                      description="Top speed is 1000 stitches per minute.")]
    # a number read with its unit is a speed, not a count of stitch patterns
    assert parse("a sewing machine doing at least 1,000 stitches per minute", sewing).bounds == {"max_speed_spm": [">=", 1000.0]}
    assert parse("a sewing machine with at least 100 stitches", sewing).bounds == {"stitch_patterns": [">=", 100.0]}


def test_a_feature_of_several_words_is_said_in_one_line_and_what_it_is_for_is_no_feature():
    machines = [Product(id="S1", title="Heritage 32", category="Sewing Machines", price=150, attributes={"Automatic threader": True}),
                Product(id="S2", title="HeavyLine", category="Sewing Machines", price=199, features=["Automatic needle threader"]),
                Product(id="S3", title="TravelStitch", category="Sewing Machines", price=89,
                        features=["No automatic needle threader", "Carry handle"], description="Light enough for classes."),
                Product(id="S4", title="Studio 9", category="Sewing Machines", price=120, features=["Automatic buttonhole"],
                        description="Spare needle included. A thread cutter and a threader tool.")]
    wanted = parse("I need a sewing machine with an automatic needle threader, under $200.", machines)
    assert wanted.features == ["automatic needle threader"]
    # S3 says it has none; S4 holds the three words, but in three different lines
    assert [p.id for p in machines if satisfies(p, wanted)] == ["S1", "S2"]
    assert parse("a sewing machine to carry to my classes", machines).features == []  # what it is for
    assert parse("a sewing machine for classes with a carry handle", machines).features == ["carry handle"]


def test_ages_said_in_words_and_what_a_product_is_made_for():
    machines = [Product(id="S1", title="Mini", category="Sewing Machines", features=["Suitable for ages 8+ with adult supervision"]),
                Product(id="S2", title="Travel", category="Sewing Machines", attributes={"suitable_age": "10+"}),
                Product(id="S3", title="Pro", category="Sewing Machines", description="For adults.")]
    assert [p.id for p in machines if satisfies(p, parse("a sewing machine my 9-year-old can learn on", machines))] == ["S1"]
    rooms = [Product(id="H1", title="A", category="Humidifiers", attributes={"Room size": "12 m²"}),
             Product(id="H2", title="B", category="Humidifiers", attributes={"coverage_m2": 45}),
             Product(id="H3", title="C", category="Humidifiers", features=["Covers rooms up to 50 m²"])]
    wanted = parse("I need a humidifier for a 40 m² open-plan living room.", rooms)
    assert wanted.bounds == {"room_size_m2": [">=", 40.0]} and not wanted.features
    assert [p.id for p in rooms if satisfies(p, wanted)] == ["H2", "H3"]


def test_chinese_numerals_and_negations():
    mats = [Product(id="M1", title="Balance Mat", category="Yoga Mats", description="It is latex-free."),
            Product(id="M2", title="Grounded Mat", category="Yoga Mats", attributes={"material": "natural rubber"}),
            Product(id="M3", title="Studio Mat", category="Yoga Mats", attributes={"Latex-free": True}),
            Product(id="M4", title="Grip Mat", category="Yoga Mats", attributes={"latex_free": False})]
    wanted = parse("有没有不含乳胶的瑜伽垫？", mats, category="Yoga Mats")
    assert wanted.excluded == ["latex"]  # 有没有 asks; 不含 excludes
    # none of the first three says it holds latex; "latex_free: false" does
    assert [p.id for p in mats if satisfies(p, wanted)] == ["M1", "M2", "M3"]
    machines = [Product(id="S1", title="Mini", category="Sewing Machines", features=["Suitable for ages 8+"]),
                Product(id="S2", title="Pro", category="Sewing Machines", attributes={"min_age": 12})]
    assert [p.id for p in machines if satisfies(p, parse("我需要一台适合八岁孩子用的缝纫机。", machines))] == ["S1"]
    assert parse("无线耳机", [Product(id="H", title="Buds", category="headphones", attributes={"wireless": True})]).attributes \
        == {"wireless": True}  # 无线 is no exclusion


def test_what_a_request_asks_in_words_it_did_not_use_before():
    purifiers = [Product(id="A1", title="AeroPure 300", category="Air Purifiers", price=89.0,
                         features=["As quiet as 24 dB in sleep mode"], attributes={"Room Size (sq ft)": 320, "colour": "white"},
                         description="A compact tower for bedrooms and home offices."),
                 Product(id="A2", title="HX-700 Smart", category="Air Purifiers", price=329.0,
                         attributes={"room_sqft": 900, "noise_db_min": 31, "color": "black"})]
    assert vocabulary.unit_of_key("Room Size (sq ft)") == "ft2" and vocabulary.unit_of_key("noise_db_min") == "db"
    wanted = parse("An air purifier, 500 sq ft at least, I don't want to spend more than $400.", purifiers)
    assert (wanted.price_min, wanted.price_max, list(wanted.bounds.values())) == (None, 400.0, [[">=", 500.0]])  # one of the keys
    assert [p.id for p in purifiers if satisfies(p, wanted)] == ["A2"]  # 900 sq ft; 320 is too small
    assert parse("air purifier, $100 max", purifiers).price_max == 100.0
    wanted = parse("An air purifier in any colour except white", purifiers)
    assert wanted.excluded == ["white"] and wanted.features == []  # the colour is what the exclusion is about
    # "to be quiet" asks for a feature, no purpose; "for home offices" is prose, no feature
    assert parse("An air purifier for my office. It has to be quiet.", purifiers).features == ["quiet"]


def test_a_false_free_of_attribute_and_words_only_prose_uses():
    from chatbot import vocabulary as v

    boots = [Product(id="B1", title="Fold-Go Boot", category="Rain Boots", description="Throw it in a suitcase.",
                     attributes={"packable": True, "pvc_free": False}),
             Product(id="B2", title="Classic Boot", category="Rain Boots", attributes={"packable": False, "pvc_free": True})]
    assert v.free_key("pvc_free") == ["pvc"] and v.free_key("packable") is None
    assert parse("packable rain boots I can throw in a suitcase", boots).features == []  # "suitcase": prose only
    assert [p.id for p in boots if satisfies(p, parse("rain boots with no PVC", boots))] == ["B2"]


def test_a_code_in_a_feature_must_be_the_record_s_own():
    from chatbot import vocabulary as v

    h11 = Product(id="C", title="CleanSky Tower", features=["Washable pre-filter + H11 HEPA filter"])
    h13 = Product(id="H", title="HX-700", features=["H13 True HEPA filter"])
    assert [p.id for p in (h11, h13) if v.has_feature(p, "h13 hepa filter")] == ["H"]  # all but one word, never the code
