"""``python -m research_utils.validation [GOLD_FOLDER] [--misses]`` (``make validate``)."""

import sys

from research_utils.validation.run import main

sys.exit(main())
