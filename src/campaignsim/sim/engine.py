"""One replication: SimPy drives the campaign's timeline, numpy moves the cohorts.

Processes (all SimPy):

* ``post`` — one per post (the launch, each scheduled post or reminder): at its time it draws how
  many people it reaches in each time step, Poisson(r·(S(a) − S(b))) for the step [a, b) of the
  post's age (a thinned Poisson process with the attention kernel's intensity);
* ``takedown`` — when the scenario breaks platform rules: at an exponential time (the hazard of
  :mod:`campaignsim.sim.risk`, from the rules broken) the posts stop reaching anyone, entries
  close, and on platforms that do so the entries made are void; a public backlash (reputation
  findings) ends the campaign the same way at its own hazard, without voiding the entries;
* ``cohorts`` — at the end of every time step, everyone exposed during it (by posts, by shares, by
  word of mouth) is decided and taken through the steps at once (:mod:`campaignsim.sim.agents`);
  shares schedule new exposures in later steps (:mod:`campaignsim.sim.cascade`);
* ``deadline`` — entries close;
* ``fulfilment`` — the draw; then the winners' claims, dispatch, transit and the support desk play
  out as SimPy processes of their own (:mod:`campaignsim.sim.operations`), which give the late
  prizes, the questions and their answers, escalations and public complaints; each public
  complaint can set off a backlash after the draw (``backlash_per_complaint``).

A run's ``backlash`` is 1 when either cause fires: the reputation-rule hazard during the campaign
(``backlash_rules``) or the public complaints about prizes and support (``backlash_operations``).

Exposure and completion times are exact (continuous); the time step only groups the cohorts.
Nothing depends on it except the Bass word-of-mouth hazard, which reads the entrants at the
start of each step.
"""

from __future__ import annotations

import math
import numpy as np
import simpy

from campaignsim.sim import agents, cascade, operations
from campaignsim.sim import rng as R
from campaignsim.sim.config import ORGANIC, SCHEDULED, SHARES, SOURCES, WORD_OF_MOUTH, PostConfig, SimConfig
from campaignsim.sim.kernels import make_kernel

SLOT_EXPOSURE = 0  # timing stream: a post's exposure time within its step
SLOT_WOM_TIME = 2  # timing stream: word-of-mouth exposure time within its step
SLOT_SEEN_BEFORE = 5  # reach stream: whether a person reached by a post had already seen another post
COHORT_STEP_HOURS = 24.0  # cohort grouping when nothing depends on it (no word of mouth)

SCALARS = (
    "exposed", "exposed_organic", "exposed_scheduled", "exposed_shares", "exposed_word_of_mouth", "started", "entrants",
    "voided_entrants", "entries", "actions", "shares", "winners", "late_prizes", "complaints", "taken_down", "takedown_hour",
    "audience_cap_hit", "branching_ratio", "last_delivery_day", "impressions",
    # backlash: either of backlash_rules (broken reputation rules, sim/risk.py, during the campaign) and
    # backlash_operations (public complaints about prizes and support, sim/operations.py, after the draw)
    "backlash", "backlash_rules", "backlash_operations", "backlash_complaints",
) + tuple(name for name in operations.SCALARS if name not in ("last_delivery_day", "backlash"))


class Replication:
    """The state of one replication; :meth:`run` returns its outputs."""

    def __init__(self, cfg: SimConfig, seed: np.random.SeedSequence, trace: bool = False):
        self.cfg = cfg
        self.streams = R.Streams(seed)
        self.key = self.streams.key
        self.env = simpy.Environment()
        self.wom = cfg.bass_p > 0 or cfg.bass_q > 0
        # Exposure and completion times are exact, and every person's draws are keyed, so without word
        # of mouth the grouping of cohorts changes nothing: group them by day then (fewer, larger cohorts).
        self.dt = cfg.time_step if self.wom else max(cfg.time_step, COHORT_STEP_HOURS)
        self.n_windows = max(1, int(math.ceil(cfg.horizon / self.dt - 1e-9)))
        self.kernel = make_kernel(*cfg.kernel)
        self.trace = trace
        self.cutoff = cfg.horizon
        self.taken_down_at = math.nan
        self.backlash_at = math.nan
        self.buckets: dict[int, list] = {}
        self.post_arrivals: list[tuple] = []  # each post's exposures not yet reached by the cohort clock
        self.pending = 0  # share exposures filed for later steps (they count against the audience ceiling)
        self.exposed = 0
        self.impressions = 0  # every view, a person seen twice counted twice
        self.by_source = np.zeros(len(SOURCES), dtype=np.int64)
        self.started = 0
        self.cap_hit = False
        self.exposure_hours = np.zeros(cfg.hours + 1, dtype=np.int64)
        self.step_times: list[list[np.ndarray]] = [[] for _ in cfg.steps]
        self.entrant_times: list[np.ndarray] = []
        self.completions = np.zeros(self.n_windows + 1, dtype=np.int64)  # entrants per step, for word of mouth
        self.entrants_before = 0
        self.events: list[tuple[str, float]] = []
        self.fulfilment: dict = {"winners": 0, **operations.empty_outputs(cfg.operations)}
        self.traced_exposures: list[tuple[np.ndarray, np.ndarray]] = []
        # Draw the takedown time first, whether or not it applies, so every variant consumes the same numbers.
        u, u_backlash = self.streams["takedown"].random(2)
        rate = cfg.takedown_hazard_per_hour if cfg.takedown_active else 0.0
        self.takedown_time = -math.log(u) / rate if rate > 0 else math.inf
        # Backlash (campaignsim.sim.risk): public anger deletes the post; the entries made stand.
        b_rate = cfg.backlash_hazard_per_hour
        backlash_time = -math.log(u_backlash) / b_rate if b_rate > 0 else math.inf
        self.backlash = backlash_time < self.takedown_time
        self.takedown_time = min(self.takedown_time, backlash_time)
        self.backlash_complaints = 0
        self._required = cfg.required_steps
        self._optional = cfg.optional_steps
        self._step_pos = {s.index: i for i, s in enumerate(cfg.steps)}

    # ----------------------------------------------------------------------------------------- processes
    def post(self, index: int, post: PostConfig):
        start = max(post.at, 0.0)
        yield self.env.timeout(start)
        if self.env.now >= self.cutoff:
            return  # taken down: the post reaches no one
        # The post's exposures before the deadline: a Poisson process with intensity r·φ(t − t_post),
        # drawn at once — Poisson(r·(S(a) − S(b))) people, each at an exact time by inversion of S.
        a, b = start - post.at, self.cfg.horizon - post.at
        mass = float(self.kernel.window_masses(np.array([a, b]))[0])
        n = int(self.streams["reach"].poisson(post.reach * mass))
        self.events.append((f"post:{post.kind}", self.env.now))
        if n == 0:
            return
        ids = R.identities(post.key, n)
        times = post.at + self.kernel.sample_in_window(R.uniform(self.key["timing"], ids, SLOT_EXPOSURE), a, b)
        self.impressions += n
        seen = self._seen_before(index, times)
        if seen is not None:
            # Posts reach the same followers: a person who saw another post earlier is one person seen
            # twice (an impression), not a new one. Each follower sees post i with probability q_i = r_i/F,
            # by time t with probability q_i·(S_i(a_i) − S_i(t − t_i)); independently across posts.
            new = R.uniform(self.key["reach"], ids, SLOT_SEEN_BEFORE) >= seen
            ids, times = ids[new], times[new]
            if not len(ids):
                return
        # Kept whole: each time step takes the part that falls in it (cheaper than sorting a million times).
        self.post_arrivals.append((ids, times, post.source))

    def _seen_before(self, index: int, times: np.ndarray):
        """P(a follower reached at ``times`` by post ``index`` had already seen another post), or None
        when no other post can have reached them earlier."""
        cfg = self.cfg
        if len(cfg.posts) < 2 or cfg.follower_base <= 0:
            return None
        unseen = np.ones(len(times))
        for i, other in enumerate(cfg.posts):
            if i == index or other.at >= float(times.max()):
                continue
            q = min(other.reach / cfg.follower_base, 1.0)
            a = max(other.at, 0.0) - other.at
            s_a = float(self.kernel.survival(a))
            age = np.minimum(times, self.cutoff) - other.at
            by_then = np.where(age > a, s_a - self.kernel.survival(np.maximum(age, a)), 0.0)
            unseen *= 1.0 - q * by_then
        return 1.0 - unseen

    def takedown(self):
        if self.takedown_time >= self.cfg.horizon:
            return
        yield self.env.timeout(self.takedown_time)
        self.cutoff = self.env.now
        if self.backlash:
            self.backlash_at = self.env.now
            self.backlash_complaints = int(self.streams["takedown"].poisson(self.cfg.backlash_complaint_share * self.exposed))
            self.events.append(("backlash", self.env.now))
            return
        self.taken_down_at = self.env.now
        self.events.append(("takedown", self.env.now))

    def deadline(self):
        yield self.env.timeout(self.cfg.horizon)
        self.events.append(("deadline", self.env.now))

    def cohorts(self):
        for window in range(self.n_windows):
            yield self.env.timeout(min((window + 1) * self.dt, self.cfg.horizon) - self.env.now)
            if window > 0:
                self.entrants_before += int(self.completions[window - 1])
            parts = self._take(window)
            if self.wom:
                parts.append(self._word_of_mouth(window))
            self._process(parts)
            # Shares with short delays land in the step being processed: repeat until none is left.
            while window in self.buckets:
                self._process(self._take(window))

    def _take(self, window: int) -> list:
        parts = self.buckets.pop(window, [])
        self.pending -= sum(len(ids) for ids, _, source in parts if source == SHARES)
        if self.post_arrivals:
            end = (window + 1) * self.dt
            later = []
            for ids, times, source in self.post_arrivals:
                now = times < end
                if now.all():
                    parts.append((ids, times, source))
                elif now.any():
                    parts.append((ids[now], times[now], source))
                    later.append((ids[~now], times[~now], source))
                else:
                    later.append((ids, times, source))
            self.post_arrivals = later
        return parts

    def _word_of_mouth(self, window: int):
        cfg = self.cfg
        remaining = max(cfg.audience_size - self.exposed, 0)
        hazard = cfg.bass_p + cfg.bass_q * self.entrants_before / max(cfg.audience_size, 1)
        n = int(self.streams["word_of_mouth"].binomial(remaining, 1.0 - math.exp(-hazard * self.dt))) if remaining else 0
        ids = R.identities(0x5A5A5A5A ^ (window << 8), n)
        t0 = window * self.dt
        times = t0 + (min(t0 + self.dt, cfg.horizon) - t0) * R.uniform(self.key["timing"], ids, SLOT_WOM_TIME)
        return ids, times, WORD_OF_MOUTH

    def fulfilment_process(self):
        cfg = self.cfg
        yield self.env.timeout(cfg.draw_at)
        self.events.append(("draw", self.env.now))
        entrants, _voided = self._entrants()
        winners = entrants if cfg.draw_kind == "everyone" else min(cfg.prize_quantity, entrants)
        self.fulfilment["winners"] = winners
        if cfg.operations is None:
            return
        # Winners, parcels and questions play out on the operations' own SimPy clock (sim/operations.py).
        times = np.concatenate(self.entrant_times) if self.entrant_times and entrants else np.zeros(0)
        times = times[times < self.cutoff]
        result = operations.run_operations(cfg.operations, self.streams.seed("fulfilment"), winners, times, self.trace)
        self.fulfilment.update(result)

    # ------------------------------------------------------------------------------------------ cohorts
    def _process(self, parts):
        parts = [p for p in parts if len(p[0])]
        if not parts:
            return
        if len(parts) == 1:
            ids, times, src = parts[0]
            source = np.full(len(ids), src, dtype=np.int8)
        else:
            ids = np.concatenate([p[0] for p in parts])
            times = np.concatenate([p[1] for p in parts])
            source = np.concatenate([np.full(len(p[0]), p[2], dtype=np.int8) for p in parts])
        keep = (times < self.cutoff) & (times >= 0)
        if not keep.all():
            ids, times, source = ids[keep], times[keep], source[keep]
        room = self.cfg.audience_size - self.exposed
        if len(ids) > room:
            self.cap_hit = True
            order = np.argsort(times, kind="stable")[: max(room, 0)]
            ids, times, source = ids[order], times[order], source[order]
        n = len(ids)
        if n == 0:
            return
        self.exposed += n
        self.by_source += np.bincount(source, minlength=len(SOURCES))
        self.exposure_hours += np.bincount(np.minimum(times.astype(np.int64), self.cfg.hours), minlength=self.cfg.hours + 1)
        if self.trace:
            self.traced_exposures.append((times.copy(), source.copy()))

        started = agents.decide(self.cfg, self.key["decision"], ids)
        ids, times = ids[started], times[started]
        self.started += len(ids)
        if not len(ids):
            return
        outcomes, ent_ids, ent_times = agents.run_steps(self._required, self.key["steps"], self.key["timing"], ids, times)
        if self._optional and len(ent_ids):
            outcomes += agents.run_optional_steps(self._optional, self.key["steps"], self.key["timing"], ent_ids, ent_times)
        for outcome in outcomes:
            self.step_times[self._step_pos[outcome.step.index]].append(outcome.times)
            if outcome.step.offspring_mean > 0 and len(outcome.ids):
                self._share(outcome)
        if len(ent_times):
            self.entrant_times.append(ent_times)
            w = np.minimum((ent_times // self.dt).astype(np.int64), self.n_windows)
            self.completions += np.bincount(w, minlength=self.n_windows + 1)

    def _share(self, outcome):
        ok = outcome.times < self.cutoff
        if not ok.any():
            return
        room = max(self.cfg.audience_size - self.exposed - self.pending, 0)
        kids = cascade.spawn(self.key["cascade"], self.key["timing"], outcome.ids[ok], outcome.times[ok], outcome.step.key,
                             outcome.step.offspring_mean, self.cfg.share_delay, limit=room)
        self.cap_hit |= kids.truncated
        ids, times = kids.ids, kids.times
        keep = times < self.cutoff
        if not keep.all():
            ids, times = ids[keep], times[keep]
        if not len(ids):
            return
        self._schedule(ids, times, SHARES)

    def _schedule(self, ids: np.ndarray, times: np.ndarray, source: int):
        """File future exposures under the time step in which they happen."""
        if source == SHARES:
            self.pending += len(ids)
        window = np.minimum(times // self.dt, self.n_windows).astype(np.int32)
        lo, hi = int(window.min()), int(window.max())
        if lo == hi:
            self.buckets.setdefault(lo, []).append((ids, times, source))
            return
        order = np.argsort(window.astype(np.int16) if hi < 32_000 else window, kind="stable")
        window, ids, times = window[order], ids[order], times[order]
        cuts = np.flatnonzero(window[1:] != window[:-1]) + 1
        starts = [0, *cuts.tolist()]
        ends = [*cuts.tolist(), len(window)]
        for a, b in zip(starts, ends):
            self.buckets.setdefault(int(window[a]), []).append((ids[a:b], times[a:b], source))

    # -------------------------------------------------------------------------------------------- results
    def _entrants(self) -> tuple[int, int]:
        times = np.concatenate(self.entrant_times) if self.entrant_times else np.zeros(0)
        made = int((times < self.cutoff).sum())
        if self.taken_down_at == self.taken_down_at and self.cfg.takedown_voids:
            return 0, made
        return made, 0

    def run(self) -> dict:
        env = self.env
        if self.cfg.takedown_active:
            env.process(self.takedown())
        for i, post in enumerate(self.cfg.posts):
            env.process(self.post(i, post))
        env.process(self.cohorts())
        env.process(self.deadline())
        env.process(self.fulfilment_process())
        env.run()
        return self._outputs()

    def _outputs(self) -> dict:
        cfg = self.cfg
        cut = self.cutoff
        voids = self.taken_down_at == self.taken_down_at and cfg.takedown_voids
        actions = np.array([int(sum(int((t < cut).sum()) for t in chunks)) for chunks in self.step_times], dtype=np.int64)
        worth = np.array([s.worth for s in cfg.steps], dtype=np.int64)
        entrant_times = np.concatenate(self.entrant_times) if self.entrant_times else np.zeros(0)
        valid_times = entrant_times[entrant_times < cut]
        entrants = 0 if voids else len(valid_times)
        entrant_hours = np.zeros(cfg.hours + 1, dtype=np.int64)
        if not voids and len(valid_times):
            entrant_hours += np.bincount(np.minimum(valid_times.astype(np.int64), cfg.hours), minlength=cfg.hours + 1)
        sharing = np.array([s.offspring_mean > 0 for s in cfg.steps], dtype=bool)
        # Entries are held by entrants only: each has completed every required step; bonus steps add
        # their worth. A cap per person is applied to the total (an upper bound when bonuses vary).
        optional = np.array([s.optional for s in cfg.steps], dtype=bool)
        entries = entrants * int(worth[~optional].sum()) + int((actions[optional] * worth[optional]).sum())
        if cfg.max_entries_per_person is not None:
            entries = min(entries, entrants * cfg.max_entries_per_person)
        out = {
            "exposed": self.exposed,
            "impressions": int(self.impressions + self.by_source[SHARES] + self.by_source[WORD_OF_MOUTH]),
            "exposed_organic": int(self.by_source[ORGANIC]),
            "exposed_scheduled": int(self.by_source[SCHEDULED]),
            "exposed_shares": int(self.by_source[SHARES]),
            "exposed_word_of_mouth": int(self.by_source[WORD_OF_MOUTH]),
            "started": self.started,
            "entrants": entrants,
            "voided_entrants": len(valid_times) if voids else 0,
            "entries": 0 if voids else int(entries),
            "actions": int(actions.sum()),
            "shares": int(actions[sharing].sum()),
            "winners": int(self.fulfilment["winners"]),
            "late_prizes": int(self.fulfilment["late_prizes"]),
            "complaints": int(self.fulfilment["complaints"]),
            "taken_down": int(self.taken_down_at == self.taken_down_at),
            "takedown_hour": self.taken_down_at,
            "backlash_rules": int(self.backlash_at == self.backlash_at),
            "backlash_operations": int(self.fulfilment["backlash"]),
            "backlash": int(self.backlash_at == self.backlash_at or bool(self.fulfilment["backlash"])),
            "backlash_complaints": self.backlash_complaints,
            "audience_cap_hit": int(self.cap_hit),
            "branching_ratio": (int(self.by_source[SHARES]) / self.exposed) if self.exposed else 0.0,
            "last_delivery_day": self.fulfilment["last_delivery_day"],
            **{name: self.fulfilment[name] for name in operations.SCALARS if name != "backlash"},
            "timeline_support_queue": self.fulfilment["timeline_support_queue"],
            "funnel": actions,
            "timeline_exposed": self.exposure_hours[: cfg.hours],
            "timeline_entrants": entrant_hours[: cfg.hours],
        }
        if self.trace:
            out["trace_exposure_times"] = np.concatenate([t for t, _ in self.traced_exposures]) if self.traced_exposures else np.zeros(0)
            out["trace_exposure_sources"] = np.concatenate([s for _, s in self.traced_exposures]) if self.traced_exposures else np.zeros(0, np.int8)
            out["trace_entrant_times"] = valid_times
            out["trace_events"] = list(self.events)
            out["trace_operations"] = self.fulfilment.get("trace_operations")
            out["trace_step_times"] = [(np.concatenate(chunks) if chunks else np.zeros(0)) for chunks in self.step_times]
            out["trace_step_times"] = [t[t < cut] for t in out["trace_step_times"]]
        return out


def run_replication(cfg: SimConfig, seed: np.random.SeedSequence, trace: bool = False) -> dict:
    """Run one replication and return its outputs (scalars, the funnel, the hourly timeline)."""
    return Replication(cfg, seed, trace).run()


def run_many(cfg: SimConfig, seeds, trace: bool = False) -> list[dict]:
    """Run several replications in this process (the worker function of the parallel runner)."""
    return [run_replication(cfg, s, trace) for s in seeds]


def run_pairs(cfgs, seeds) -> list[dict]:
    """Replication j with ``cfgs[j]`` and ``seeds[j]`` (the worker function when parameters are drawn)."""
    return [run_replication(c, s) for c, s in zip(cfgs, seeds)]


__all__ = ["Replication", "SCALARS", "run_many", "run_pairs", "run_replication"]

