"""Shared resources every step may read, each loaded once per process.

* :mod:`repair.resources.lm` – the English trigram language model (the context signal);
* :mod:`repair.resources.frequency` – wordfreq's Zipf frequencies (the frequency signal).
"""

from repair.resources.lemminflect_lazy import defer_models as _defer_models

# lemminflect's model modules (numpy) are imported only when a model runs (issue 14)
_defer_models()
