"""``repair bench``: our tool and its peers on aligned (damaged, clean) pairs, with speed.

suites (loading every format) → runner (every tool on every pair) → metrics
(alignment, error rates, ERRANT-style P/R/F0.5, broken tokens) → results
(tables, RESULTS.md) and plot (SVG).  ``repair bench --results-md benchmarks/RESULTS.md``
regenerates the published numbers.
"""

from repair.bench.metrics import Counts, doc_metrics
from repair.bench.runner import run_bench
from repair.bench.suites import Pair, Suite, load_suites

__all__ = ["Counts", "Pair", "Suite", "doc_metrics", "load_suites", "run_bench"]
