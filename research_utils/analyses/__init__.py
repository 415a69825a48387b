"""The analyses: each a subpackage of small modules that take a corpus and return tables.

* :mod:`~research_utils.analyses.textstats`: counts, readability, diversity, frequency,
  keyness, concordance, sentiment arc.
* :mod:`~research_utils.analyses.stance`: attribution, actors, markers, claims.
* :mod:`~research_utils.analyses.framing`: frames, checklist, naming, persuasion, Entman,
  contrast.

Every public function takes a :class:`~research_utils.ingest.Corpus` (or anything
:func:`~research_utils.ingest.as_corpus` accepts: a document, a path, a text, a list) and
returns a pandas DataFrame with an ``article`` column and its evidence columns.
"""
