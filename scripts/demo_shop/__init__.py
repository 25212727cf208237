"""Generate the bundled demo shop for shopbot (chatbot/data/demo/).

Everything written here is synthetic: the brands, products, reviews, Q&A pairs, shoppers and
eval questions are made up from the templates and vocabulary in this package (code in the
modules, word and template lists in data/*.json). Deterministic (one fixed seed), standard
library only, no network; running it twice gives byte-identical files.

    python scripts/make_demo_shop.py              # writes chatbot/data/demo/
    python scripts/make_demo_shop.py --out DIR    # writes DIR/
    cd scripts && python -m demo_shop --out DIR   # the same

One random stream runs through the stages in a fixed order (write.generate): products ->
quality profiles -> shoppers -> reviews -> Q&A -> interactions -> eval questions. A stage that
draws one more or one fewer number changes every stage after it, so the bundled files are
checked byte for byte (tests/test_demo_data.py).
"""
