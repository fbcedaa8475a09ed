"""The linter: rules (``rule``), the engine that runs them with selection and suppression
(``engine``, ``selection``, ``config``), what rules may consult (``context``) and rule docs
(``docs``). ``campaignsim.lint(paths)`` is the one-call API."""
