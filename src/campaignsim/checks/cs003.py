from campaignsim.lint.rule import Reference, Rule


class CannotSimulate(Rule):
    """What ``campaignsim simulate`` and ``run`` would refuse, reported where it is written."""

    code = "CS003"
    suppressible = False  # a scenario's own ignores cannot silence it
    name = "cannot-simulate"
    severity = "warning"
    summary = "The participation model cannot simulate this scenario as written."
    rationale = (
        "A scenario that passes the rules but cannot be simulated fails later, in `run` or `simulate`, without a line "
        "to point at. Linting it asks the simulator's own configuration step the same question and reports the answer "
        "on the line of the key at fault: no reach (neither audience.reach nor platform.followers), only optional "
        "entry steps, a [simulation] parameter for an action the entry does not use, posts that reach more people than "
        "one replication may simulate (2·10⁹, minutes of work), or too many model time steps."
    )
    fail_example = '[simulation]\ncompletion_share = 0.5  # and no share step in entry.steps'
    pass_example = '[audience]\nreach = 30000'
    references = (Reference("campaignsim documentation, Participation model (docs/model.md): the checks made before a simulation", None, "V"),)

    def check(self, scenario, context):
        from campaignsim.sim.config import SimulationConfigError, build_config
        from campaignsim.sim.where import locate

        try:
            build_config(scenario, context.registry, (), operations=False)  # numpy and simpy stay out of lint
        except SimulationConfigError as exc:
            message = str(exc)
            key, _ = locate(message, context.source, scenario.variant)
            yield self.violation(key, f"cannot be simulated: {message}",
                                 "Fix it before running `campaignsim run` or `simulate`; `campaignsim simulate --help-params` lists the model's parameters.")
