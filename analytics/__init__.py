"""Review analytics: sentiment (English and Chinese), aspects with polarity, keywords, and
per-product summaries for shop owners.

    from analytics import ReviewAnalyzer
    analyzer = ReviewAnalyzer()                       # e5-small + the shipped sentiment head
    analyzer.sentiment(["Great sound but the battery dies fast."])
    analyses = analyzer.analyze(reviews)              # list[ReviewAnalysis]
    summary = analyzer.summarize(product, analyses)   # ProductSummary (.to_dict(), .customers_say)

Storage: `analytics.store.analyze_and_store(conn, reviews, analyzer)`; report:
`analytics.report.write_report(db, out_dir)`. Heavy imports (numpy, yake, jieba, matplotlib,
the embedder) happen on first use.
"""
from .analyzer import ReviewAnalysis, ReviewAnalyzer
from .summary import AspectStat, ProductSummary

__all__ = ["ReviewAnalyzer", "ReviewAnalysis", "ProductSummary", "AspectStat"]
