"""Community Q&A: questions shoppers ask about a product with answers that agree with its
attributes and hidden facts (runs small, real battery life), a few in Chinese."""
from __future__ import annotations

from .common import PHONES, Item, en_list, vocab, zh_colors

ORIGIN_ZH = vocab("catalog")["origin_zh"]


def colors_answer(it, lang="en"):
    cs = it.attrs["colors"]
    if lang == "zh":
        return f"有{zh_colors(cs)}可选。"
    subj = "They come" if it.nouns["it"] == "they" else "It comes"
    return f"{subj} in {en_list(cs)}." if len(cs) > 1 else f"{subj} in {cs[0]} only."


def qa_candidates(rng, it: Item):
    """(question, answer, lang) pairs that agree with the product attributes."""
    a, en, zh = it.attrs, [], []
    sub = it.sub
    if it.cat == "running shoes":
        en.append(("Are these waterproof?",
                   "Yes, they have a waterproof membrane. I ran through ankle-deep puddles and my socks stayed dry."
                   if a["waterproof"] else
                   "No, they're not waterproof. The mesh breathes well, but water gets in on wet runs."))
        en.append(("Do they come in a wide width?",
                   "Yes, this model is made in a wide width, and there's plenty of room in the toe box."
                   if a["width"] == "wide" else
                   "No, it only comes in regular width. If you have wide feet it may feel snug."))
        en.append(("What sizes are available?", f"The listing shows US sizes {a['sizes'][0]} to {a['sizes'][-1]}."))
        en.append(("What's the heel drop?", "It's a zero-drop shoe (0 mm)." if a["drop_mm"] == 0 else
                   f"{a['drop_mm']} mm according to the listing, and it feels about right."))
        en.append(("Can I use these on trails?",
                   "Yes, they're trail shoes with deep lugs. Great grip on dirt and rocks." if a["terrain"] == "trail" else
                   "Not really, they're road shoes. Fine on gravel paths but they slip on mud."))
        en.append(("How much do they weigh?", f"About {a['weight_g']} g per shoe in a US 9."))
        fit = it.facts["fit"]
        en.append(("Do they run true to size?",
                   {"small": "They run about half a size small. I'd order half a size up.",
                    "large": "They run about half a size large. I went down half a size.",
                    "true": "Yes, true to size for me. I wear my usual size."}[fit]))
        zh.append(("这双鞋防水吗？", "防水的，下雨天跑步脚也是干的。" if a["waterproof"] else "不防水，网面透气但是下雨会进水。"))
        zh.append(("有宽版吗？", "有，这款就是宽版的。" if a["width"] == "wide" else "没有，只有标准宽度。"))
    elif it.cat == "headphones":
        en.append(("Are these wireless?", "Yes, they connect over Bluetooth, no cable needed." if a["wireless"] else
                   "No, they're wired headphones with a 3.5 mm plug."))
        if a["wireless"]:
            h, real = a["battery_hours"], it.facts["H"]
            en.append(("How long does the battery last?",
                       f"The listing says up to {h} hours and that matches my experience." if it.facts["batt"] == "hi" else
                       f"The listing says up to {h} hours, but in my experience it's closer to {real}."))
            zh.append(("续航多久？", f"官方说{h}小时，我实际用下来差不多。" if it.facts["batt"] == "hi" else
                       f"官方说{h}小时，我实际只能用{real}小时左右。"))
        en.append(("Do they have noise cancelling?",
                   "Yes, they have active noise cancelling you can switch on and off." if a["noise_cancelling"] else
                   "No, there's no active noise cancelling, just passive isolation from the fit."))
        zh.append(("有主动降噪吗？", "有主动降噪。" if a["noise_cancelling"] else "没有主动降噪，只有物理隔音。"))
        wr = a["water_resistance"]
        en.append(("Are they sweatproof enough for the gym?",
                   {"none": "They have no water resistance rating, so I'd keep them away from sweat and rain.",
                    "IPX4": "They're rated IPX4, so sweat and light rain are fine, but don't submerge them.",
                    "IPX5": "They're rated IPX5, so sweaty workouts and rain are no problem.",
                    "IPX7": "They're rated IPX7, so they survive sweat, rain and even a quick dunk."}[wr]))
        en.append(("What colors are there?", colors_answer(it)))
    elif it.cat == "coffee & tea":
        tea = a["type"] == "tea"
        if tea:
            en.append(("Is this caffeine free?",
                       "Yes, it's an herbal tea with no caffeine." if a["caffeine"] == "decaf" else
                       f"No, it's a {a['tea_type']} tea, so it has caffeine."))
            en.append(("Is it loose leaf or tea bags?", f"It's {a['form']}, {a['weight_g']} g in total."))
            en.append(("Where is the tea from?", f"The leaves come from {a['origin']}."))
            zh.append(("这款茶含咖啡因吗？", "不含，是花草茶。" if a["caffeine"] == "decaf" else "含咖啡因。"))
        else:
            en.append(("Is this decaf?", "Yes, it's decaf." if a["caffeine"] == "decaf" else
                       "No, it's regular caffeinated coffee."))
            en.append(("Is it whole bean or ground?", f"It's {a['form']}." + (
                " You'll need a grinder." if a["form"] == "whole bean" else " Medium grind, good for drip and pour-over.")))
            en.append(("How dark is the roast?", f"It's a {a['roast']} roast."))
            en.append(("Where are the beans from?", f"The beans come from {a['origin']}."))
            zh.append(("是低因咖啡吗？", "是低因的。" if a["caffeine"] == "decaf" else "不是，是普通含咖啡因的。"))
            zh.append(("咖啡豆产地是哪里？", f"产地是{ORIGIN_ZH[a['origin']]}。"))
        en.append(("Is it organic?", "Yes, it's organic." if a["organic"] else "No, it isn't labeled organic."))
        en.append(("How big is the bag?" if not tea or a["form"] == "loose leaf" else "How much tea is in the box?",
                   f"{a['weight_g']} g."))
        en.append(("What does it taste like?", f"I get {a['tasting_notes'][0]} and {a['tasting_notes'][1]}, like the listing says."))
    elif it.cat == "backpacks":
        sleeve = a.get("laptop_sleeve_in")
        size = rng.choice([15, 16])
        if sleeve is None:
            ans = "There's no laptop sleeve, it's a hiking pack. A laptop fits in the main compartment but it isn't padded."
        elif sleeve >= size:
            ans = f"Yes, the sleeve fits laptops up to {sleeve} inches. My {size}-inch fits fine."
        else:
            ans = f"No, the sleeve only fits laptops up to {sleeve} inches."
        en.append((f"Will a {size}-inch laptop fit?", ans))
        zh.append((f"能放{size}寸的电脑吗？", "没有电脑隔层。" if sleeve is None else
                   (f"可以，电脑隔层最大能放{sleeve}寸。" if sleeve >= size else f"不行，电脑隔层最大只能放{sleeve}寸。")))
        en.append(("Is it waterproof?",
                   "Yes, it's waterproof. I got caught in a storm and everything inside stayed dry." if a["waterproof"] else
                   "No, the fabric is water resistant at best. I use a rain cover when it pours."))
        zh.append(("防水吗？", "防水，下暴雨里面也是干的。" if a["waterproof"] else "不防水，下大雨要套防雨罩。"))
        en.append(("What's the capacity?", f"{a['capacity_l']} liters."))
        en.append(("How heavy is it empty?", f"About {a['weight_g']} g empty."))
        en.append(("What colors does it come in?", colors_answer(it)))
    elif it.cat == "kitchen appliances":
        part = it.facts["part"]
        en.append(("How many watts is it?", f"It's rated at {a['wattage']} W."))
        en.append(("What's the capacity?", f"{a['capacity_l']:g} liters."))
        en.append(("Is it dishwasher safe?", f"Yes, the {part} is dishwasher safe. I put it on the top rack." if a["dishwasher_safe"]
                   else f"No, the {part} isn't dishwasher safe; you have to wash it by hand."))
        zh.append(("可以用洗碗机洗吗？", "可以，可拆部件能放洗碗机。" if a["dishwasher_safe"] else "不可以，只能手洗。"))
        zh.append(("功率多大？", f"{a['wattage']}瓦。"))
        en.append(("What colors are available?", colors_answer(it)))
        if sub == "kettle":
            en.append(("Is the inside plastic?", "No, it's glass inside." if a["material"] == "glass" else
                       "No, the inside is stainless steel."))
    elif it.cat == "phone accessories":
        compat = a["compatible_with"]
        universal = any(c.startswith("any ") for c in compat)
        phone = rng.choice(compat if (not universal and rng.random() < 0.5) else PHONES)
        if universal:
            ans = f"Yes, it works with {compat[0]}, and the {phone} is one."
        elif phone in compat:
            ans = f"Yes, it's made for the {phone}."
        else:
            ans = f"No, it's made for the {en_list(compat)}, not the {phone}."
        en.append((f"Does it work with the {phone}?", ans))
        wc = a["wireless_charging"]
        en.append(("Does it support wireless charging?", {
            "case": "Yes, wireless charging works through the case." if wc else
                    "No, the case is too thick for wireless charging. You have to take it off.",
            "wireless charger": f"Yes, it's a wireless charger, up to {a.get('output_w', 0):g} W.",
            "power bank": "Yes, it has a wireless charging pad on top." if wc else
                          "No, only wired charging through the USB-C port.",
            "cable": "No, it's just a cable.",
            "car mount": "Yes, it charges the phone wirelessly while it's mounted." if wc else
                         "No, it only holds the phone; it doesn't charge.",
            "screen protector": "It doesn't charge anything, and it doesn't block wireless charging either.",
        }[sub]))
        zh.append(("支持无线充电吗？", "支持。" if wc else "不支持。"))
        if sub == "power bank":
            en.append(("What's the capacity?", f"{a['capacity_mah']:,} mAh. It charges my phone about {it.facts['K']} times."))
        if sub == "cable":
            en.append(("How long is it?", f"{a['length_m']:g} meters."))
        if sub not in ("screen protector",):
            en.append(("What colors does it come in?", colors_answer(it)))
    elif it.cat == "outdoor jackets":
        en.append(("Is it waterproof?",
                   "Yes, fully waterproof with taped seams. I wore it through a full day of rain." if a["waterproof"] else
                   "No, it's not waterproof. It handles a light drizzle but soaks through in real rain."))
        zh.append(("防水吗？", "防水，下了一天雨里面都是干的。" if a["waterproof"] else "不防水，小雨还行，大雨会湿透。"))
        en.append(("Is it insulated?", {
            "none": "No, it's uninsulated. Layer a fleece underneath when it's cold.",
            "down": "Yes, it's insulated with down. Very warm for its weight.",
            "synthetic": "Yes, it has synthetic insulation, which stays warm even when damp.",
            "fleece": "It's fleece, so it's warm but not insulated like a puffer.",
        }[a["insulation"]]))
        en.append(("Does it have a hood?", "Yes, an adjustable hood." if a["hood"] else "No, there's no hood."))
        zh.append(("有帽子吗？", "有，帽子可以调节。" if a["hood"] else "没有帽子。"))
        en.append(("What sizes does it come in?", f"{a['sizes'][0]} to {a['sizes'][-1]}."))
        fit = it.facts["fit"]
        en.append(("How does the sizing run?", {"small": "It runs about a size small. Size up if you layer.",
                                                "large": "It runs about a size large. I sized down.",
                                                "true": "True to size. I wear my usual size."}[fit]))
        en.append(("What colors does it come in?", colors_answer(it)))
    else:  # smart home
        voice = a["voice_assistant"]
        en.append(("Does it have a built-in voice assistant?", {
            "built-in": "Yes, it has a voice assistant built in, you can talk to it directly.",
            "compatible": "Not built in, but it works with the major voice assistants through their apps.",
            "none": "No, there's no voice assistant support. You control it from the app.",
        }[voice]))
        en.append(("Does it need a hub?", f"Yes, it uses {a['connectivity']}, so you need a compatible hub." if a["hub_required"]
                   else f"No, it connects directly over {a['connectivity']}."))
        zh.append(("需要网关吗？", "需要，要配合网关使用。" if a["hub_required"] else "不需要，直接连接就行。"))
        if a["power"] == "battery":
            h = a["battery_hours"]
            en.append(("Is it battery powered?",
                       f"Yes, it runs on a rechargeable battery rated for up to {h} hours (about {round(h / 24)} days)."))
            zh.append(("是用电池的吗？", f"是的，用充电电池，官方说能用{h}小时左右。"))
        else:
            en.append(("Is it battery powered?", "No, it needs to be plugged in."))
        en.append(("How long does setup take?", f"Took me about {it.facts['m']} minutes with the app."))
    return en, zh


def build_qa(rng, items):
    rows = []
    for it in items:
        en, zh = qa_candidates(rng, it)
        k = rng.choices([1, 2, 3], weights=[15, 55, 30])[0]
        chosen = [(q, a, "en") for q, a in rng.sample(en, min(k, len(en)))]
        if zh and rng.random() < 0.12:
            q, a = rng.choice(zh)
            chosen.append((q, a, "zh"))
        for q, a, lang in chosen:
            rows.append((it.id, q, a))
    rows.sort(key=lambda r: r[0])
    return [{"id": f"Q{i:04d}", "product_id": pid, "question": q, "answer": a} for i, (pid, q, a) in enumerate(rows, 1)]
