"""Corpus mode: per-article tables over many articles (Dask), and comparisons of groups.

* :mod:`~research_utils.analyses.corpus.tables`: the per-article tables a corpus report
  needs, computed from one parse of each article.
* :mod:`~research_utils.analyses.corpus.run`: the articles analysed in batches on a Dask
  scheduler, their tables streamed to Parquet, unchanged articles reused on a rerun.
* :mod:`~research_utils.analyses.corpus.groups`: groups of articles compared (naming index
  with bootstrap intervals, frames, who speaks, distinctive words, trend).
"""


def corpus_options(pack: str = "") -> dict:
    """The analysis options of a corpus run: the lexicons of topic pack ``pack`` ("" = default).

    The options are part of the settings fingerprint, so a rerun with another pack
    analyses every article again instead of reusing tables made with the old one.
    """
    from research_utils.lexicons.pack import DEFAULT_PACK, load_pack

    chosen = pack or DEFAULT_PACK
    return {
        "lexicons": {"stance": {"pack": chosen}, "framing": {"pack": chosen}},
        "pack_sha256": load_pack(chosen).sha256,  # an edited pack is a new setting
    }
