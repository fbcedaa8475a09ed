"""Promise fulfilment and customer service as discrete events: winners, parcels and questions.

The participation timeline (:mod:`campaignsim.sim.engine`) moves large populations as numpy
cohorts. What happens after the draw involves few people and limited capacity, which is what a
discrete-event simulator is for. At the draw the engine hands this module the winners and the
entrants' entry times, and :func:`run_operations` plays the operations out on their own SimPy
clock, starting at the campaign's start (hour 0) so that questions asked during the campaign queue
with those asked after the draw:

* **winners** — each winner is a SimPy process (:meth:`Operations.winner`, a :class:`Started`
  process), started at the announcement by the announcement process: the winner answers (or not)
  after an exponential delay; without an answer within the claim window the process waits for the
  window to close and the prize is forfeited — with ``unclaimed = "redraw"`` a new winner process is
  started then (at most :data:`MAX_REDRAWS` rounds). A claimed digital prize is delivered at the
  claim; for a parcel the process requests one dispatch slot from the ``slots`` Container and hands
  the parcel to the courier. The parcel's arrival (dispatch plus its transit time) is known then and
  nothing waits for it — a chasing winner compares the clock with it — so it is recorded at the
  dispatch rather than made an event of its own.
* **dispatch** — the slots are a :class:`simpy.Container`. The courier process: from the dispatch
  start (days after the draw), at each dispatch day's pick-up (:data:`PICKUP_HOUR` local time) it
  puts the day's slots into the Container — one for each waiting parcel, at most
  ``dispatch_per_day`` — and the waiting winners take them first come first served; slots that no
  parcel waits for lapse (the courier does not come back for them). With no parcel waiting the
  courier process is idle until a winner claims. Unlimited capacity is a Container that never runs
  dry (a parcel goes at the claim).
* **chasers** — at a parcel's promised date, one check for all parcels due then; a winner whose
  parcel has not arrived starts a chaser process that asks where it is, then again every
  ``late_inquiry_interval_days`` (exponential) until it arrives. Late prizes load the support desk.
* **support** — the agents are a :class:`simpy.Resource` with ``capacity = agents`` (:class:`Desk`,
  whose grants and releases take effect at once, with no event of their own, since no process waits
  on them); every question is a request on that Resource (:meth:`Operations.inquiry`), made at its
  arrival and queued first come, first served; the grant starts the handling (an exponential
  timeout) whose callback releases the agent to the next request in the queue — events and callbacks
  rather than a process per question, which would add a start and an end event to each. The desk's
  shifts follow its weekdays and hours in the campaign's time zone: a question that holds an agent
  while the desk is closed waits for the opening — one timeout event to the start of the next shift,
  shared by all the questions waiting for it — and one being handled at closing is finished.
  Entrants' questions arrive at their own times (a Poisson number per entrant, each an exponential
  delay after the entry), brought to the desk by a chain of timeouts, one per arrival
  (:meth:`Operations.arrivals`); late winners' questions when they ask.

After the run, a question answered later than promised — or still open at the end of the followed
period, once its promise has passed — escalates with ``escalation_probability`` (a late winner's
question also with ``late_prize_escalation_probability`` when answered in time); an escalation
becomes a public complaint with ``public_complaint_probability``; each public complaint sets off a
backlash with ``backlash_per_complaint``. Trust for the brand's next campaign is the mean of
Beta(1 + on time, 1 + late + public complaints), past campaigns included.

Every random number comes from the replication's ``fulfilment`` SeedSequence, in two streams: the
winners' (answers, transit times, the dispatch start, then the late winners' chasing intervals) from
it directly, and the questions' (the draw for a backlash, then how many questions, when, their
handling times, whether they escalate, then the late winners' questions' handling times and
escalation) from a child SeedSequence. Each stream draws what is fixed before the run first, in one
order, and what the run decides afterwards, so a variant with more agents sees the same winners,
parcels and questions as the base, run for run.

Very large populations are thinned: above :data:`MAX_WINNER_PROCESSES` winners or
:data:`MAX_INQUIRIES` questions, each simulated one stands for ``w`` of them (counts are scaled
back by ``w``; dispatch capacity is divided by ``w``, which
keeps the load on dispatch the same; the desk gets 1/w of the agents, at least one, so that its load
stays the same too). Waiting times of a thinned desk are an approximation: right in order of
magnitude under heavy load, not exact.
"""

from __future__ import annotations

import functools
import gc
import math
from functools import partial
from typing import Callable, Optional, cast

import attrs
import numpy as np
import simpy
from simpy.events import Process, Timeout
from simpy.resources.resource import Request

HOURS_PER_DAY = 24.0
HOURS_PER_WEEK = 168.0
PICKUP_HOUR = 17.0
"""Local hour of the courier's daily pick-up on dispatch days (an assumption [U]: the usual afternoon collection)."""
MAX_REDRAWS = 3
MAX_CHASES = 20
"""The most times one winner asks after a late parcel (an assumption [U]: about two months of asking at
the default interval; without a bound a parcel years late would ask thousands of times)."""
MAX_WINNER_PROCESSES = 20_000
MAX_INQUIRIES = 50_000
SUBSTREAMS = ("questions",)
"""Sub-purposes of the fulfilment stream that get a child SeedSequence, in spawn order (keep the order: it
fixes the streams). The winners' draws (answers, transit times, an unplanned dispatch start, chasing
intervals) come from the fulfilment SeedSequence itself."""

SCALARS = (
    "on_time_share", "last_delivery_day", "response_hours_mean", "response_hours_p95", "inquiries", "unanswered",
    "escalations", "public_complaints", "unclaimed_prizes", "backlash", "trust_next",
)
FLOAT_SCALARS = ("on_time_share", "last_delivery_day", "response_hours_mean", "response_hours_p95", "trust_next")


@attrs.define(frozen=True)
class Calendar:
    """Staffed hours in simulation time (hours since the campaign's start)."""

    offset: float  # local hour of the week at hour 0 (Monday 00:00 = 0)
    days: tuple[bool, ...]  # Monday … Sunday
    opens: float = 0.0
    closes: float = 24.0

    always: bool = attrs.field(init=False, eq=False, repr=False)
    """Staffed around the clock, every day."""

    @always.default
    def _always(self) -> bool:
        return all(self.days) and self.opens <= 0.0 and self.closes >= 24.0

    def next_open(self, t: float) -> float:
        """The first moment at or after ``t`` when the calendar is open (inf when it never is)."""
        if self.always:
            return t
        local = self.offset + t
        week = math.floor(local / HOURS_PER_WEEK)
        within = local - week * HOURS_PER_WEEK
        day = int(within // HOURS_PER_DAY)
        hour = within - day * HOURS_PER_DAY
        for d in range(8):
            if not self.days[(day + d) % 7]:
                continue
            if d == 0 and hour >= self.opens:
                if hour < self.closes:
                    return t
                continue
            # counted from the week's start, not from t: every moment of one closed period gives the very
            # same opening (questions held for it are keyed by it)
            return week * HOURS_PER_WEEK + (day + d) * HOURS_PER_DAY + self.opens - self.offset
        return math.inf

    def next_close(self, t: float) -> float:
        """The end of the staffed period that ``t`` is in (``t`` open; inf when it never ends).

        A period that closes at midnight runs on into a next day that opens at midnight."""
        if self.always:
            return math.inf
        within = (self.offset + t) % HOURS_PER_WEEK
        day = int(within // HOURS_PER_DAY)
        end = t - (within - day * HOURS_PER_DAY) + self.closes
        while self.closes >= HOURS_PER_DAY and self.opens <= 0.0 and self.days[(day + 1) % 7]:
            day += 1
            end += HOURS_PER_DAY
        return end

    def next_at(self, t: float, hour_of_day: float) -> float:
        """The first moment at or after ``t`` that is ``hour_of_day`` on one of the calendar's days."""
        local = self.offset + t
        within = local % HOURS_PER_WEEK
        day = int(within // HOURS_PER_DAY)
        hour = within - day * HOURS_PER_DAY
        for d in range(8):
            if self.days[(day + d) % 7] and (d > 0 or hour <= hour_of_day + 1e-9):
                return t + d * HOURS_PER_DAY - hour + hour_of_day
        return math.inf


@attrs.define(frozen=True)
class OperationsConfig:
    """Every number the operations need, resolved once from the scenario and the simulation parameters."""

    draw_at: float  # hours from the start
    announce_hours: float  # after the draw
    promise_hours: float  # delivery promised this long after the draw
    claim_window_hours: float
    redraw: bool
    physical_share: float  # share of the prizes that are parcels
    response_share: float
    response_mean_hours: float
    dispatch_per_day: float  # inf: unlimited
    dispatch_calendar: Calendar
    dispatch_start_hours: float  # after the draw (fixed)
    unplanned_start_mean_hours: float  # > 0: nobody plans dispatch; the start is exponential with this mean
    transit_mean_hours: float
    transit_cv: float
    transit_distribution: str
    agents: int
    support_calendar: Calendar
    handling_mean_hours: float
    response_promise_hours: float
    inquiries_per_entrant: float
    inquiry_delay_hours: float
    late_interval_hours: float
    escalation_probability: float
    late_escalation_probability: float
    public_probability: float
    backlash_per_complaint: float
    horizon: float  # hours from the start: the end of the followed period
    past_on_time: float  # the track record as past counts (Beta prior of trust)
    past_late: float

    @property
    def hours(self) -> int:
        return int(math.ceil(self.horizon - 1e-9))


def _calendar(start, days: tuple[str, ...], opens: float = 0.0, closes: float = 24.0) -> Calendar:
    from campaignsim.model.scenario import WEEKDAYS

    offset = start.weekday() * HOURS_PER_DAY + start.hour + start.minute / 60.0 + start.second / 3600.0
    return Calendar(offset=offset, days=tuple(d in days for d in WEEKDAYS), opens=float(opens), closes=float(closes))


def build_operations(scenario, values: dict, horizon: float, draw_at: float) -> OperationsConfig:
    """The operations of one scenario: its ``[operations]`` and ``[fulfilment]`` tables over the defaults in ``values``."""
    ops, ful = scenario.operations, scenario.fulfilment
    start = scenario.campaign.start

    def pick(value, name):
        return float(value) if value is not None else float(values[name])

    physical = sum(i.quantity for i in scenario.prize.items if i.kind == "physical")
    total = sum(i.quantity for i in scenario.prize.items)
    planned = ops.dispatch_per_day is not None or bool(ful.owner)
    start_days = pick(ops.dispatch_starts_days, "default_dispatch_start_days")
    record = ful.delivery_track_record
    n_past = values["trust_prior_weight"] if record is not None else 0.0
    return OperationsConfig(
        draw_at=draw_at,
        announce_hours=24.0 * pick(ful.announce_winners_within_days, "default_announce_days"),
        promise_hours=24.0 * pick(ful.deliver_within_days, "default_delivery_days"),
        claim_window_hours=24.0 * pick(ful.claim_window_days, "default_claim_window_days"),
        redraw=ful.unclaimed == "redraw",
        physical_share=physical / total if total else 0.0,
        response_share=pick(ops.winner_response_share, "default_winner_response_share"),
        response_mean_hours=24.0 * pick(ops.winner_response_days, "default_winner_response_days"),
        dispatch_per_day=pick(ops.dispatch_per_day, "default_dispatch_per_day"),
        dispatch_calendar=_calendar(start, ops.dispatch_days),
        dispatch_start_hours=24.0 * (start_days if planned or ops.dispatch_starts_days is not None else 0.0),
        unplanned_start_mean_hours=0.0 if planned or ops.dispatch_starts_days is not None else 24.0 * values["unplanned_dispatch_start_days"],
        transit_mean_hours=24.0 * pick(ops.transit_days, "default_transit_days"),
        transit_cv=pick(ops.transit_spread, "default_transit_spread"),
        transit_distribution=ops.transit_distribution,
        agents=int(round(pick(ops.support_agents, "default_support_agents"))),
        support_calendar=_calendar(start, ops.support_days, ops.support_opens, ops.support_closes),
        handling_mean_hours=pick(ops.handling_minutes, "default_handling_minutes") / 60.0,
        response_promise_hours=pick(ful.response_time_hours, "default_response_hours"),
        inquiries_per_entrant=values["inquiries_per_entrant"],
        inquiry_delay_hours=values["inquiry_delay_hours"],
        late_interval_hours=24.0 * values["late_inquiry_interval_days"],
        escalation_probability=values["escalation_probability"],
        late_escalation_probability=values["late_prize_escalation_probability"],
        public_probability=values["public_complaint_probability"],
        backlash_per_complaint=values["backlash_per_complaint"],
        horizon=max(draw_at, horizon) + 24.0 * values["operations_days"],
        past_on_time=n_past * (record or 0.0),
        past_late=n_past * (1.0 - (record or 0.0)),
    )


def transit_sample(rng: np.random.Generator, n: int, mean: float, cv: float, kind: str) -> np.ndarray:
    """Transit times (hours) with the given mean and coefficient of variation."""
    if kind == "fixed" or (cv <= 0 and kind != "exponential"):
        return np.full(n, mean)
    if kind == "exponential":
        return rng.exponential(mean, n)
    if kind == "gamma":
        shape = 1.0 / (cv * cv)
        return rng.gamma(shape, mean / shape, n)
    sigma2 = math.log1p(cv * cv)
    return rng.lognormal(math.log(mean) - sigma2 / 2.0, math.sqrt(sigma2), n)


def transit_cdf(x: np.ndarray, mean: float, cv: float, kind: str) -> np.ndarray:
    """The CDF of :func:`transit_sample`'s distribution (lognormal, exponential, fixed), for tests and docs."""
    x = np.asarray(x, dtype=float)
    if kind == "fixed" or (cv <= 0 and kind != "exponential"):
        return (x >= mean).astype(float)
    if kind == "exponential":
        return 1.0 - np.exp(-np.maximum(x, 0.0) / mean)
    if kind == "lognormal":
        sigma2 = math.log1p(cv * cv)
        mu, sigma = math.log(mean) - sigma2 / 2.0, math.sqrt(sigma2)
        z = (np.log(np.maximum(x, 1e-300)) - mu) / (sigma * math.sqrt(2.0))
        return 0.5 * (1.0 + np.vectorize(math.erf)(z))
    raise ValueError(f"no closed-form CDF for {kind}")


def _streams(seed: np.random.SeedSequence) -> tuple[np.random.Generator, np.random.Generator]:
    """The winners' and the questions' Generators of one replication's fulfilment seed."""
    child = np.random.SeedSequence(seed.entropy, spawn_key=tuple(seed.spawn_key) + (SUBSTREAMS.index("questions"),), pool_size=seed.pool_size)
    # what default_rng builds, without its dispatch
    return np.random.Generator(np.random.PCG64(seed)), np.random.Generator(np.random.PCG64(child))


def _trace_order(event: tuple[str, float]) -> tuple[float, bool]:
    """Trace events in time order; a parcel's arrival (recorded at its dispatch) after the other events of its moment."""
    return event[1], event[0] in ("delivery", "late_delivery")


@functools.lru_cache(maxsize=8)
def _hours(n: int) -> np.ndarray:
    """0, 1, …, n − 1 as floats (read-only): the hours the support queue is reported at, the same for every run."""
    grid = np.arange(n, dtype=float)
    grid.flags.writeable = False
    return grid


def _p95(values: np.ndarray) -> float:
    """The 95th percentile with linear interpolation (numpy's default method), without np.quantile's overhead."""
    v = np.sort(values)
    pos = 0.95 * (len(v) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(v) - 1)
    return float(v[lo] + (v[hi] - v[lo]) * (pos - lo))


class Desk(simpy.Resource):
    """The support desk's agents: a :class:`simpy.Resource` with ``capacity = agents`` whose grants and
    releases take effect at once.

    SimPy grants a request by triggering the request's event, which a process waiting on it hears of
    when the event queue reaches it, and frees an agent with a Release event, processed the same way;
    both at the same moment. A question is not a process and nothing waits on either event, so the desk
    hands a granted request to ``granted`` (the operations' :meth:`Operations.taken`) at once, and a
    release hands the agent to the next request in the queue at once: a question's events are its
    arrival and the end of its handling. The queue, the users and the capacity are the Resource's own,
    served first come, first served; ``tests/test_private_interfaces.py`` checks that the desk starts
    questions exactly when a :class:`simpy.Resource` would.

    A request here is marked granted but never processed as an event: no process may ``yield`` it (it
    would wait for ever); :meth:`Operations.inquiry` makes requests with a callback instead."""

    def __init__(self, env: simpy.Environment, capacity: int, granted: Callable[["Question"], None]) -> None:
        super().__init__(env, capacity)
        self.granted = granted

    def _trigger_put(self, get_event: Optional[simpy.Event]) -> None:
        """Grant the queue's first requests while agents are free (SimPy's loop, which the Resource calls
        when a request is made and this desk calls at a release). Each leaves the queue before ``granted``
        hears of it, so a grant that frees an agent at once finds the queue as it should be."""
        queue, users = self.put_queue, self.users
        while queue and len(users) < self.capacity:
            request = queue.pop(0)
            users.append(request)
            request.usage_since = self._env.now
            request._ok, request._value = True, None  # granted; its event is not scheduled (nothing waits on it)
            self.granted(cast(Question, request))

    def release(self, request: Request) -> None:  # type: ignore[override]
        self.users.remove(request)
        self._trigger_put(None)


class Started(Process):
    """A SimPy process whose generator runs to its first ``yield`` when the process is made.

    SimPy starts a process with an Initialize event, at the same moment, that does just that. A winner's
    process is made by the code that notifies the winner (the announcement, or the forfeit before a
    redraw), and its first step only records the notification and schedules the answer (or the claim
    window's close), so it can run there: one event less per winner. From its first yield on, the
    process resumes, ends and can be waited for as any other (``tests/test_private_interfaces.py``
    checks it against :class:`simpy.events.Process`). Its first step differs: it runs inside the
    notifying code (``env.active_process`` is the notifier's, and an exception there is the notifier's),
    and its first yield must be an event still to come."""

    def __init__(self, env: simpy.Environment, generator) -> None:
        simpy.Event.__init__(self, env)
        self._generator = generator
        try:
            first = next(generator)
        except StopIteration as stop:  # done at once: ends now, as a process does
            self._target = None  # type: ignore[assignment]  # what SimPy leaves in an ended process
            self.succeed(stop.value)
            return
        if first.callbacks is None:
            raise RuntimeError(f"{generator!r} first yielded an event that has been processed already")
        self._target = first
        first.callbacks.append(self._resume)


class Question(Request):
    """A question's request for an agent of the support desk (:class:`Desk`), with the question's number."""

    def __init__(self, desk: Desk, question: int) -> None:
        self.question = question  # first: the desk may grant the request while it is made
        super().__init__(desk)


class Operations:
    """One replication's operations on its own SimPy clock; :meth:`run` returns the outputs.

    Processes: the announcement, one per winner (:meth:`winner`), the courier (:meth:`courier`) and one
    per late winner chasing a parcel (:meth:`chaser`). Questions: one request on the desk per question
    (:meth:`inquiry`), at arrivals brought by a chain of timeouts (:meth:`arrivals`), then event
    callbacks (:meth:`taken`, :meth:`handle`, :meth:`handled`). Resources: the dispatch slots (``self.slots``, a
    :class:`simpy.Container`) and the agents (``self.desk``, a :class:`simpy.Resource` with
    ``capacity = agents``); the desk's closed hours are an opening event (``self.opening``).
    """

    def __init__(self, cfg: OperationsConfig, seed: np.random.SeedSequence, winners: int, entrant_times: np.ndarray,
                 trace: bool = False, entrants: Optional[int] = None):
        self.cfg = cfg
        self.env = env = simpy.Environment()
        self.claims, self.inq = claims, inq = _streams(seed)
        self.trace = trace
        self.events: list[tuple[str, float]] = []
        # thinning of very large populations: each simulated winner or question stands for w of them
        self.w_winners = max(1, math.ceil(winners / MAX_WINNER_PROCESSES))
        self.winners = int(math.ceil(winners / self.w_winners)) if winners else 0
        # winners' draws, one row per winner in notification order (redraws follow the first round)
        rows = self.winners * (1 + (MAX_REDRAWS if cfg.redraw else 0))
        # Python lists, not arrays: the processes read and write one element at a time
        self.answers = claims.random(rows).tolist()  # a winner answers when this is below response_share
        self.answer_delay = claims.exponential(1.0, rows).tolist()  # × response_mean_hours: the answer's delay
        self.transit = transit_sample(claims, rows, cfg.transit_mean_hours, cfg.transit_cv, cfg.transit_distribution).tolist()
        self.next_row = self.winners
        parcels = int(round(cfg.physical_share * self.winners))
        self.parcel = [True] * parcels + [False] * (rows - parcels)  # the first winners' prizes are the physical ones; a redraw inherits the prize
        nan = [math.nan] * rows
        self.promise_at, self.claimed_at, self.dispatched_at = list(nan), list(nan), list(nan)
        # when the prize arrives, known once it is claimed (digital) or on the road (a parcel): what a chasing
        # winner waits for; delivered if before the end of the followed period
        self.arrives_at = list(nan)
        self.unclaimed = 0
        # dispatch: when it can start; the courier's slots (unlimited: a Container that never runs dry)
        start = cfg.draw_at + cfg.dispatch_start_hours
        if cfg.unplanned_start_mean_hours > 0:
            start += claims.exponential(cfg.unplanned_start_mean_hours)
        self.dispatch_start = start
        self.unlimited = math.isinf(cfg.dispatch_per_day)
        self.slots = simpy.Container(env, init=math.inf) if self.unlimited else simpy.Container(env)
        self.courier_idle: Optional[simpy.Event] = None
        # support: entrants' questions, drawn now; winners' questions are added as they are asked
        entrant_times = np.sort(np.asarray(entrant_times, dtype=float))  # in time order: the draws do not depend on how cohorts were grouped
        # the draw for a backlash comes first, so that it moves with nothing: not with the number of questions
        self.u_backlash = float(inq.random())
        # entrant_times may be a uniform sample of the entrants' times, ``entrants`` their number
        n = int(inq.poisson(cfg.inquiries_per_entrant * (len(entrant_times) if entrants is None else entrants))) if len(entrant_times) else 0
        self.w_inquiries = max(1, math.ceil(n / MAX_INQUIRIES))
        if self.w_inquiries > 1:
            n = int(math.ceil(n / self.w_inquiries))
        arrivals = np.sort(entrant_times[inq.integers(0, len(entrant_times), n)] + inq.exponential(cfg.inquiry_delay_hours, n)) if n else np.zeros(0)
        self.arrival: list[float] = arrivals.tolist()
        self.late_kind: list[bool] = [False] * n
        self.n_entrant = n
        self.next_arrival = 0  # the next entrant's question to arrive
        handling = inq
        # Thinned, the desk keeps its load: 1/w of the questions for 1/w of the agents (at least one, then proportionally slower).
        self.agents = max(1, round(cfg.agents / self.w_inquiries)) if cfg.agents else 0
        self.handling_mean = cfg.handling_mean_hours * (self.agents * self.w_inquiries / cfg.agents if cfg.agents else 1.0)
        self.service: list[float] = (handling.exponential(self.handling_mean, n)).tolist()
        # two uniforms per question for its escalation, drawn before the run so that they do not move
        # with the late winners' questions (theirs are drawn after the run)
        self.escalation = inq.random((n, 2))
        self.started: list[float] = [math.nan] * n
        self.answered: list[float] = [math.nan] * n
        self.desk = Desk(env, self.agents, self.taken) if self.agents else None
        self.calendar = cfg.support_calendar
        self.closed = not self.calendar.always  # whether the desk has closed hours at all
        self.opening: Optional[simpy.Event] = None  # the next shift's opening, for questions that have an agent while the desk is closed
        self.staffed, self.shift_until = True, -math.inf  # the desk's state, valid until shift_until (see shift())
        self.due: dict[float, list[int]] = {}  # promised date → parcels to check then
        self.held: dict[float, list[int]] = {}  # the desk's next opening → late winners' questions asked while it is closed
        self.chain_at: Optional[float] = None  # the opening the entrants' questions wait for, if any

    # ----------------------------------------------------------------------------------------- winners
    def announcement(self, at: float, promise_at: float):
        """The winners are announced: each becomes a process of its own."""
        env = self.env
        yield env.timeout(max(at - env.now, 0.0))
        if self.trace:
            self.events.append(("announcement", env.now))
        winner = self.winner
        for row in range(self.winners):
            Started(env, winner(row, promise_at, 0))

    def winner(self, row: int, promise_at: float, redraws: int):
        """One winner, from the notification (now) to the prize: claim within the window (or not), wait for
        a dispatch slot, send the parcel on its way (its arrival is recorded then). An unclaimed prize
        is redrawn when the window closes."""
        env, cfg = self.env, self.cfg
        self.promise_at[row] = promise_at
        delay = self.answer_delay[row] * cfg.response_mean_hours
        window = cfg.claim_window_hours
        if not (self.answers[row] < cfg.response_share and delay <= window):
            # no answer, or one after the window: the prize is forfeited when the window closes
            yield Timeout(env, window)
            self.unclaimed += 1
            if self.trace:
                self.events.append(("unclaimed", env.now))
            if cfg.redraw and redraws < MAX_REDRAWS and self.next_row < len(self.answers):
                new = self.next_row
                self.next_row += 1
                self.parcel[new] = self.parcel[row]  # the same prize; its promise moves with the window
                Started(env, self.winner(new, promise_at + window, redraws + 1))
            return
        yield Timeout(env, delay)
        self.claimed_at[row] = env.now
        if not self.parcel[row]:
            self.arrives_at[row] = env.now  # a digital prize arrives with the claim
            return
        self.watch(row)
        slot = self.slots.get(1)  # a dispatch slot, first claimed first sent
        if not slot.triggered:
            idle = self.courier_idle
            if idle is not None and not idle.triggered:
                idle.succeed()  # the courier comes on the next dispatch day
            yield slot
        now = env.now
        self.dispatched_at[row] = now
        # The parcel is on the road, and the winner's part is done. Its arrival is known now and nothing
        # waits for it (a chasing winner compares the time with it), so it needs no event of its own:
        # it is recorded now; it counts as delivered if it comes within the followed period (an event at
        # the horizon would not be processed either).
        arrival = self.arrives_at[row] = now + self.transit[row]
        if self.trace and arrival < cfg.horizon:
            self.events.append(("late_delivery" if arrival > self.promise_at[row] + 1e-9 else "delivery", arrival))

    def courier(self):
        """The courier's pick-ups: at :data:`PICKUP_HOUR` on each dispatch day the day's slots (at most
        ``dispatch_per_day``) go into the slots Container, one per waiting parcel; slots that no parcel
        waits for lapse. Without waiting parcels the courier is idle until one is claimed."""
        env, cfg = self.env, self.cfg
        yield env.timeout(max(self.dispatch_start - env.now, 0.0))
        per_day = cfg.dispatch_per_day / self.w_winners
        slots = self.slots
        waiting = slots.get_queue
        credit, last = 0.0, -math.inf
        while True:
            if not waiting:
                self.courier_idle = env.event()
                yield self.courier_idle
                self.courier_idle = None
            at = cfg.dispatch_calendar.next_at(max(env.now, last + 1e-6), PICKUP_HOUR)
            if math.isinf(at):
                return  # no dispatch day at all: nothing ever leaves
            yield env.timeout(at - env.now)
            last = env.now
            credit += per_day
            n = min(int(credit + 1e-9), len(waiting))
            if n:
                slots.put(n)  # the waiting parcels take them in order, now
            credit = credit - n if n < len(waiting) else 0.0  # a fraction of a slot (thinning) waits for the next day only if parcels do
            if self.trace:
                self.events.append(("dispatch", env.now))

    def watch(self, row: int) -> None:
        """Checks a claimed parcel at its promised date; one check per distinct date, for every parcel due then."""
        at = self.promise_at[row]
        if at <= self.env.now:
            Process(self.env, self.chaser(row))
            return
        due = self.due.get(at)
        if due is None:
            due = self.due[at] = []
            Timeout(self.env, at - self.env.now).callbacks.append(partial(self.check_due, at))
        due.append(row)

    def check_due(self, at: float, _event: Optional[simpy.Event] = None) -> None:
        """The promised date ``at`` has come (the timeout's callback) for the parcels watched for it."""
        now = self.env.now
        for row in self.due.pop(at):
            if not self.arrives_at[row] <= now:  # NaN (still waiting for a slot) compares False
                Process(self.env, self.chaser(row))

    def chaser(self, row: int):
        """A winner whose parcel is not there by the promised date asks, and asks again until it arrives
        (at most :data:`MAX_CHASES` times: then the winner gives up asking)."""
        env, cfg = self.env, self.cfg
        rng = self.claims
        for _ in range(MAX_CHASES):
            if self.arrives_at[row] <= env.now or env.now >= cfg.horizon:
                return
            self.ask()
            yield env.timeout(rng.exponential(cfg.late_interval_hours))

    # ----------------------------------------------------------------------------------------- support
    def ask(self) -> None:
        """A late winner's question, asked now: at the desk now, or with the others at the next opening."""
        now = self.env.now
        i = len(self.arrival)
        self.arrival.append(now)
        self.late_kind.append(True)
        self.service.append(float(self.inq.exponential(self.handling_mean)))
        self.started.append(math.nan)
        self.answered.append(math.nan)
        if self.desk is None:
            return
        opening = self.closed_until(now)
        if opening is None:
            self.inquiry(i)
        elif not math.isinf(opening):
            self.hold(opening).append(i)

    def closed_until(self, t: float) -> Optional[float]:
        """The opening that a question asked at ``t`` waits for when the desk is closed then (inf: it
        never opens again); None when the desk is open at ``t``."""
        if not self.closed:
            return None
        opening = self.calendar.next_open(t)
        return opening if opening > t else None

    def shift(self, now: float) -> None:
        """The desk's state at ``now``: staffed until the shift's end, or closed until the next opening."""
        at = self.calendar.next_open(now)
        if at > now:
            self.staffed, self.shift_until = False, at
        else:
            self.staffed, self.shift_until = True, self.calendar.next_close(now)

    def arrivals(self, _event=None) -> None:
        """The next entrant's question reaches the desk now; one timeout to the one after (a chain, so that
        the event queue holds one pending arrival, not all of them). A question that arrives while the desk
        is closed waits for the opening with every other one asked meanwhile (:meth:`hold`)."""
        i = self.next_arrival
        if _event is not None:
            self.inquiry(i)
            i = self.next_arrival = i + 1
        if i < self.n_entrant:
            at = self.arrival[i]
            opening = self.closed_until(at)
            if opening is None:
                Timeout(self.env, at - self.env.now).callbacks.append(self.arrivals)
            elif not math.isinf(opening):
                self.hold(opening)
                self.chain_at = opening  # the chain goes on from that opening

    def hold(self, opening: float) -> list[int]:
        """The questions (late winners') held for the desk's opening at ``opening``; the first call for an
        opening schedules it. Questions asked while the desk is closed would only wait for an agent until
        then: they reach the desk together, in the order they were asked, in one event, not one each."""
        held = self.held.get(opening)
        if held is None:
            held = self.held[opening] = []
            Timeout(self.env, opening - self.env.now).callbacks.append(partial(self.opens, opening))
        return held

    def opens(self, opening: float, _event: Optional[simpy.Event] = None) -> None:
        """The desk opens: the questions asked since it closed request agents, first asked first."""
        held = self.held.pop(opening)
        if self.chain_at != opening:
            for i in held:
                self.inquiry(i)
            return
        self.chain_at = None
        arrival, n = self.arrival, self.n_entrant
        first = j = self.next_arrival
        while j < n and arrival[j] < opening:
            j += 1
        self.next_arrival = j
        order = range(first, j) if not held else sorted([*range(first, j), *held], key=arrival.__getitem__)
        for i in order:
            self.inquiry(i)
        self.arrivals()  # on to the next entrant's question

    def inquiry(self, i: int) -> None:
        """One question, asked now: it requests an agent from the desk and queues there first come, first
        served; the rest follows from the grant (:meth:`taken`) and the end of the handling (:meth:`handled`)."""
        desk = self.desk
        assert desk is not None  # questions come to the desk only when it has agents
        Question(desk, i)  # the desk calls taken() when an agent is free for it: now, or at a release

    def taken(self, agent: "Question") -> None:
        """The question has an agent; taken while the desk is closed it waits for the opening, then it is
        handled for its handling time (a timeout) and the agent is released (:meth:`handled`)."""
        env = self.env
        if self.closed:
            now = env.now
            if now >= self.shift_until:
                self.shift(now)
            if not self.staffed:
                # the desk is closed: the agent starts at the next shift's opening
                opening = self.opening
                if opening is None or opening.callbacks is None:  # none yet, or that opening has passed
                    opening = self.opening = Timeout(env, self.shift_until - now)
                opening.callbacks.append(partial(self.handle, agent))
                return
        self.handle(agent)

    def handle(self, agent: "Question", _opening: Optional[simpy.Event] = None) -> None:
        """The agent works on the question from now for its handling time."""
        i = agent.question
        self.started[i] = self.env.now
        Timeout(self.env, self.service[i], agent).callbacks.append(self.handled)

    def handled(self, done: Timeout) -> None:
        agent: Question = done.value  # type: ignore[assignment]  # the timeout carries the question's request
        self.answered[agent.question] = self.env.now
        agent.resource.release(agent)

    # -------------------------------------------------------------------------------------------- running
    def run(self) -> dict:
        env, cfg = self.env, self.cfg
        if self.winners:
            Process(env, self.announcement(cfg.draw_at + cfg.announce_hours, cfg.draw_at + cfg.promise_hours))
            if not self.unlimited and any(self.parcel):
                Process(env, self.courier())
        if self.desk is not None and self.n_entrant:
            self.arrivals()
        env.run(until=cfg.horizon)
        return self.outputs()

    def outputs(self) -> dict:
        cfg = self.cfg
        wq, ww = self.w_inquiries, self.w_winners
        horizon = cfg.horizon
        # prizes: one row per winner notified (a few hundred at most), counted in plain Python
        on_time = late = 0
        last_arrival = -math.inf  # handed over before the end; on the road after it: not yet
        rows = self.next_row
        for claimed, arrives, promise in zip(self.claimed_at[:rows], self.arrives_at[:rows], self.promise_at[:rows]):
            if claimed == claimed:  # claimed (NaN: not)
                delivered = arrives < horizon  # NaN (still waiting for a slot) compares False
                if delivered and arrives <= promise + 1e-9:
                    on_time += 1
                else:
                    late += 1
                if delivered and arrives > last_arrival:
                    last_arrival = arrives
        # questions
        arrival = np.asarray(self.arrival)
        answered = np.asarray(self.answered)
        n = len(arrival)
        done = answered == answered  # NaN: not answered by the end
        n_done = int(np.count_nonzero(done))
        ended = np.where(done, answered, horizon)  # answered, or still open at the end
        waited = ended - arrival
        breach = waited > cfg.response_promise_hours
        late_kind = np.asarray(self.late_kind, dtype=bool)
        # two uniforms per question: the entrants' drawn before the run, the late winners' now
        u = self.escalation if n == self.n_entrant else np.concatenate([self.escalation, self.inq.random((n - self.n_entrant, 2))])
        u_backlash = self.u_backlash
        # a question escalates when its answer broke the promise; a late winner's also when it was kept
        escalates = u[:, 0] < np.where(breach, cfg.escalation_probability, late_kind * cfg.late_escalation_probability)
        public = escalates & (u[:, 1] < cfg.public_probability)
        complaints = int(np.count_nonzero(public)) * wq
        backlash_p = 1.0 - (1.0 - cfg.backlash_per_complaint) ** complaints
        backlash = int(u_backlash < backlash_p)
        # open questions (asked, not yet answered) at each hour from the campaign's start; every hour of
        # the grid is before the horizon, so the open ones' horizon counts as not yet
        grid = _hours(cfg.hours)
        ended.sort()
        queue = np.searchsorted(np.sort(arrival), grid, side="right")
        queue -= np.searchsorted(ended, grid, side="right")
        if wq != 1:
            queue *= wq
        on_time_n, late_n = on_time * ww, late * ww
        claimed_n = on_time_n + late_n
        trust_next = (1.0 + cfg.past_on_time + on_time_n) / (2.0 + cfg.past_on_time + cfg.past_late + claimed_n + complaints)
        answered_response = waited[done]
        out = {
            "late_prizes": late_n,
            "complaints": complaints,
            "on_time_share": on_time / (on_time + late) if on_time + late else math.nan,
            "last_delivery_day": (last_arrival - cfg.draw_at) / HOURS_PER_DAY if last_arrival > -math.inf else math.nan,
            "response_hours_mean": float(answered_response.sum()) / n_done if n_done else math.nan,  # what .mean() gives, for less
            "response_hours_p95": _p95(answered_response) if n_done else math.nan,
            "inquiries": n * wq,
            "unanswered": (n - n_done) * wq,
            "escalations": int(np.count_nonzero(escalates)) * wq,
            "public_complaints": complaints,
            "unclaimed_prizes": self.unclaimed * ww,
            "backlash": backlash,
            "trust_next": trust_next,
            "timeline_support_queue": queue.astype(np.int64, copy=False),
        }
        if self.trace:
            out["trace_operations"] = {
                "claimed_at": np.asarray(self.claimed_at), "dispatched_at": np.asarray(self.dispatched_at),
                "delivered_at": np.where(np.asarray(self.arrives_at) < horizon, self.arrives_at, math.nan), "promise_at": np.asarray(self.promise_at), "arrival": arrival,
                "started": np.asarray(self.started), "answered": answered, "late_kind": late_kind,
                "dispatch_start": self.dispatch_start, "events": sorted(self.events, key=_trace_order),
            }
        return out


def empty_outputs(cfg: Optional[OperationsConfig]) -> dict:
    """The outputs of a run without winners or questions (a voided or empty campaign)."""
    hours = cfg.hours if cfg is not None else 0
    return {"late_prizes": 0, "complaints": 0, "on_time_share": math.nan, "last_delivery_day": math.nan,
            "response_hours_mean": math.nan, "response_hours_p95": math.nan, "inquiries": 0, "unanswered": 0, "escalations": 0,
            "public_complaints": 0, "unclaimed_prizes": 0, "backlash": 0, "trust_next": math.nan,
            "timeline_support_queue": np.zeros(hours, dtype=np.int64)}


def run_operations(cfg: OperationsConfig, seed: np.random.SeedSequence, winners: int, entrant_times: np.ndarray,
                   trace: bool = False, entrants: Optional[int] = None) -> dict:
    """Play one replication's operations out; ``seed`` is the replication's fulfilment SeedSequence.

    ``entrant_times`` are the entrants' entry times, or a uniform sample of them when ``entrants``
    gives their number: each question's entry time is then drawn from the sample."""
    # SimPy's events are short-lived and freed by reference counting as they are processed; the cyclic
    # collector would otherwise walk the whole heap every few hundred of them.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return Operations(cfg, seed, winners, entrant_times, trace, entrants).run()
    finally:
        if paused:
            gc.enable()


__all__ = ["Calendar", "OperationsConfig", "SCALARS", "build_operations", "run_operations", "transit_cdf", "transit_sample"]
