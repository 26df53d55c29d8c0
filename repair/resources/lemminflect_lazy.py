"""lemminflect without numpy until its out-of-vocabulary models run (issue 14).

Importing lemminflect imports numpy (~0.45 s of CPU and ~15 MB of RSS): its rule modules
import the modules of its two small models (``lemminflect.kmodels.KInfer``,
``ModelInflInData``, ``ModelLemmaInData``), which import numpy at their top, though only
a word that its dictionaries do not list (``getAllInflectionsOOV``, ``getAllLemmasOOV``,
``getInflection``'s fall-back) runs a model.  :func:`defer_models`, called before
lemminflect is first imported, puts a stand-in for each of those three modules in
``sys.modules``: the names lemminflect's rule modules import from them are stand-ins
that import the real module on their first use and hand every call and attribute to it,
so lemminflect runs its own code and gives the same answers, numpy loaded only when a
model runs.  Any other name asked of a stand-in module imports the real one at once.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

#: The model modules deferred, and the names lemminflect's rule modules import from each.
DEFERRED: dict[str, tuple[str, ...]] = {
    "lemminflect.kmodels.KInfer": ("getKInferInstance",),
    "lemminflect.kmodels.ModelInflInData": ("ModelInflInData",),
    "lemminflect.kmodels.ModelLemmaInData": ("ModelLemmaInData",),
}


def _real(module: str) -> types.ModuleType:
    """The real ``module``, imported now if only its stand-in is there."""
    got = sys.modules.get(module)
    if isinstance(got, _DeferredModule):
        del sys.modules[module]
        try:
            got = importlib.import_module(module)
        except BaseException:
            sys.modules[module] = got  # as it was: the next use tries again
            raise
    elif got is None:
        got = importlib.import_module(module)
    return got


class _Deferred:
    """A name of a deferred module: calls and attribute reads go to the real object."""

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name = module, name

    def _target(self) -> Any:
        return getattr(_real(self._module), self._name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._target()(*args, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self._target(), attr)

    def __repr__(self) -> str:
        return f"<deferred {self._module}.{self._name}>"


class _DeferredModule(types.ModuleType):
    """The stand-in of one model module: its deferred names, else the real module's."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(_real(self.__name__), attr)


def defer_models() -> bool:
    """Put the stand-ins in ``sys.modules`` unless lemminflect is imported already (then
    nothing changes); whether they are in place."""
    if "lemminflect" in sys.modules:
        return all(isinstance(sys.modules.get(m), _DeferredModule) for m in DEFERRED)
    for module, names in DEFERRED.items():
        stand_in = _DeferredModule(module)
        for name in names:
            setattr(stand_in, name, _Deferred(module, name))
        sys.modules[module] = stand_in
    return True


def models_loaded() -> bool:
    """Whether any real model module is imported (numpy with it)."""
    return any(
        m in sys.modules and not isinstance(sys.modules[m], _DeferredModule) for m in DEFERRED
    )
