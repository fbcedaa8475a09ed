"""Where replications run: in this process, in worker processes on this machine, or on a Dask cluster.

Every command that simulates (``simulate``, ``run``, ``compare``, ``sweep``, ``sensitivity``,
``calibrate``) hands its work to one :class:`Executor` as a list of independent tasks, each a
function and its arguments. The seeds travel inside the tasks (they are derived from one
``SeedSequence`` before anything is sent), so the results do not depend on where, in which order or
how often a task runs: a local run, a run on a cluster and a run whose worker died half way give the
same numbers.

    with executor_for(jobs=0, scheduler=None) as ex:       # processes on this machine
        results = ex.map(run_many, [(cfg, seeds[:50]), (cfg, seeds[50:])])

``scheduler`` is the address of an existing Dask distributed scheduler (``tcp://HOST:PORT``); the
``--scheduler`` option of the commands also reads ``DASK_SCHEDULER_ADDRESS``, Dask's own convention.
Dask is imported only when a scheduler is given (``pip install 'campaignsim[distributed]'``).
"""

from __future__ import annotations

import abc
import os
from typing import Any, Callable, Optional, Sequence

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "ExecutorError", "executor_for", "chunk_bounds"]

#: How often a task is retried on the cluster when the worker running it dies (Dask ``retries``).
DASK_RETRIES = 3


class ExecutorError(Exception):
    """The work could not be handed out: no scheduler at the address, Dask not installed…"""


def chunk_bounds(total: int, workers: int, per_worker: int = 4) -> list[tuple[int, int]]:
    """Split ``total`` items into contiguous chunks: about ``per_worker`` chunks for each worker.

    Few chunks keep the per-task overhead (pickling the configuration, a round trip to the worker)
    small against the work; several per worker keep the workers busy to the end when chunks take
    unequal time.
    """
    if total <= 0:
        return []
    n = max(1, min(total, workers * per_worker))
    step, extra = divmod(total, n)
    bounds, a = [], 0
    for i in range(n):
        b = a + step + (1 if i < extra else 0)
        bounds.append((a, b))
        a = b
    return bounds


class Executor(abc.ABC):
    """Runs independent tasks and returns their results in the order the tasks were given."""

    workers: int = 1

    @abc.abstractmethod
    def map(self, fn: Callable, tasks: Sequence[tuple], progress: Optional[Callable[[Any, Any], None]] = None) -> list:
        """``[fn(*task) for task in tasks]``; ``progress(task, result)`` is called as each finishes."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class LocalExecutor(Executor):
    """This process (``jobs=1``) or a pool of worker processes on this machine, kept for the whole command."""

    def __init__(self, jobs: int = 1):
        if not jobs or jobs < 1:
            jobs = os.cpu_count() or 1
        self.workers = min(jobs, os.cpu_count() or 1)  # --jobs is capped: more workers than CPUs only cost memory
        self._pool = None

    def map(self, fn, tasks, progress=None):
        tasks = list(tasks)
        if self.workers == 1 or len(tasks) <= 1:
            out = []
            for task in tasks:
                result = fn(*task)
                out.append(result)
                if progress:
                    progress(task, result)
            return out
        from concurrent.futures import ProcessPoolExecutor, as_completed

        if self._pool is None:
            # No more processes than tasks: --jobs is capped at the runs too (each task is a chunk of runs).
            self._pool = ProcessPoolExecutor(max_workers=min(self.workers, len(tasks)))
        futures = {self._pool.submit(fn, *task): i for i, task in enumerate(tasks)}
        results: list = [None] * len(tasks)
        for future in as_completed(futures):
            i = futures[future]
            results[i] = future.result()
            if progress:
                progress(tasks[i], results[i])
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class DaskExecutor(Executor):
    """Tasks sent to an existing Dask distributed scheduler; a task whose worker dies is run again."""

    def __init__(self, address: str, timeout: float = 10.0):
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - depends on the environment
            raise ExecutorError("--scheduler needs Dask distributed: pip install 'campaignsim[distributed]'") from None
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.address = address
        workers = self.client.scheduler_info().get("workers", {})
        self.workers = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def map(self, fn, tasks, progress=None):
        from distributed import as_completed

        tasks = list(tasks)
        futures = [self.client.submit(fn, *task, pure=False, retries=DASK_RETRIES) for task in tasks]
        index = {f.key: i for i, f in enumerate(futures)}
        results: list = [None] * len(tasks)
        try:
            for future in as_completed(futures, loop=self.client.loop):
                i = index[future.key]
                results[i] = future.result()
                if progress:
                    progress(tasks[i], results[i])
        finally:
            for f in futures:
                f.release()
        return results

    def close(self) -> None:
        self.client.close()


def executor_for(jobs: int = 1, scheduler: Optional[str] = None) -> Executor:
    """A Dask executor when ``scheduler`` is an address, else processes on this machine (``jobs``; 0: one per CPU)."""
    if scheduler:
        return DaskExecutor(scheduler)
    return LocalExecutor(jobs)
