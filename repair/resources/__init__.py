"""Shared resources every step may read, each loaded once per process.

* :mod:`repair.resources.lm` – the English trigram language model (the context signal);
* :mod:`repair.resources.frequency` – wordfreq's Zipf frequencies (the frequency signal).
"""
