"""The linter: rules (``rule``), the engine that runs them with selection and suppression
(``engine``, ``selection``, ``config``), what rules may consult (``context``) and rule docs
(``docs``).

``campaignsim.lint(paths, **options)`` is the one-call API: this package can be called, and calling
it is :func:`campaignsim.lint.engine.lint_paths`. Being a package and a callable at once needs no
import order: the package is the only thing ever bound to the name ``campaignsim.lint``.
"""

import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, paths, **options):
        """Lint scenario files and directories; returns a :class:`~campaignsim.lint.engine.LintReport`."""
        from campaignsim.lint.engine import lint_paths

        return lint_paths(paths, **options)


sys.modules[__name__].__class__ = _CallablePackage
