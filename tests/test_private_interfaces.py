"""Guards for the private interfaces campaignsim uses for speed.

pycountry's tables and importlib.metadata's normalized names have a fallback, so a new pycountry or
Python that changes them would not break anything visibly: it would only make every lint slower.
SimPy's resource triggers have none: the support desk would stop handing agents on. These tests fail
loudly instead, saying what changed.
"""

import importlib.metadata as metadata
import json
import os
import sys

import pycountry
import pytest

from campaignsim.load import codes
from campaignsim.plugin import ENTRY_POINT_GROUP
from campaignsim.plugin.manager import BUILTIN_PREFIX, _entry_points


def _pycountry_version() -> str:
    return metadata.version("pycountry")


@pytest.mark.parametrize("table", [codes._CURRENCIES, codes._COUNTRIES, codes._SUBDIVISIONS], ids=lambda t: t[0])
def test_pycountrys_json_tables_have_the_shape_load_codes_reads(table):
    file, root_key, field, database = table
    folder = codes._database_folder()
    where = f"pycountry {_pycountry_version()}: campaignsim.load.codes reads {file}"
    assert folder is not None and os.path.isdir(folder), f"{where}, but pycountry has no databases folder any more ({folder})"
    path = os.path.join(folder, file)
    assert os.path.isfile(path), f"{where}, which is no longer in {folder}: update the table names in load/codes.py"
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    assert isinstance(data, dict) and isinstance(data.get(root_key), list), (
        f"{where}: its top-level key {root_key!r} no longer holds a list (keys: {sorted(data)[:5]})")
    missing = [entry for entry in data[root_key] if not isinstance(entry.get(field), str)]
    assert not missing, f"{where}: {len(missing)} entries lack the string field {field!r}, e.g. {missing[0]}"
    # The fast path must give exactly what pycountry's public API gives.
    public = frozenset(getattr(entry, field).lower() for entry in getattr(pycountry, database))
    assert codes._codes.__wrapped__(*table) == public, f"{where}: its codes differ from pycountry.{database}'s"


def test_pycountrys_language_table_has_the_shape_load_codes_reads():
    folder = codes._database_folder()
    path = os.path.join(folder, "iso639-3.json")
    with open(path, encoding="utf-8") as handle:
        entries = json.load(handle)["639-3"]
    assert any("alpha_2" in entry for entry in entries), f"pycountry {_pycountry_version()}: iso639-3.json has no alpha_2 codes any more"
    public = frozenset(entry.alpha_2 for entry in pycountry.languages if hasattr(entry, "alpha_2"))
    assert codes._languages.__wrapped__() == public


def test_importlib_metadata_still_tells_distributions_apart_by_normalized_name():
    python = f"Python {sys.version_info[0]}.{sys.version_info[1]}"
    for dist in metadata.distributions():
        assert isinstance(getattr(dist, "_normalized_name", None), str), (
            f"{python}: importlib.metadata's Distribution has no _normalized_name any more; plugin.manager._entry_points "
            "falls back to the slower entry_points() scan: find what entry_points() deduplicates by now")
    # The quick scan must find what the standard one finds, in the same order.
    standard = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (not ep.value.startswith(BUILTIN_PREFIX), ep.name))
    quick = _entry_points()
    assert [(ep.name, ep.value) for ep in quick] == [(ep.name, ep.value) for ep in standard], (
        f"{python}: the entry points found by distribution _normalized_name differ from importlib.metadata.entry_points()'s")


def _serve_with_processes(arrivals, services, capacity):
    """Start times of questions at a simpy.Resource, each question a process that waits for its request."""
    import simpy

    env = simpy.Environment()
    desk = simpy.Resource(env, capacity=capacity)
    started = [None] * len(arrivals)

    def question(i):
        yield env.timeout(arrivals[i])
        request = desk.request()
        yield request
        started[i] = env.now
        yield env.timeout(services[i])
        desk.release(request)

    for i in range(len(arrivals)):
        env.process(question(i))
    env.run()
    return started


def _serve_at_the_desk(arrivals, services, capacity):
    """Start times of the same questions at sim.operations.Desk, driven by its grants and timeouts as the operations drive it."""
    import simpy
    from simpy.events import Timeout

    from campaignsim.sim.operations import Desk, Question

    env = simpy.Environment()
    started = [None] * len(arrivals)

    def granted(request):
        started[request.question] = env.now
        Timeout(env, services[request.question], request).callbacks.append(lambda done: desk.release(done.value))

    desk = Desk(env, capacity, granted)
    for i, at in enumerate(arrivals):
        Timeout(env, at, i).callbacks.append(lambda arrival: Question(desk, arrival.value))
    env.run()
    return started, desk


@pytest.mark.parametrize("capacity", [1, 3])
def test_the_support_desk_starts_questions_exactly_when_simpys_resource_does(capacity):
    """sim.operations.Desk grants requests and frees agents at once, without scheduling the request's
    event or a Release event: it overrides the private BaseResource._trigger_put (which SimPy's request
    calls when it is made), reads put_queue and users, and sets the granted event's private _ok and _value.
    If SimPy changes any of them, the desk's queue would no longer be SimPy's. The same questions must
    start at the same times as with processes waiting on a simpy.Resource."""
    import numpy as np
    from simpy.resources.base import BaseResource

    where = f"simpy {metadata.version('simpy')}"
    assert callable(getattr(BaseResource, "_trigger_put", None)), f"{where}: BaseResource._trigger_put is gone (sim/operations.py Desk)"
    import simpy

    plain = simpy.Resource(simpy.Environment(), capacity=1)
    assert isinstance(plain.put_queue, list) and plain.put_queue is plain.queue, f"{where}: Resource.put_queue is no longer its queue list"
    rng = np.random.default_rng(5)
    arrivals = np.sort(rng.uniform(0, 100, 300)).tolist()
    services = rng.exponential(0.9 * capacity * 100 / 300, 300).tolist()
    at_desk, desk = _serve_at_the_desk(arrivals, services, capacity)
    assert at_desk == _serve_with_processes(arrivals, services, capacity), (
        f"{where}: sim.operations.Desk no longer serves questions as simpy.Resource does")
    assert any(start > at for start, at in zip(at_desk, arrivals)), "some questions must have queued"
    assert desk.users == [] and desk.queue == []


def test_a_grant_that_frees_the_agent_at_once_leaves_the_desks_queue_in_order():
    """A question handled in no time releases its agent inside the grant: the desk must have taken the
    request out of its queue first, or it would grant it again."""
    import simpy
    from simpy.events import Timeout

    from campaignsim.sim.operations import Desk, Question

    env = simpy.Environment()
    served = []

    def granted(request):
        served.append(request.question)
        desk.release(request)  # handled at once

    desk = Desk(env, 1, granted)
    blocker = Question.__new__(Question)  # an agent busy until t = 1, so that the questions queue
    desk.users.append(blocker)
    for i in range(5):
        Question(desk, i)
    assert served == [] and len(desk.queue) == 5
    Timeout(env, 1.0).callbacks.append(lambda _: desk.release(blocker))
    env.run()
    assert served == [0, 1, 2, 3, 4] and desk.users == [] and desk.queue == []


def test_a_process_started_at_once_lives_as_simpys_process_does():
    """sim.operations.Started makes a SimPy process without SimPy's Initialize event: it sets the private
    attributes simpy.events.Process.__init__ sets (_generator, _target) and resumes through _resume. Once
    the moment it is made has passed, a process and its Started twin must have stepped at the same times,
    return the same value, be waited for alike, and report the same state."""
    import simpy
    from simpy.events import Process

    from campaignsim.sim.operations import Started

    where = f"simpy {metadata.version('simpy')}"

    def run(kind):
        env = simpy.Environment()
        log = []

        def worker(delays):
            for d in delays:
                yield env.timeout(d)
                log.append(("step", env.now, env.active_process is not None))
            return len(delays)

        def waiter(proc):
            value = yield proc
            log.append(("joined", env.now, value))

        def starter():
            yield env.timeout(1.0)
            procs = [kind(env, worker(delays)) for delays in ([2.0, 0.5], [0.25], [])]
            for p in procs:
                env.process(waiter(p))
            yield env.timeout(0.1)  # Started has run the first step already, Process at its Initialize: the same by now
            log.append(("alive", [p.is_alive for p in procs], [p.target is not None for p in procs]))

        env.process(starter())
        env.run()
        return log

    assert run(Started) == run(Process), f"{where}: sim.operations.Started no longer behaves as simpy.events.Process"
