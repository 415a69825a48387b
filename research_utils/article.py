"""TEMPORARY shim while the analyses move to research_utils.ingest (removed at the end of the refactor)."""

from research_utils.ingest import *  # noqa: F403
from research_utils.ingest import Document as Article  # noqa: F401
from research_utils.ingest.checks import english_share  # noqa: F401
from research_utils.ingest.read import MAX_BYTES, sidecar_path  # noqa: F401
from research_utils.ingest.repair import repair_text  # noqa: F401
from research_utils.ingest.structure import ROLE_RULES, Block  # noqa: F401
