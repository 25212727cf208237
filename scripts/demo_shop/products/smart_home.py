"""Smart home devices, one product line after another (data/catalog.json smart_lines)."""
from __future__ import annotations

from ..common import CATALOG, Item, noun, pick_features, price_in

CAT = "smart home"
VOICE_SENTENCE = {"built-in": "It has a voice assistant built in.",
                  "compatible": "It works with the major voice assistants through their apps but has none built in.",
                  "none": "It has no voice assistant support and is controlled from the app."}
VOICE_FEATURE = {"built-in": "Built-in voice assistant", "compatible": "Works with voice assistants",
                 "none": "App control only"}


def build(rng, titles) -> list[Item]:
    items = []
    for line in CATALOG["smart_lines"]:
        sub, label, power = line["sub"], line["label"], line["power"]
        plo, phi = line["price"]
        for _ in range(line["count"]):
            brand = rng.choice(CATALOG["brands"][CAT])
            model = titles.model(rng, CATALOG["model_words"][CAT], brand, numbered=False)
            voice = rng.choice(line["voices"])
            conn = rng.choice(line["connectivity"])
            hub = conn in ("Zigbee", "Thread")
            colors = rng.sample(CATALOG["smart_colors"], rng.randint(1, 2))
            price = price_in(rng, plo, phi)
            title = f"{brand} {model} {label}"
            attrs = {"type": sub, "voice_assistant": voice, "connectivity": conn, "power": power}
            hours = None
            if power == "battery":
                hours = rng.choice([1440, 2160, 2880, 4320] if sub == "video doorbell" else [4380, 8760])
                attrs["battery_hours"] = hours
            attrs["hub_required"] = hub
            if sub in ("indoor camera", "video doorbell"):
                attrs["resolution"] = rng.choice(["1080p", "2K"])
            attrs["colors"] = colors
            desc = [f"A {label.lower()} that connects over {conn}.", VOICE_SENTENCE[voice]]
            if hours:
                desc.append(f"A rechargeable battery lasts up to {hours} hours (about {round(hours / 24)} days) per charge.")
            else:
                desc.append("It runs on mains power.")
            if hub:
                desc.append("A compatible hub is required.")
            feats = [f"{conn} connectivity", VOICE_FEATURE[voice],
                     f"Battery up to {hours} h" if hours else "Mains powered",
                     "Needs a hub" if hub else "No hub needed"]
            if "resolution" in attrs:
                feats.append(f"{attrs['resolution']} video")
            it = Item(CAT, sub, brand, title, price, rng.random() >= 0.15, attrs, desc,
                      pick_features(rng, feats), noun(f"this {sub}", line["noun_zh"], False))
            items.append(it)
    return items
