"""The direct stage answers comparisons from both records side by side (hand-worked records)."""
from types import SimpleNamespace

from chatbot.answer import direct
from chatbot.answer.settings import AnswerSettings
from chatbot.answer.turn import Session, Turn
from chatbot.types import Product

RECORDS = {"A": Product("A", "Ridge Tent", attributes={"weight_kg": 3.2, "lumens": 100}),
           "B": Product("B", "Lite Tent", attributes={"weight_kg": 1.4, "lumens": 100})}


def _turn(text, records=RECORDS, focus=("A", "B")):
    turn = Turn(text, Session(), SimpleNamespace(products=records), AnswerSettings())
    turn.focus = list(focus)
    direct.run(turn)
    return turn


def test_the_comparative_names_the_attribute_through_its_unit():
    turn = _turn("Which is lighter, the Ridge Tent or the Lite Tent?")
    assert turn.done and turn.reply.answer == \
        "The Lite Tent is lighter: its weight is 1.4 kg [1], against 3.2 kg for the Ridge Tent [2]."
    assert [c.product_id for c in turn.reply.citations] == ["B", "A"]
    assert _turn("哪个更轻？").reply.answer.startswith("Lite Tent 更胜一筹")
    assert turn.reply.focus == ["B", "A"]  # the one that wins is "it" in the next question
    assert _turn("Which one weighs less?").reply.answer == \
        "The Lite Tent has the smaller weight: 1.4 kg [1], against 3.2 kg for the Ridge Tent [2]."


def test_fahrenheit_and_celsius_compare_in_one_unit():
    pots = {"P": Product("P", "Petite Cocotte", features=["Oven-safe to 480°F"]),
            "E": Product("E", "Earth Pot", attributes={"max_oven_c": 260})}
    # 480 °F is 248.9 °C
    assert _turn("Which can go in a hotter oven, the Petite Cocotte or the Earth Pot?", pots, ("P", "E")).reply.answer == \
        "The Earth Pot is hotter: its max oven is 260 °C [1], against 480 °F for the Petite Cocotte [2]."


def test_two_weights_under_other_names_are_not_compared():
    scooters = {"T": Product("T", "Trax Scooter", attributes={"weight_kg": 3.6}, features=["Holds riders up to 80 kg"]),
                "K": Product("K", "Tri-Kick Scooter", attributes={"max_load_kg": 50})}
    # the Trax's own weight is no rider's limit: the records do not settle "which takes a heavier kid"
    assert not _turn("Trax or Tri-Kick, which one is heavier?", scooters, ("T", "K")).done


def test_a_tie_says_so_and_an_unlisted_comparison_goes_on_to_the_evidence():
    assert _turn("Which one is brighter?").reply.answer.startswith("Both list the same brightness: 100 lumens")
    assert not _turn("Which one is comfier?").done


def test_a_listed_attribute_named_in_other_words():
    from chatbot.answer import facts

    knife = Product(id="K", title="Bread Knife", attributes={
        "blade_length_cm": 23, "weight_g": 180, "max_load_kg": 20, "has_timer": True, "wattage": 1200})
    assert facts.answer("How long is the blade?", knife) == "The Bread Knife's blade length is 23 cm [1]."
    assert "180 g" in facts.answer("How much does it weigh?", knife)
    assert "20" in facts.answer("What is the maximum load?", knife)  # the fuller key, not weight_g
    assert "1200 W" in facts.answer("What is the wattage?", knife)
    assert facts.answer("What's the longest time I can set?", knife) is None  # no yes/no to a "what"
    assert facts.answer("Does it have a timer?", knife).startswith("Yes")


def test_a_comparison_with_one_product_found_is_not_answered_with_its_one_fact():
    shop = SimpleNamespace(db=SimpleNamespace(connect=lambda: None))  # no review is asked about
    turn = Turn("Which is lighter, the Ridge Tent or the Unknown Tent?", Session(),
                SimpleNamespace(products=RECORDS, shop=shop), AnswerSettings())
    turn.focus = ["A"]
    direct.run(turn)
    assert not turn.done  # left to the evidence and the model, not "Ridge Tent's weight is 3.2 kg"


def test_an_amount_only_the_description_states_is_quoted_from_it():
    from chatbot.answer import facts

    knife = Product(id="B", title="Pro Bread Knife", description="A serrated knife. The blade is 23 cm long. It weighs 180 g.",
                    features=["Ergonomic handle"], attributes={"handle_material": "POM"})
    assert facts.record_line("How long is the blade on the Pro Bread Knife?", knife) == "The blade is 23 cm long."
    assert facts.record_line("How much does it weigh?", knife) == "It weighs 180 g."
    assert facts.record_line("How sharp is the tip?", knife) is None  # no line holds "sharp" and "tip"
    shop = SimpleNamespace(db=SimpleNamespace(connect=lambda: None))
    turn = Turn("How long is the blade?", Session(), SimpleNamespace(products={"B": knife}, shop=shop), AnswerSettings())
    turn.focus = ["B"]
    direct.run(turn)
    assert turn.reply.answer == 'On that, the product listing says: "The blade is 23 cm long." [1]'
    assert turn.reply.citations[0].chunk_ids == ["B:card"]


def test_a_what_question_only_a_short_line_answers_is_quoted_and_made_of_is_no_made_in():
    from chatbot.answer import facts

    knife = Product(id="H", title="Heritage Chef's Knife", attributes={"made_in": "Portugal", "weight_g": 210},
                    description="A full-tang chef's knife for everyday chopping, slicing and dicing. The handle is olive wood.")
    assert facts.answer("What is the handle of the Heritage Chef's Knife made of?", knife) is None  # not made_in
    assert facts.answer("Where is it made?", knife) == "The Heritage Chef's Knife is made in Portugal [1]."
    shop = SimpleNamespace(db=SimpleNamespace(connect=lambda: None))

    def reply(text):
        turn = Turn(text, Session(), SimpleNamespace(products={"H": knife}, shop=shop), AnswerSettings())
        turn.focus = ["H"]
        direct.run(turn)
        return turn.reply.answer if turn.done else None

    assert reply("What is the handle made of?") == 'On that, the product listing says: "The handle is olive wood." [1]'
    assert reply("Is the handle made of wood?") is None  # a yes/no question is the model's, on the evidence
    assert reply("What is the blade made of?") is None  # no line holds "blade"


def test_how_hot_or_how_loud_is_answered_by_the_line_with_a_measure_in_that_unit():
    from chatbot.answer import facts

    pan = Product(id="P", title="Blue Steel Pan", features=["Oven safe to 300 °C", "Weighs 2.1 kg", "Hot handle warning"],
                  description="A carbon steel pan for the oven and the hob.")
    assert facts.record_line("And how hot can it go in the oven?", pan) == "Oven safe to 300 °C"
    assert facts.record_line("How loud is it?", pan) is None  # no line states decibels


def test_a_comparison_reads_each_record_s_own_key_or_text_in_one_unit():
    records = {"G": Product("G", "Grounded Mat", attributes={"Weight": "2.5 kg"}),
               "C": Product("C", "Cork Flow Mat", features=["Weighs 900 g"]),
               "H": Product("H", "Heirloom Skillet", features=["Oven safe to 260 °C"]),
               "B": Product("B", "Blue Steel Pan", attributes={"max_oven_c": 300})}
    shop = SimpleNamespace(db=SimpleNamespace(connect=lambda: None))

    def ask(text, focus):
        turn = Turn(text, Session(), SimpleNamespace(products=records, shop=shop), AnswerSettings())
        turn.focus = focus
        direct.run(turn)
        return turn.reply.answer

    assert ask("Which is lighter, the Grounded or the Cork Flow?", ["G", "C"]) == \
        "The Cork Flow Mat is lighter: its weight is 900 g [1], against 2.5 kg for the Grounded Mat [2]."
    assert ask("Heirloom skillet or Blue Steel pan: which one can take a hotter oven?", ["H", "B"]).startswith(
        "The Blue Steel Pan is hotter")


def test_a_key_that_leaves_part_of_the_question_out_gives_way_to_the_line_that_says_it_all():
    from chatbot.answer import facts

    carrier = Product(id="C", title="Ergo-Hold Carrier", attributes={"weight_g": 680},
                      description="A padded carrier. It carries children up to 20 kg. It can be used from 4 months.")
    assert facts.answer("What's the maximum child weight for the Ergo-Hold Carrier?", carrier) is None
    assert facts.record_line("What's the maximum child weight for the Ergo-Hold Carrier?", carrier) == \
        "It carries children up to 20 kg."
    assert "680 g" in facts.answer("How much does it weigh?", carrier)
    assert facts.record_line("From what age can it be used?", carrier) == "It can be used from 4 months."
    hose = Product(id="H", title="Rubber Hose 25 m", description="A thick hose. It is 25 m long.")
    assert facts.record_line("How long is that one?", hose) == "It is 25 m long."  # title and line say one thing


def test_a_colour_character_inside_another_chinese_word_asks_no_colour():
    from chatbot.answer import facts

    kettle = Product(id="K", title="Kettle", attributes={"colors": ["silver", "black"]})
    assert facts.answer("支持蓝牙或者手机App控制吗？", kettle, "zh") is None  # 蓝牙 is Bluetooth
    assert facts.answer("有白色的吗？", kettle, "zh").startswith("没有")


def test_keys_with_their_unit_in_brackets():
    from chatbot.answer import facts, guard

    drill = Product(id="D", title="Drill X", attributes={"Weight (kg)": 1.4, "battery_mah": 2000,
                                                        "Max torque (Nm)": 45, "Capacity [L]": 2})
    assert facts.answer("How heavy is the Drill X?", drill) == "The Drill X's Weight is 1.4 kg [1]."
    assert facts.answer("What is the max torque?", drill) == "The Drill X's Max torque is 45 Nm [1]."
    assert "2000 mAh" in facts.answer("What is the battery capacity in mAh?", drill)  # the unit asked
    # a model's "1.4 kg" stands on a card that says "Weight (kg): 1.4"
    assert guard.check_answer("The Drill X weighs 1.4 kg [1].", "Drill X. Weight (kg): 1.4", [drill]).ok


def test_how_long_may_ask_a_time():
    from chatbot.answer import facts

    machine = Product(id="Q", title="Quilter Pro 300", description="Meet the Quilter. It is covered by a 5-year warranty.")
    assert facts.record_line("How long is the warranty on the Quilter Pro 300?", machine) == \
        "It is covered by a 5-year warranty."
    hose = Product(id="H", title="Rubber Hose 25 m", description="A thick hose. It is 25 m long.", features=["10-year warranty"])
    assert facts.record_line("How long is that one?", hose) == "It is 25 m long."  # a length before a time


def test_a_comparison_said_in_a_phrase_reads_as_a_sentence():
    shop = SimpleNamespace(db=SimpleNamespace(connect=lambda: None))
    records = {"A": Product("A", "AquaCalm 6L", attributes={"coverage_m2": 45}),
               "B": Product("B", "Nordic 5L", features=["Covers rooms up to 50 m²"])}
    turn = Turn("Does the AquaCalm 6L or the Nordic 5L cover more area?", Session(),
                SimpleNamespace(products=records, shop=shop), AnswerSettings())
    turn.focus = ["A", "B"]
    direct.run(turn)
    assert turn.reply.answer == "The Nordic 5L has the greater area: 50 m² [1], against 45 m² for the AquaCalm 6L [2]."


def test_a_measure_named_by_its_word_among_several_and_a_unit_spelt_out():
    mats = {"M1": Product("M1", "Balance Mat", attributes={"Thickness": "6 mm", "Length": "183 cm", "width_cm": 61}),
            "M2": Product("M2", "Cloud 10 mm Mat", attributes={"Length": "183 cm", "width_cm": 61},
                          description="It is 10 mm thick. It weighs 0.8 kg.")}
    turn = _turn("Which is thicker, the Balance mat or the Cloud mat?", mats, ["M1", "M2"])
    # three lengths in each record: "thicker" takes the one its word names, in a key or in the text
    assert turn.reply.answer == "The Cloud 10 mm Mat is thicker: its thickness is 10 mm [1], against 6 mm for the Balance Mat [2]."
    machines = {"S1": Product("S1", "Pro 300", description="Top speed is 1000 stitches per minute."),
                "S2": Product("S2", "HD-23", attributes={"max_speed_spm": 1100})}
    turn = _turn("Which sews faster, the Pro 300 or the HD-23?", machines, ["S1", "S2"])
    assert turn.reply.answer.startswith("The HD-23 is faster: its max speed is 1100 spm [1], against 1000 spm")


def test_a_measure_the_text_states_twice_alike_is_one():
    from chatbot import measures

    tank = Product("T", "AquaCalm 6L Humidifier", features=["6 L water tank"], description="Lasts 40 hours.")
    assert measures.measure_in(tank, "l") == (6.0, "capacity", "6 L")
    assert measures.measure_in(Product("U", "Jug", features=["1 L jug", "2 L jug"]), "l") is None  # two differ


def test_an_attribute_the_question_names_is_compared_in_the_direction_its_comparative_says():
    knives = {"K1": Product("K1", "Bread Knife", attributes={"warranty_years": 10, "weight_g": 180}),
              "K2": Product("K2", "Chef's Knife", attributes={"Warranty (years)": 5, "weight_g": 210})}

    def ask(text):
        return _turn(text, knives, ["K2", "K1"]).reply.answer

    assert ask("Which has the longer warranty, the Chef's Knife or the Bread Knife?") == \
        "The Bread Knife has the greater warranty: 10 years [1], against 5 years for the Chef's Knife [2]."
    assert ask("Which has the shorter warranty?").startswith("The Chef's Knife has the smaller warranty")
    assert ask("Which has the nicer warranty?") == ""  # no direction: left to the evidence
    knives["K1"] = Product("K1", "Bread Knife", attributes={"weight_g": 180}, description="Forged. 10-year warranty.")
    assert ask("Which has the longer warranty, the Chef's Knife or the Bread Knife?") == \
        "The Bread Knife has the greater warranty: 10 years [1], against 5 years for the Chef's Knife [2]."  # its text says it
    knives["K1"] = Product("K1", "Bread Knife", description="2-year warranty, 3-year warranty on the blade.")
    assert ask("Which has the longer warranty?") == ""  # two values: the text does not settle it


def test_a_question_naming_a_unit_is_answered_from_the_one_measure_in_it():
    from chatbot.answer import facts

    speaker = Product("S", "Deckhand Max", features=["40 W output", "Weighs 2.3 kg"], attributes={"colour": "black"})
    purifier = Product("P", "AeroPure 300", features=["As quiet as 24 dB in sleep mode"], attributes={"room_sqft": 320})
    pan = Product("N", "Tri-Ply 24 cm Fry Pan", features=["Riveted steel handle"], attributes={"diameter_cm": 24})
    assert facts.answer("How many watts does this speaker put out?", speaker) == "The Deckhand Max's power is 40 W [1]."
    assert facts.answer("How loud is it on the lowest setting?", purifier) == "The AeroPure 300's noise level is 24 dB [1]."
    assert facts.answer("Deckhand Max有多重？", speaker, "zh") == "Deckhand Max 的 weight：2.3 kg [1]。"
    assert facts.answer("What kind of handle does the Tri-Ply 24 cm pan have?", pan) is None  # "24 cm" names the pan
    assert facts.answer("What presser feet come with it?", speaker) is None  # no quantity asked
    assert facts.answer("Is it louder than 30 dB?", purifier) is None  # a yes or no
    oven = Product("O", "Heritage Pot", features=["Oven-safe to 500°F"], attributes={"colour": "red"})
    assert facts.answer("What's the max oven temperature for the Heritage pot?", oven) == \
        "The Heritage Pot's temperature is 500 °F [1]."
    coated = Product("G", "GreenGlide Pan", attributes={"coating": "ceramic non-stick"})
    assert facts.answer("What's the coating on the GreenGlide?", coated) == "The GreenGlide Pan's coating is ceramic non-stick [1]."
    assert facts.answer("Is the GreenGlide's coating FDA approved?", coated) is None  # the record never says FDA
    assert facts.answer("Is the GreenGlide's coating made from recycled ceramic?", coated) is None  # nor "recycled"
    boot = Product("B", "Chelsea Storm", attributes={"size_range": "EU 36-46", "shaft_height_in": 7, "upper": "PVC"})
    assert facts.answer("What sizes are the Chelsea Storm boots available in?", boot) == \
        "The Chelsea Storm's size range is EU 36-46 [1]."  # the one key whose first word the question says
