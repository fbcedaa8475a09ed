"""The core pack: generic entry actions, exchange rates, sensitive-topic keywords and the
linter's own rules about suppressions (CS001, CS002)."""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_actions():
    from campaignsim.builtin.core.actions import ACTIONS

    return list(ACTIONS)


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("cs001", "cs002", "cs004",))


@hookimpl
def campaignsim_exchange_rates():
    from campaignsim.model.rates import RATES_PER_USD

    return dict(RATES_PER_USD)


@hookimpl
def campaignsim_sensitive_topics():
    from campaignsim.builtin.core.topics import SENSITIVE_TOPICS

    return {category: list(words) for category, words in SENSITIVE_TOPICS.items()}


@hookimpl
def campaignsim_step_friction(scenario, index, step):
    # The post takes no comments: nobody can complete a comment step (WX005 explains why).
    if step.action == "comment" and scenario.platform.comments_enabled is False:
        from campaignsim.model import StepFriction

        return StepFriction(completion=0.0, note="comments are switched off (platform.comments_enabled = false), so nobody can comment to enter")
    return None
