"""Corpus mode: per-article tables over many articles (Dask), and comparisons of groups.

* :mod:`~research_utils.analyses.corpus.tables`: the per-article tables a corpus report
  needs, computed from one parse of each article.
* :mod:`~research_utils.analyses.corpus.run`: the articles analysed in batches on a Dask
  scheduler, their tables streamed to Parquet, unchanged articles reused on a rerun.
* :mod:`~research_utils.analyses.corpus.groups`: groups of articles compared (naming index
  with bootstrap intervals, frames, who speaks, distinctive words, trend).
"""
