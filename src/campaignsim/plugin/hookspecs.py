"""Hook specifications: the whole plugin API of campaignsim.

A plugin is a module (or object) with functions named like the hooks below, decorated with
``campaignsim.plugin.hookimpl``, and registered under the entry-point group ``campaignsim``::

    [project.entry-points.campaignsim]
    acme = "campaignsim_acme.plugin"

Every built-in pack (``campaignsim.builtin.*``) is registered the same way. An implementation may
accept fewer arguments than the specification names (pluggy's opt-in arguments), so new
arguments can be added to a hook without breaking existing plugins. Each hook is called once per
plugin and its results are collected; a plugin that raises is reported by name and the others go on.

Plugins are asked in a fixed order: the built-in packs (by entry-point name), then third-party
plugins (by entry-point name). What a hook returns is checked before it is used
(:mod:`campaignsim.plugin.declarations`, and :func:`campaignsim.lint.rule.rule_problems` for rules); a declaration that fails, or that takes a code or name an
earlier plugin provides without saying ``replaces``, is refused and blamed on its plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campaignsim.plugin import hookspec

if TYPE_CHECKING:
    from campaignsim.lint.rule import Rule
    from campaignsim.model import ActionSpec, PlatformSpec, StepFriction
    from campaignsim.report.base import OutputFormat


@hookspec
def campaignsim_rules() -> "list[type[Rule]]":
    """Return the rule classes this plugin provides.

    Each is a subclass of :class:`campaignsim.lint.rule.Rule` with a unique ``code`` (a prefix of
    capital letters and digits, e.g. ``ACME001``), a kebab-case ``name``, a ``summary``, a
    ``rationale``, both examples and at least one reference; a rule that lacks one is refused at
    load. A code an earlier plugin provides is refused unless the rule declares ``replaces``. Import rule modules
    lazily inside this function so that plugins that are not used cost nothing at start-up.
    """


@hookspec
def campaignsim_platforms() -> "list[PlatformSpec]":
    """Return the platforms this plugin provides, as :class:`campaignsim.model.PlatformSpec` values.

    A platform declares its account kinds (``platform.account`` must be one of them when given),
    the extra ``[platform]`` keys it accepts (:class:`campaignsim.model.ExtraField`, validated by
    the loader), the jurisdictions a campaign defaults to, the URL of its official rules, and the
    simulator's defaults (reach per follower, attention kernel, share spread, takedown hazard).
    """


@hookspec
def campaignsim_actions() -> "list[ActionSpec]":
    """Return the entry actions this plugin provides, as :class:`campaignsim.model.ActionSpec` values.

    An action names the step fields it uses and its friction: effort in minutes, completion
    probability, and how many other people completing it exposes (shares, tags, invites).
    """


@hookspec
def campaignsim_output_formats() -> "list[OutputFormat]":
    """Return lint output formats, as :class:`campaignsim.report.base.OutputFormat` values.

    A format has a ``name`` (what ``--format`` takes) and a ``render(report) -> str`` function
    receiving the :class:`campaignsim.lint.engine.LintReport`.
    """


@hookspec
def campaignsim_sensitive_topics() -> "dict[str, list[str]]":
    """Return keywords that mark a hashtag or hot topic as sensitive, by category.

    Categories are free text (``death``, ``disaster``, ``illness``). Matching is case-insensitive:
    Latin-script keywords match whole words (after CamelCase hashtags are split, so ``rip``
    matches ``#RIPKobe`` but not ``#trip``); Chinese keywords match anywhere in the topic. The
    hot-topic rule (GEN009) uses the union over all plugins, and a keyword counts on its own: give
    phrases that are about a tragedy whatever surrounds them ("pray for", 遇难), not words that are
    as often metaphors ("storm", 暴雨), which GEN009 judges only next to a place name.
    """


@hookspec
def campaignsim_exchange_rates() -> "dict[str, float]":
    """Return exchange rates as units of the currency per 1 USD, e.g. ``{"CNY": 7.1}``.

    Rules that compare a prize with a threshold in another currency convert with these. A currency
    an earlier plugin already rates is refused unless the value is wrapped in
    :func:`campaignsim.plugin.replacing` (``{"CNY": replacing(7.25)}``); the ``exchange-rates``
    setting in ``[tool.campaignsim]`` overrides every plugin.
    """


@hookspec
def campaignsim_step_friction(scenario, index, step, action, platform) -> "StepFriction | None":
    """Adjust one entry step's friction for the simulator, from the scenario's platform and step keys.

    Called for every ``[[entry.steps]]`` of a scenario being simulated, plugin by plugin in
    precedence order, with the :class:`~campaignsim.model.Scenario`, the step's index, the
    :class:`~campaignsim.model.EntryStep`, its :class:`~campaignsim.model.ActionSpec` and the
    scenario's :class:`~campaignsim.model.PlatformSpec`. Return None to leave the step alone, or a
    :class:`campaignsim.model.StepFriction` whose ``completion`` (0 to 1) and ``effort`` (minutes)
    replace the action's figures, with a ``note`` the simulation prints as a warning. A later
    plugin's answer wins over an earlier one's; a ``[simulation]`` override in the scenario
    (``completion_<action>``) wins over both. The built-in packs use it for "comments switched
    off: nobody can comment to enter". A function that raises stops the simulation with an error
    naming the plugin.
    """
