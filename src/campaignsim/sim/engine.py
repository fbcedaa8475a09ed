"""One replication: SimPy drives the campaign's timeline, numpy moves the cohorts.

Processes (all SimPy):

* ``post`` — one per post (the launch, each scheduled post or reminder): at its time it draws how
  many people it reaches, Poisson(r·(S(a) − S(b))) for its ages [a, b) before the deadline (a
  thinned Poisson process with the attention kernel's intensity), and how many of them in each
  hour (multinomial); each hour's people are made when their time step is processed;
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

A cohort above ``CHUNK_PEOPLE`` is processed in chunks, share exposures filed for later steps above
``SPILL_PEOPLE`` wait in a temporary file, and what the outputs need is counted as it happens, so a
replication's memory does not grow with its reach.

Exposure and completion times are exact (continuous); the time step only groups the cohorts.
Nothing depends on it except the Bass word-of-mouth hazard, which reads the entrants at the
start of each step.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from typing import Optional

import numpy as np
import simpy

from campaignsim.sim import agents, cascade, operations
from campaignsim.sim import rng as R
from campaignsim.sim.config import ORGANIC, SCHEDULED, SHARES, SOURCES, WORD_OF_MOUTH, PostConfig, SimConfig
from campaignsim.sim.kernels import make_kernel

SLOT_EXPOSURE = 0  # timing stream: a post's exposure time within its step
SLOT_WOM_TIME = 2  # timing stream: word-of-mouth exposure time within its step
SLOT_SEEN_BEFORE = 5  # reach stream: whether a person reached by a post had already seen another post
SLOT_SAMPLE = 0  # fulfilment key: an entrant's rank in the sample of entry times handed to the operations
COHORT_STEP_HOURS = 24.0  # cohort grouping when nothing depends on it (no word of mouth)
CHUNK_PEOPLE = 1 << 20
"""At most this many people of a cohort are held at once: a larger cohort is processed in chunks, so
that a replication's memory does not grow with its reach (every person's draws are keyed by their
identity, so the chunks change no one's outcome)."""
SPILL_PEOPLE = 1 << 22
"""Share exposures filed for later time steps that are kept in memory (16 bytes each); above this
many, they are written to a temporary file, read back a chunk at a time when their step comes."""
ENTRANT_SAMPLE = 1 << 20
"""Entry times kept for the operations (the entrants' questions): all of them up to this many, above
it a uniform sample of this many (the entrants with the smallest keyed ranks) and their count."""

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

    def __init__(self, cfg: SimConfig, seed: np.random.SeedSequence, trace: bool = False, chunk: "int | None" = None):
        self.cfg = cfg
        self.chunk = max(1, int(chunk if chunk is not None else CHUNK_PEOPLE))
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
        # each post's exposures not yet reached by the cohort clock, by time step: (post, first person, count, ages)
        self.post_pieces: dict[int, list[tuple]] = {}
        self._post_blocks: dict[int, tuple] = {}  # each post's hours: age edges, people per hour, their running sum, S at the edges
        self.spill = SPILL_PEOPLE
        self._held = 0  # share exposures filed in self.buckets in memory
        self._spill_dir: "str | None" = None
        self._spilled = 0
        self.reserved = 0  # people of the cohort being processed in chunks not yet exposed (they count against the ceiling)
        self.pending = 0  # share exposures filed for later steps (they count against the audience ceiling)
        self.exposed = 0
        self.impressions = 0  # every view, a person seen twice counted twice
        self.by_source = np.zeros(len(SOURCES), dtype=np.int64)
        self.started = 0
        self.cap_hit = False
        self.exposure_hours = np.zeros(cfg.hours + 1, dtype=np.int64)
        # Counted as they come (the cut-off, the deadline or the takedown, is known from the start): what
        # grows with the reach is never kept, except under trace=True.
        self.actions = np.zeros(len(cfg.steps), dtype=np.int64)
        self.entrants_made = 0  # entrants before the cut-off
        self.entrant_hours = np.zeros(cfg.hours + 1, dtype=np.int64)
        self._sample: list[tuple[np.ndarray, Optional[np.ndarray], np.ndarray]] = []  # entrants' (ids, mask, entry times), see ENTRANT_SAMPLE
        self._sample_size = 0
        self.step_times: list[list[np.ndarray]] = [[] for _ in cfg.steps]  # trace only
        self.entrant_times: list[np.ndarray] = []  # trace only
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
        # Where self.cutoff will end: the takedown (or backlash) when it comes before the deadline.
        self.final_cutoff = self.takedown_time if cfg.takedown_active and self.takedown_time < cfg.horizon else cfg.horizon
        self._offspring = sum(s.offspring_mean for s in cfg.steps)
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
        self.impressions += n
        # Given n, the times are independent draws of φ on [a, b): the number in each hour of the
        # campaign is multinomial with the hours' shares of the mass, and within an hour the times are
        # independent draws of φ on it. People are numbered hour by hour and made when the time step that
        # holds their hour comes (self._materialise), so a post's exposures are never all held at once.
        # Split by the hour, not by the time step, so that grouping the cohorts by day or by the hour draws
        # the same people (with word of mouth the step is the unit: it may be shorter than an hour).
        unit = 1.0 if not self.wom and float(self.dt).is_integer() else self.dt
        blocks = max(1, int(math.ceil(self.cfg.horizon / unit - 1e-9)))
        edges = np.clip(np.arange(blocks + 1, dtype=np.float64) * unit - post.at, a, b)
        masses = self.kernel.window_masses(edges)
        counts = self.streams["reach"].multinomial(n, masses / masses.sum())
        survival = self.kernel.survival(edges)
        cum = np.cumsum(counts)
        # per hour: S at its start, S(start) − S(end), and the ages a time is held to, [start, end)
        self._post_blocks[index] = (counts, cum, survival[:-1], survival[:-1] - survival[1:], edges[:-1], np.nextafter(edges[1:], edges[:-1]))
        if unit == self.dt:
            window_of = np.arange(blocks)
        else:
            window_of = np.minimum((np.arange(blocks) * unit // self.dt).astype(np.int64), self.n_windows - 1)
        for window in np.unique(window_of[counts > 0]).tolist():
            b0, b1 = int(np.searchsorted(window_of, window, "left")), int(np.searchsorted(window_of, window, "right"))
            first = int(cum[b0] - counts[b0])
            self.post_pieces.setdefault(window, []).append(("post", index, first, int(cum[b1 - 1]) - first, post.at + float(edges[b0])))

    def _post_people(self, index: int, lo: int, hi: int):
        """People ``lo…hi−1`` of post ``index``'s exposures (numbered hour by hour), less those who had
        already seen another post (a second impression, not a new person)."""
        post = self.cfg.posts[index]
        counts, cum, s_start, s_drop, age_lo, age_hi = self._post_blocks[index]
        # each person's hour: the blocks from the one holding person lo to the one holding person hi − 1
        b0, b1 = int(np.searchsorted(cum, lo, "right")), int(np.searchsorted(cum, hi - 1, "right")) + 1
        taken = counts[b0:b1].copy()
        taken[0] -= lo - (cum[b0] - counts[b0])
        taken[-1] -= cum[b1 - 1] - hi
        ids = R.identities(post.key, hi - lo, lo)
        u = R.uniform(self.key["timing"], ids, SLOT_EXPOSURE)
        # inversion of S within each person's hour [a, b): S(t) = S(a) − u·(S(a) − S(b)), as Kernel.sample_in_window
        if b1 - b0 == 1:
            age = self.kernel.inverse_survival(s_start[b0] - u * s_drop[b0])
            np.minimum(np.maximum(age, age_lo[b0], out=age), age_hi[b0], out=age)
        else:
            u *= np.repeat(s_drop[b0:b1], taken)
            age = self.kernel.inverse_survival(np.repeat(s_start[b0:b1], taken) - u)
            np.minimum(np.maximum(age, np.repeat(age_lo[b0:b1], taken), out=age), np.repeat(age_hi[b0:b1], taken), out=age)
        times = age
        times += post.at
        seen = self._seen_before(index, times)
        if seen is not None:
            # Posts reach the same followers: a person who saw another post earlier is one person seen
            # twice (an impression), not a new one. Each follower sees post i with probability q_i = r_i/F,
            # by time t with probability q_i·(S_i(a_i) − S_i(t − t_i)); independently across posts.
            new = R.uniform(self.key["reach"], ids, SLOT_SEEN_BEFORE) >= seen
            ids, times = ids[new], times[new]
        return ids, times, post.source

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
            pieces = self._take(window)
            if self.wom:
                pieces.append(self._word_of_mouth(window))
            self._process_cohort(pieces)
            # Shares with short delays land in the step being processed: repeat until none is left.
            while window in self.buckets:
                self._process_cohort(self._take(window))

    def _take(self, window: int) -> list:
        """The cohort of a time step: pieces ``("arrays", ids, times, source)`` (shares filed for it) and
        ``("post", …)`` or ``("wom", …)`` ranges of people made only when processed (:meth:`_materialise`)."""
        pieces = []
        for part in self.buckets.pop(window, []):
            if isinstance(part[0], str):  # ("file", path, n, source): written out by _spill
                n, source = part[2], part[3]
                pieces.append(part)
            else:
                ids, times, source = part
                n = len(ids)
                self._held -= n
                pieces.append(("arrays", ids, times, source))
            if source == SHARES:
                self.pending -= n
        return pieces + self.post_pieces.pop(window, [])

    def _word_of_mouth(self, window: int):
        cfg = self.cfg
        remaining = max(cfg.audience_size - self.exposed, 0)
        hazard = cfg.bass_p + cfg.bass_q * self.entrants_before / max(cfg.audience_size, 1)
        n = int(self.streams["word_of_mouth"].binomial(remaining, 1.0 - math.exp(-hazard * self.dt))) if remaining else 0
        t0 = window * self.dt
        return ("wom", 0x5A5A5A5A ^ (window << 8), n, t0, min(t0 + self.dt, cfg.horizon))

    # ------------------------------------------------------------------------------------- cohort pieces
    @staticmethod
    def _piece_size(piece) -> int:
        return len(piece[1]) if piece[0] == "arrays" else int(piece[3] if piece[0] == "post" else piece[2])

    def _spill(self) -> None:
        """Write the share exposures filed in memory to temporary files, one per time step, in filing order."""
        if self._spill_dir is None:
            self._spill_dir = tempfile.mkdtemp(prefix="campaignsim-")
        for window, parts in self.buckets.items():
            in_memory = [p for p in parts if not isinstance(p[0], str)]
            if not in_memory:
                continue
            path = os.path.join(self._spill_dir, f"{self._spilled}.bin")
            self._spilled += 1
            with open(path, "wb") as f:
                for ids, _, _ in in_memory:
                    np.ascontiguousarray(ids, dtype=np.uint64).tofile(f)
                for _, times, _ in in_memory:
                    np.ascontiguousarray(times, dtype=np.float64).tofile(f)
            # every filed exposure is a share's (their source is SHARES)
            self.buckets[window] = [p for p in parts if isinstance(p[0], str)] + [("file", path, sum(len(p[0]) for p in in_memory), SHARES)]
        self._held = 0

    def _materialise(self, piece, lo: int, hi: int):
        """People ``lo…hi−1`` of a cohort piece, as (ids, times, source)."""
        kind = piece[0]
        if kind == "arrays":
            _, ids, times, source = piece
            return (ids, times, source) if lo == 0 and hi == len(ids) else (ids[lo:hi], times[lo:hi], source)
        if kind == "post":
            _, index, first, _count, _earliest = piece
            return self._post_people(index, first + lo, first + hi)
        if kind == "file":
            _, path, n, source = piece
            with open(path, "rb") as f:
                f.seek(8 * lo)
                ids = np.fromfile(f, dtype=np.uint64, count=hi - lo)
                f.seek(8 * (n + lo))
                times = np.fromfile(f, dtype=np.float64, count=hi - lo)
            return ids, times, source
        _, base, _n, t0, t1 = piece
        ids = R.identities(base, hi - lo, lo)
        return ids, t0 + (t1 - t0) * R.uniform(self.key["timing"], ids, SLOT_WOM_TIME), WORD_OF_MOUTH

    def _chunks(self, pieces):
        """The cohort's people, in the order of its pieces, at most self.chunk at a time: (ids, times, source array)."""
        buf: list = []
        held = 0
        for piece in pieces:
            n = self._piece_size(piece)
            lo = 0
            while lo < n:
                hi = min(n, lo + self.chunk - held)
                buf.append(self._materialise(piece, lo, hi))
                held += hi - lo
                lo = hi
                if held >= self.chunk:
                    yield _combine(buf)
                    buf, held = [], 0
        if buf:
            yield _combine(buf)

    def _kept(self, pieces):
        """The cohort's chunks, less the exposures outside the campaign (before its start, after the cut-off)."""
        for ids, times, source in self._chunks(pieces):
            keep = (times < self.cutoff) & (times >= 0)
            if not keep.all():
                ids, times, source = ids[keep], times[keep], source[keep]
            yield ids, times, source

    def _process_cohort(self, pieces):
        """Decide and move a time step's cohort: at once up to self.chunk people, in chunks above."""
        try:
            self._process_pieces(pieces)
        finally:
            for piece in pieces:
                if piece[0] == "file":
                    os.remove(piece[1])

    def _process_pieces(self, pieces):
        pieces = [p for p in pieces if self._piece_size(p)]
        # A post's or word of mouth's people after the cut-off (a takedown) would all be dropped: never made.
        pieces = [p for p in pieces if not (p[0] == "post" and p[4] >= self.cutoff or p[0] == "wom" and p[3] >= self.cutoff)]
        size = sum(self._piece_size(p) for p in pieces)
        if size == 0:
            return
        if size <= self.chunk:
            # at once (one chunk): above the ceiling, the cohort's earliest exposures are kept
            for ids, times, source in self._kept(pieces):
                room = self.cfg.audience_size - self.exposed
                if len(ids) > room:
                    self.cap_hit = True
                    order = np.argsort(times, kind="stable")[: max(room, 0)]
                    ids, times, source = ids[order], times[order], source[order]
                self._expose(ids, times, source)
            return
        # In chunks. The ceiling keeps the cohort's earliest exposures, and the room it leaves for shares
        # counts the whole cohort, as when processed at once: when the ceiling is within reach, the cohort
        # is counted first, and above the room the time below which its earliest `room` people lie is found.
        room = self.cfg.audience_size - self.exposed
        cut = None
        if self.exposed + self.pending + size * (1.0 + 2.0 * self._offspring) + 1000 >= self.cfg.audience_size:
            total = sum(len(ids) for ids, _, _ in self._kept(pieces))
            if total > room:
                self.cap_hit = True
                if room <= 0:
                    return
                cut = self._ceiling_time(pieces, room)
                total = room
            self.reserved = total
        ties_taken = 0
        for ids, times, source in self._kept(pieces):
            if cut is not None:
                t_cut, ties = cut
                take = times < t_cut
                tie = times == t_cut
                if tie.any():
                    rank = np.cumsum(tie) + ties_taken
                    ties_taken = int(rank[-1])
                    take |= tie & (rank <= ties)
                if not take.all():
                    ids, times, source = ids[take], times[take], source[take]
            self._expose(ids, times, source)
        self.reserved = 0

    def _ceiling_time(self, pieces, k: int) -> tuple[float, int]:
        """(t, m): the cohort's k earliest exposures are those before t and the first m at t (in cohort
        order, as a stable sort would take them). Found by refining a histogram of the times, one pass
        over the cohort each, until the bin that holds the k-th time fits in a chunk."""
        lo, hi = math.inf, -math.inf
        for _, times, _ in self._kept(pieces):
            if len(times):
                lo, hi = min(lo, float(times.min())), max(hi, float(times.max()))
        hi = float(np.nextafter(hi, math.inf))
        bins = 4096
        while True:
            edges = np.linspace(lo, hi, bins + 1)
            edges[-1] = hi
            counts = np.zeros(bins, dtype=np.int64)
            below = 0
            for _, times, _ in self._kept(pieces):
                below += int((times < lo).sum())
                inside = times[(times >= lo) & (times < hi)]
                counts += np.bincount(np.clip(np.searchsorted(edges, inside, side="right") - 1, 0, bins - 1), minlength=bins)
            cum = below + np.cumsum(counts)
            j = int(np.searchsorted(cum, k, side="left"))
            new_lo, new_hi = float(edges[j]), float(edges[j + 1])
            if counts[j] <= self.chunk or (new_lo, new_hi) == (lo, hi):
                values = np.sort(np.concatenate([t[(t >= new_lo) & (t < new_hi)] for _, t, _ in self._kept(pieces)]))
                before = int(cum[j] - counts[j])
                t_cut = float(values[k - before - 1])
                return t_cut, k - before - int((values < t_cut).sum())
            lo, hi = new_lo, new_hi

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
        # Their entrants' questions need entry times: all of them, or above ENTRANT_SAMPLE a uniform sample and the count.
        times = self._entrant_sample()[1] if entrants else np.zeros(0)
        count = entrants if entrants > len(times) else None
        result = operations.run_operations(cfg.operations, self.streams.seed("fulfilment"), winners, times, self.trace, entrants=count)
        self.fulfilment.update(result)

    # ------------------------------------------------------------------------------------------ cohorts
    def _expose(self, ids, times, source):
        """Everyone in (ids, times, source) is exposed: count them, decide, take them through the steps."""
        n = len(ids)
        if n == 0:
            return
        self.exposed += n
        self.reserved = max(self.reserved - n, 0)
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
        cut = self.final_cutoff
        for outcome in outcomes:
            pos = self._step_pos[outcome.step.index]
            self.actions[pos] += int((outcome.times < cut).sum())
            if self.trace:
                self.step_times[pos].append(outcome.times)
            if outcome.step.offspring_mean > 0 and len(outcome.ids):
                self._share(outcome)
        if len(ent_times):
            if self.trace:
                self.entrant_times.append(ent_times)
            made = ent_times < cut
            valid = ent_times[made]
            self.entrants_made += len(valid)
            self.entrant_hours += np.bincount(np.minimum(valid.astype(np.int64), self.cfg.hours), minlength=self.cfg.hours + 1)
            if self.cfg.operations is not None and len(valid):
                self._add_to_sample(ent_ids, made, valid)
            w = np.minimum((ent_times // self.dt).astype(np.int64), self.n_windows)
            self.completions += np.bincount(w, minlength=self.n_windows + 1)

    def _share(self, outcome):
        ok = outcome.times < self.cutoff
        if not ok.any():
            return
        room = max(self.cfg.audience_size - self.exposed - self.pending - self.reserved, 0)
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
            self._held += len(ids)
            if self._held > self.spill:
                self._spill()
            return
        order = np.argsort(window.astype(np.int16) if hi < 32_000 else window, kind="stable")
        window, ids, times = window[order], ids[order], times[order]
        cuts = np.flatnonzero(window[1:] != window[:-1]) + 1
        starts = [0, *cuts.tolist()]
        ends = [*cuts.tolist(), len(window)]
        for a, b in zip(starts, ends):
            self.buckets.setdefault(int(window[a]), []).append((ids[a:b], times[a:b], source))
        self._held += len(ids)
        if self._held > self.spill:
            self._spill()

    # -------------------------------------------------------------------------------------------- results
    def _add_to_sample(self, ids: np.ndarray, made: Optional[np.ndarray], times: np.ndarray) -> None:
        """Keep the entry times of the ENTRANT_SAMPLE entrants with the smallest keyed ranks: a uniform
        sample, the same whatever the chunks (all of them when there are no more). The entrants are
        ``ids[made]`` (all of ``ids`` when ``made`` is None), and ``times`` their entry times; their ids
        and ranks are worked out only when there are more entrants than that (most campaigns never need them)."""
        self._sample.append((ids, made, times))
        self._sample_size += len(times)
        if self._sample_size > 2 * ENTRANT_SAMPLE:
            ids, times = self._entrant_sample()
            self._sample = [(ids, None, times)]
            self._sample_size = len(times)

    def _entrant_sample(self) -> tuple[np.ndarray, np.ndarray]:
        """(ids, entry times) of the sampled entrants; no ids when every entrant is in the sample."""
        if not self._sample:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        times = self._sample[0][2] if len(self._sample) == 1 else np.concatenate([t for _, _, t in self._sample])
        if len(times) <= ENTRANT_SAMPLE:
            return np.zeros(0, dtype=np.int64), times  # every entrant: their ids are not needed
        ids = np.concatenate([i if m is None else i[m] for i, m, _ in self._sample])
        ranks = R.uniform(self.key["fulfilment"], ids, SLOT_SAMPLE)
        best = np.argpartition(ranks, ENTRANT_SAMPLE - 1)[:ENTRANT_SAMPLE]
        return ids[best], times[best]

    def _entrants(self) -> tuple[int, int]:
        made = self.entrants_made
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
        try:
            env.run()
        finally:
            if self._spill_dir is not None:
                shutil.rmtree(self._spill_dir, ignore_errors=True)
        return self._outputs()

    def _outputs(self) -> dict:
        cfg = self.cfg
        cut = self.cutoff
        voids = self.taken_down_at == self.taken_down_at and cfg.takedown_voids
        actions = self.actions
        worth = np.array([s.worth for s in cfg.steps], dtype=np.int64)
        made = self.entrants_made
        entrants = 0 if voids else made
        entrant_hours = np.zeros(cfg.hours + 1, dtype=np.int64) if voids else self.entrant_hours
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
            "voided_entrants": made if voids else 0,
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
            entrant_times = np.concatenate(self.entrant_times) if self.entrant_times else np.zeros(0)
            out["trace_entrant_times"] = entrant_times[entrant_times < cut]
            out["trace_events"] = list(self.events)
            out["trace_operations"] = self.fulfilment.get("trace_operations")
            out["trace_step_times"] = [(np.concatenate(chunks) if chunks else np.zeros(0)) for chunks in self.step_times]
            out["trace_step_times"] = [t[t < cut] for t in out["trace_step_times"]]
        return out


def _combine(parts):
    """One (ids, times, source array) from parts (ids, times, source code)."""
    if len(parts) == 1:
        ids, times, src = parts[0]
        return ids, times, np.full(len(ids), src, dtype=np.int8)
    return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
            np.concatenate([np.full(len(p[0]), p[2], dtype=np.int8) for p in parts]))


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

