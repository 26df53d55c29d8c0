"""``python -m repair`` is the ``repair`` command."""

import sys

from repair.cli import entry, main

if sys.modules["__main__"].__dict__ is globals():
    entry()  # the program itself: a quick exit once the work is done
else:
    main()  # run by a wrapper (``runpy.run_module`` without ``alter_sys``) that goes on after
