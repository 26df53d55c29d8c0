"""Integrations with other tools (each in an optional extra).

* :mod:`repair.integrations.datatrove`: a datatrove pipeline step that repairs
  ``doc.text`` and a filter on the damage scores (``pip install "repair[datatrove]"``).
"""
