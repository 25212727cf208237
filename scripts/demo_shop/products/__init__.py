"""The catalog: one module per category builds its products from data/catalog.json; here they
are shuffled, numbered and given a price band."""
from __future__ import annotations

from ..common import CATEGORIES, Item, Titles
from . import backpacks, coffee_tea, headphones, jackets, kitchen, phone, shoes, smart_home

# The order the categories draw from the random stream; changing it changes every file.
BUILDERS = [shoes.build, headphones.build, coffee_tea.build, backpacks.build, kitchen.build, phone.build,
            jackets.build, smart_home.build]


def build_catalog(rng) -> list[Item]:
    titles = Titles()
    items = [it for build in BUILDERS for it in build(rng, titles)]
    rng.shuffle(items)
    for i, it in enumerate(items, 1):
        it.id = f"P{i:04d}"
    # price band (0 budget, 1 mid, 2 premium) = tercile within the category
    for c in CATEGORIES:
        group = sorted((it for it in items if it.cat == c), key=lambda x: (x.price, x.id))
        for rank, it in enumerate(group):
            it.band = min(2, rank * 3 // len(group))
    return items
