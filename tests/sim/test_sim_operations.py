"""Operations as discrete events (sim/operations.py): queueing closed forms, dispatch capacity,
transit, and the behaviour that links slow support and late prizes to escalations and complaints."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import attrs
import numpy as np
import pytest
import sim_helpers as H

from campaignsim.model import Fulfilment, Operations as OperationsTable, Prize, PrizeItem
from campaignsim.sim import simulate
from campaignsim.sim.operations import Calendar, Operations, OperationsConfig, transit_cdf

REG = H.registry()
ALWAYS = Calendar(offset=0.0, days=(True,) * 7)
WEEKDAYS = Calendar(offset=0.0, days=(True,) * 5 + (False, False))


def config(**kw) -> OperationsConfig:
    """Operations that start at hour 0 (a Monday, 00:00 local) with nothing slow unless asked for."""
    values = dict(
        draw_at=0.0, announce_hours=0.0, promise_hours=14 * 24.0, claim_window_hours=7 * 24.0, redraw=False, physical_share=1.0,
        response_share=1.0, response_mean_hours=0.0, dispatch_per_day=math.inf, dispatch_calendar=WEEKDAYS, dispatch_start_hours=0.0,
        unplanned_start_mean_hours=0.0, transit_mean_hours=72.0, transit_cv=0.5, transit_distribution="lognormal", agents=1,
        support_calendar=ALWAYS, handling_mean_hours=1.0, response_promise_hours=24.0, inquiries_per_entrant=0.0,
        inquiry_delay_hours=0.0, late_interval_hours=72.0, escalation_probability=0.3, late_escalation_probability=0.1,
        public_probability=0.5, backlash_per_complaint=0.02, horizon=60 * 24.0, past_on_time=0.0, past_late=0.0,
    )
    values.update(kw)
    return OperationsConfig(**values)


def seeds(n, seed=0):
    return np.random.SeedSequence(seed).spawn(n)


# ----------------------------------------------------------------------------------- calendar
def test_the_calendar_opens_on_staffed_days_and_hours_only():
    cal = Calendar(offset=0.0, days=(True,) * 5 + (False, False), opens=9.0, closes=18.0)  # hour 0 = Monday 00:00
    assert cal.next_open(0.0) == 9.0
    assert cal.next_open(10.0) == 10.0
    assert cal.next_open(18.0) == 24.0 + 9.0  # Monday closed at 18:00 → Tuesday 09:00
    friday_evening = 4 * 24.0 + 19.0
    assert cal.next_open(friday_evening) == 7 * 24.0 + 9.0  # → next Monday
    assert cal.next_at(0.0, 17.0) == 17.0 and cal.next_at(17.5, 17.0) == 24.0 + 17.0
    assert Calendar(offset=0.0, days=(False,) * 7).next_open(3.0) == math.inf
    assert cal.next_close(10.0) == 18.0 and cal.next_close(24.0 + 9.0) == 24.0 + 18.0
    nights = Calendar(offset=0.0, days=(True,) * 5 + (False, False), opens=0.0, closes=24.0)
    assert nights.next_close(2.0) == 5 * 24.0  # midnight to midnight runs on to the weekend
    assert ALWAYS.next_close(5.0) == math.inf


def test_working_hours_follow_the_campaigns_time_zone():
    from campaignsim.sim.operations import _calendar

    # 2027-03-01 is a Monday; 10:00 at UTC+8 is 10 hours into that local Monday.
    start = datetime(2027, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    cal = _calendar(start, ("mon", "tue", "wed", "thu", "fri"), 9.0, 18.0)
    assert cal.offset == 10.0
    assert cal.next_open(0.0) == 0.0 and cal.next_open(8.0) == 24.0 - 10.0 + 9.0


# ------------------------------------------------------------------------- queueing closed forms
def erlang_c_wait(c: int, lam: float, mu: float) -> float:
    """Mean waiting time in queue of M/M/c (Erlang C)."""
    a = lam / mu
    rho = a / c
    top = a ** c / math.factorial(c) / (1 - rho)
    p_wait = top / (sum(a ** k / math.factorial(k) for k in range(c)) + top)
    return p_wait / (c * mu - lam)


@pytest.mark.parametrize("c", [1, 2, 5])
@pytest.mark.parametrize("rho", [0.5, 0.9])
def test_mean_wait_matches_erlang_c(c, rho):
    # Agents on duty all day, Poisson arrivals (a Poisson number of questions at uniform times),
    # exponential handling with mean 1 h. Per-replication means of the waits of the questions that
    # arrive after a warm-up; tolerance 4 standard errors of the mean over the replications.
    mu, lam = 1.0, rho * c
    length = min(6000.0 if rho == 0.5 else 16000.0, 45_000 / lam)  # below the thinning threshold (50,000 questions)
    grid = np.linspace(0.0, length, 400_001)
    cfg = config(agents=c, inquiries_per_entrant=lam * length / len(grid), horizon=length * 1.3, handling_mean_hours=1 / mu)
    means = []
    for s in seeds(8, seed=c * 10 + int(rho * 10)):
        ops = Operations(cfg, s, 0, grid, trace=True)
        out = ops.run()
        t = out["trace_operations"]
        keep = (t["arrival"] > 0.15 * length) & (t["arrival"] < length)
        wait = t["started"][keep] - t["arrival"][keep]
        assert not np.isnan(wait).any()
        means.append(wait.mean())
    means = np.array(means)
    expected = erlang_c_wait(c, lam, mu)
    se = means.std(ddof=1) / math.sqrt(len(means))
    assert abs(means.mean() - expected) <= 4 * se + 0.02 * expected, (means.mean(), expected, se)


# ----------------------------------------------------------------------------------- dispatch
def test_with_unlimited_dispatch_delivery_times_follow_the_transit_distribution():
    cfg = config(dispatch_per_day=math.inf, transit_mean_hours=60.0, transit_cv=0.6, response_mean_hours=10.0)
    ops = Operations(cfg, seeds(1)[0], 3000, np.zeros(0), trace=True)
    t = ops.run()["trace_operations"]
    claimed = ~np.isnan(t["claimed_at"])
    assert np.array_equal(t["dispatched_at"][claimed], t["claimed_at"][claimed])
    times = np.sort(t["delivered_at"][claimed] - t["claimed_at"][claimed])
    m = len(times)
    cdf = transit_cdf(times, 60.0, 0.6, "lognormal")
    ks = max(np.max(np.arange(1, m + 1) / m - cdf), np.max(cdf - np.arange(m) / m))
    assert ks <= 1.63 / math.sqrt(m)
    assert abs(times.mean() - 60.0) <= 4 * 0.6 * 60.0 / math.sqrt(m)


@pytest.mark.parametrize("n, k", [(50, 7), (500, 50), (10, 10), (1, 5)])
def test_with_k_parcels_a_day_the_last_of_n_ready_at_once_goes_on_working_day_ceil_n_over_k(n, k):
    # Everyone claims at hour 0 (Monday 00:00); parcels go at 17:00 on Monday to Friday.
    cfg = config(dispatch_per_day=float(k), transit_distribution="fixed", transit_mean_hours=1.0, horizon=400 * 24.0)
    t = Operations(cfg, seeds(1)[0], n, np.zeros(0), trace=True).run()["trace_operations"]
    days = math.ceil(n / k)
    working = [d for d in range(400) if d % 7 < 5]
    assert np.nanmax(t["dispatched_at"]) == working[days - 1] * 24.0 + 17.0
    per_day = np.unique(t["dispatched_at"][~np.isnan(t["dispatched_at"])], return_counts=True)[1]
    assert per_day.max() == min(k, n) and per_day.sum() == n


def test_nobody_claims_a_prize_after_the_window_and_redraws_notify_new_winners():
    cfg = config(response_share=0.0, redraw=True)
    out = Operations(cfg, seeds(1)[0], 4, np.zeros(0)).run()
    assert out["unclaimed_prizes"] == 4 * 4  # the four first winners and three redraws each
    assert out["late_prizes"] == 0 and math.isnan(out["on_time_share"])


def test_winners_whose_parcel_is_late_ask_about_it_until_it_arrives():
    # One parcel a week for 20 winners, promised in 7 days: most are late, and their questions come.
    cfg = config(dispatch_per_day=1.0, dispatch_calendar=Calendar(offset=0.0, days=(True,) + (False,) * 6),
                 promise_hours=7 * 24.0, horizon=200 * 24.0, transit_distribution="fixed")
    out = Operations(cfg, seeds(1)[0], 20, np.zeros(0), trace=True).run()
    t = out["trace_operations"]
    assert out["late_prizes"] == 19 and out["on_time_share"] == pytest.approx(1 / 20)
    assert t["late_kind"].sum() > 19 and out["inquiries"] == t["late_kind"].sum()
    assert out["escalations"] > 0 and out["trust_next"] < 0.2


# -------------------------------------------------------------------------------- behaviour
def with_operations(sc, **kw):
    return attrs.evolve(sc, operations=OperationsTable(**kw))


def crowd(**ops):
    """About 20,000 entrants: everyone reached enters at once."""
    sc = H.scenario(steps=(H.step("adopt"),), reach=21_000, hours=168.0,
                    simulation={**H.HOMOGENEOUS, "base_entry_rate": 1.0})
    sc = attrs.evolve(sc, fulfilment=attrs.evolve(sc.fulfilment, response_time_hours=24.0, owner="shop"))
    return with_operations(sc, **ops)


def test_more_agents_give_shorter_answers_and_fewer_escalations():
    results = {c: simulate(crowd(support_agents=c), registry=REG, runs=6, seed=3) for c in (1, 2, 4)}
    entrants = results[1].per_run["entrants"]
    assert entrants.mean() > 15_000
    mean = {c: r.per_run["response_hours_mean"].mean() for c, r in results.items()}
    esc = {c: r.per_run["escalations"].mean() for c, r in results.items()}
    assert mean[1] > mean[2] > mean[4]
    assert esc[1] > esc[2] > esc[4]
    # common random numbers: the same questions in every variant
    assert np.array_equal(results[1].per_run["inquiries"], results[4].per_run["inquiries"])


def test_variants_of_the_desk_or_the_courier_see_the_same_winners_and_questions_run_for_run():
    """Common random numbers: the winners' and the questions' streams draw what is fixed before the
    run first, so more agents change no winner, parcel or question, and a slower courier changes no
    entrant's question nor its escalation draws (only the late winners' questions, which it causes)."""
    base = dict(dispatch_per_day=4.0, response_share=0.7, redraw=True, inquiries_per_entrant=0.05, inquiry_delay_hours=5.0,
                handling_mean_hours=2.0, promise_hours=5 * 24.0, late_interval_hours=24.0, horizon=120 * 24.0)
    times = np.linspace(0.0, 100.0, 3000)
    for seed in seeds(4, 11):
        one = Operations(config(agents=1, **base), seed, 40, times)
        one.run()
        four = Operations(config(agents=4, **base), seed, 40, times)
        four.run()
        assert any(one.late_kind), "the case must have late winners' questions"
        for name in ("claimed_at", "dispatched_at", "arrives_at", "arrival", "late_kind", "service"):
            assert np.array_equal(getattr(one, name), getattr(four, name), equal_nan=name != "late_kind"), name
        assert np.array_equal(one.escalation, four.escalation) and one.u_backlash == four.u_backlash
        assert not np.array_equal(one.answered, four.answered, equal_nan=True)  # the desk did change
        # the late winners' escalation draws, made after the run, used as much of both streams
        assert one.inq.random() == four.inq.random() and one.claims.random() == four.claims.random()
        slow = Operations(config(agents=1, **{**base, "dispatch_per_day": 1.0}), seed, 40, times)
        slow.run()
        n = one.n_entrant
        assert slow.n_entrant == n and slow.arrival[:n] == one.arrival[:n] and slow.service[:n] == one.service[:n]
        assert np.array_equal(slow.escalation, one.escalation) and slow.u_backlash == one.u_backlash
        assert slow.late_kind.count(True) > one.late_kind.count(True)
        # the draw for a backlash moves with nothing, not even the number of questions
        chatty = Operations(config(agents=1, **{**base, "inquiries_per_entrant": 0.08}), seed, 40, times)
        assert chatty.n_entrant != n and chatty.u_backlash == one.u_backlash


def test_one_agent_for_twenty_thousand_entrants_promising_24_hours_gives_many_escalations_and_a_finding():
    from campaignsim.testing import lint_string

    result = simulate(crowd(support_agents=1), registry=REG, runs=4, seed=1)
    assert result.per_run["escalations"].mean() >= 100
    assert result.per_run["unanswered"].mean() > 0 or result.per_run["response_hours_p95"].mean() > 24
    staffed = simulate(crowd(support_agents=20, support_days=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                             support_opens=0.0, support_closes=24.0), registry=REG, runs=4, seed=1)
    assert staffed.per_run["escalations"].mean() < result.per_run["escalations"].mean() / 20
    findings = lint_string("[campaign]\nexpected_entrants = 20000\n\n[fulfilment]\nresponse_time_hours = 24\n\n"
                           "[operations]\nsupport_agents = 1\n", rules=["GEN016"])
    capacity = [f for f in findings if f.key == "operations.support_agents"]
    assert len(capacity) == 1 and "600 questions" in capacity[0].message and "answer at most 372" in capacity[0].message


def mengniu_like(planned: bool):
    """An automatic draw with the platform's lottery tool, and nobody planning dispatch."""
    sc = H.scenario(platform="powerlaw", reach=8_000, quantity=30, deliver_days=None, hours=168.0)
    sc = attrs.evolve(sc, prize=attrs.evolve(sc.prize, draw_tool="weibo_lottery", draw_at=sc.campaign.end),
                      fulfilment=Fulfilment(delivery_track_record=None))
    if planned:
        sc = attrs.evolve(sc, fulfilment=Fulfilment(owner="e-commerce team", deliver_within_days=14, response_time_hours=12),
                          operations=OperationsTable(dispatch_per_day=30, dispatch_starts_days=1, support_agents=2))
    return sc


def test_an_automatic_draw_with_no_dispatch_plan_gives_late_prizes_and_public_complaints():
    bare = simulate(mengniu_like(False), registry=REG, runs=60, seed=2)
    planned = simulate(mengniu_like(True), registry=REG, runs=60, seed=2)
    assert np.all(bare.per_run["winners"] == 30)
    assert bare.per_run["late_prizes"].mean() >= 5
    assert (bare.per_run["late_prizes"] > 0).mean() >= 0.2  # about a third of the runs: the unplanned start comes after the promise
    assert bare.per_run["public_complaints"].mean() >= 1
    assert bare.per_run["trust_next"].mean() < planned.per_run["trust_next"].mean()
    assert planned.per_run["late_prizes"].mean() < bare.per_run["late_prizes"].mean() / 5
    assert planned.per_run["public_complaints"].mean() < bare.per_run["public_complaints"].mean()


def test_public_complaints_raise_the_backlash_probability():
    # backlash_per_complaint raised from its default (a backlash in about 1 run in 200 here) so that
    # 60 runs show enough of them to compare: runs with a backlash had more public complaints
    sc = attrs.evolve(mengniu_like(False), simulation=(("backlash_per_complaint", 0.2),))
    bare = simulate(sc, registry=REG, runs=60, seed=2)
    hit = bare.per_run["backlash"] == 1
    assert 5 <= hit.sum() <= 55
    assert bare.per_run["public_complaints"][hit].mean() > 2 * bare.per_run["public_complaints"][~hit].mean()


def test_the_support_queue_is_reported_hour_by_hour_and_is_the_same_for_the_same_seed():
    a = simulate(crowd(support_agents=1), registry=REG, runs=3, seed=5)
    b = simulate(crowd(support_agents=1), registry=REG, runs=3, seed=5)
    queue = a.to_json_dict()["support_queue"]
    assert len(queue["hour"]) == a.config.operations.hours and max(queue["mean"]) > 50
    assert np.array_equal(a.per_run["timeline_support_queue"], b.per_run["timeline_support_queue"])
    doc = a.to_json_dict()["outputs"]
    for key in ("on_time_share", "response_hours_mean", "response_hours_p95", "unanswered", "escalations", "public_complaints"):
        assert set(doc[key]) == {"mean", "low", "high", "p05", "p95"}
    assert 0 <= doc["backlash_probability"] <= 1


def test_a_thinned_desk_keeps_its_load_and_its_handling_time():
    # 60,000 questions (over the 50,000 a run simulates one by one): each simulated question stands
    # for two, and the desk gets half of its four agents. Utilisation stays 0.5 and a question still
    # takes an hour to handle, so the mean response is about 1 h + the Erlang C wait of 2 agents
    # (0.33 h); stretching handling times instead would give about 2.2 h.
    length = 30_000.0  # 2 questions an hour: about 60,000
    grid = np.linspace(0.0, length, 200_001)
    cfg = config(agents=4, inquiries_per_entrant=2.0 * length / len(grid), horizon=length * 1.2, handling_mean_hours=1.0)
    ops = Operations(cfg, seeds(1)[0], 0, grid)
    assert ops.w_inquiries == 2 and ops.agents == 2 and ops.handling_mean == pytest.approx(1.0)
    out = ops.run()
    assert abs(out["inquiries"] - 60_000) <= 4 * math.sqrt(60_000) + 2
    assert 1.2 <= out["response_hours_mean"] <= 1.5
    assert out["unanswered"] == 0


# ------------------------------------------------------------------ processes and resources
def test_winners_are_processes_and_questions_queue_on_the_desk_resource(monkeypatch):
    import simpy

    from campaignsim.sim import operations

    started: dict[str, int] = {}

    def counting(base):
        class Counting(base):
            def __init__(self, env, generator):
                started[generator.__name__] = started.get(generator.__name__, 0) + 1
                super().__init__(env, generator)
        return Counting

    monkeypatch.setattr(operations, "Process", counting(simpy.events.Process))
    monkeypatch.setattr(operations, "Started", counting(operations.Started))
    cfg = config(agents=3, dispatch_per_day=5.0, response_share=0.5, redraw=True, inquiries_per_entrant=0.05,
                 inquiry_delay_hours=5.0, handling_mean_hours=2.0, horizon=200 * 24.0)
    ops = Operations(cfg, seeds(1)[0], 40, np.linspace(0.0, 100.0, 2000))
    assert isinstance(ops.desk, simpy.Resource) and ops.desk.capacity == 3
    assert isinstance(ops.slots, simpy.Container)
    # every question asks the desk Resource for an agent; record what the Resource says at the request
    requests = []

    class CountingQuestion(operations.Question):
        def __init__(self, desk, question):
            users = len(desk.users)  # before the request: a free agent takes it at once
            super().__init__(desk, question)
            requests.append((self, self.triggered, ops.env.now, users))

    monkeypatch.setattr(operations, "Question", CountingQuestion)
    out = ops.run()
    # one process per winner notified (first round and redraws), and the courier
    assert started["winner"] == 40 + (ops.next_row - 40) and ops.next_row > 40
    assert issubclass(operations.Started, simpy.events.Process)
    assert started["courier"] == 1 and started["announcement"] == 1
    # one Request per question, at its arrival, in arrival order
    assert len(requests) == out["inquiries"] == len(ops.arrival) > 0
    assert all(isinstance(agent, simpy.resources.resource.Request) for agent, *_ in requests)
    assert [at for _, _, at, _ in requests] == sorted(ops.arrival)
    # a question arriving to three busy agents queues on the Resource and gets an agent only when one is released
    queued = [(agent, at) for agent, granted, at, users in requests if not granted]
    assert queued and all(users == 3 for _, granted, _, users in requests if not granted)
    released = set(ops.answered)
    for agent, at in queued:
        i = agent.question
        assert ops.started[i] > at and ops.started[i] in released
    # nobody is answered before being taken, and no agent is held at the end by an answered question
    assert np.all(np.asarray(ops.started) + np.asarray(ops.service) == np.asarray(ops.answered))
    assert len(ops.desk.users) == 0 and len(ops.desk.queue) == 0


def test_questions_taken_while_the_desk_is_closed_start_at_the_opening_first_come_first_served():
    import heapq

    # Desk Monday to Friday 09:00–18:00 (hour 0 = Monday 00:00), two agents; about ten questions in the night.
    desk = Calendar(offset=0.0, days=(True,) * 5 + (False, False), opens=9.0, closes=18.0)
    cfg = config(agents=2, support_calendar=desk, inquiries_per_entrant=0.2, inquiry_delay_hours=0.0, handling_mean_hours=0.5)
    ops = Operations(cfg, seeds(1)[0], 0, np.linspace(0.0, 6.0, 50), trace=True)
    t = ops.run()["trace_operations"]
    n = len(t["arrival"])
    assert n >= 3 and t["arrival"].max() < 9.0
    # two agents, first come first served, nobody starts before 09:00
    free = [9.0, 9.0]
    expected = []
    for service in ops.service:
        start = heapq.heappop(free)
        expected.append(start)
        heapq.heappush(free, start + service)
    assert np.allclose(t["started"], expected)
    assert np.allclose(t["answered"], np.asarray(expected) + np.asarray(ops.service))
    # one that arrives on Friday at 17:59 with a free agent is taken at once and finished after the closing
    late = Operations(cfg, seeds(2)[0], 0, np.full(40, 4 * 24.0 + 17.99), trace=True)
    first = late.run()["trace_operations"]
    assert len(first["arrival"]) and first["started"][0] == pytest.approx(first["arrival"][0])


def test_questions_asked_while_the_desk_is_closed_reach_it_together_at_the_opening():
    """The night's questions would only wait for an agent until the opening: they reach the desk in one
    event there, not one event each, and are still served first asked, first served."""
    desk = Calendar(offset=0.0, days=(True,) * 5 + (False, False), opens=9.0, closes=18.0)
    cfg = config(agents=2, support_calendar=desk, inquiries_per_entrant=1.0, inquiry_delay_hours=0.0, handling_mean_hours=0.1)
    ops = Operations(cfg, seeds(1)[0], 0, np.linspace(0.0, 6.0, 200))
    out = ops.run()
    n = len(ops.arrival)
    assert n >= 150 and max(ops.arrival) < 9.0 and out["unanswered"] == 0
    scheduled = next(ops.env._eid)  # SimPy numbers every scheduled event
    # per question: its request, its handling and the agent's release; a few more for the opening and
    # the run's end (one arrival event per question would add n)
    assert scheduled <= 3 * n + 5, (scheduled, n)
    assert list(ops.started) == sorted(ops.started) and min(ops.started) == 9.0
    # a late winner's question asked in the night joins the same opening, in the order of asking
    night = Operations(cfg, seeds(1)[0], 0, np.linspace(0.0, 6.0, 200))
    night.env.timeout(3.0).callbacks.append(lambda _event: night.ask())
    night.run()
    winner = len(night.arrival) - 1
    assert night.arrival[winner] == 3.0
    earlier = sum(1 for t in night.arrival[:winner] if t < 3.0)
    assert sorted(night.started).index(night.started[winner]) == earlier


def test_a_parcel_claimed_after_the_pick_up_waits_for_the_next_dispatch_day():
    # Claimed Monday 18:00 (after the 17:00 pick-up), Friday 18:00 (→ next Monday): slots lapse, they are not kept.
    for claim, dispatched in ((18.0, 24.0 + 17.0), (4 * 24.0 + 18.0, 7 * 24.0 + 17.0)):
        cfg = config(announce_hours=claim, dispatch_per_day=10.0, transit_distribution="fixed", horizon=40 * 24.0)
        t = Operations(cfg, seeds(1)[0], 3, np.zeros(0), trace=True).run()["trace_operations"]
        assert np.all(t["claimed_at"] == claim)
        assert np.all(t["dispatched_at"] == dispatched)


def test_a_winner_whose_parcel_never_comes_gives_up_asking_after_max_chases():
    from campaignsim.sim.operations import MAX_CHASES

    # a courier that never comes (no dispatch day), a promise 14 days after the draw, followed for five
    # years: without a bound each winner would ask every three days until the end, about 600 times
    never = Calendar(offset=0.0, days=(False,) * 7)
    cfg = config(dispatch_per_day=5.0, dispatch_calendar=never, late_interval_hours=72.0, horizon=5 * 365 * 24.0)
    ops = Operations(cfg, seeds(1)[0], 10, np.zeros(0))
    out = ops.run()
    assert out["late_prizes"] == 10
    assert sum(ops.late_kind) == 10 * MAX_CHASES
