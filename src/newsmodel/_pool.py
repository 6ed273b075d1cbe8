"""A small process pool for batch work: ordered results, bounded memory, per-task timeouts.

Each worker process takes one task at a time over its own pipe, so the pool
always knows which task a worker is on and since when. A worker that runs
past the timeout, or dies (a crash in native code, ``os._exit``, the
out-of-memory killer), is killed and replaced; its task's result is a
:class:`Failure` and the run goes on. Results come back in the order the tasks
were given, and no more than ``window`` tasks are ever taken from the input
before their results are handed back, so memory stays flat however many tasks
there are. Workers are started with ``spawn`` (the same on every platform; the
job and its argument must pickle, and a script that starts a pool needs the
``if __name__ == "__main__":`` guard).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

import attrs

from newsmodel.errors import NewsmodelError

__all__ = ["Failure", "Pool", "PoolError"]

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

#: Tasks taken ahead of the oldest unfinished one, per worker (keeps workers busy
#: while an earlier task is slow, without holding more than this many results).
AHEAD_PER_WORKER = 4
#: Seconds a worker gets to exit on its own at the end before it is killed.
STOP_GRACE = 5.0


@attrs.frozen
class Failure:
    """A task whose worker failed: it timed out, died, or its job raised."""

    reason: str


def _serve(conn: Connection, job: Callable[[S, T], R], spec: S) -> None:
    """The worker's loop: a task in, its result (or the job's exception) out; ``None`` stops.

    It says it is ready first, so that its start-up never counts against a task's timeout.
    """
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            result: object = job(spec, task)
        except Exception as exc:  # a bug in the job: reported for this task, the worker goes on
            result = Failure(f"{type(exc).__name__}: {exc}")
        conn.send(result)


#: What a worker sends once it has started.
_READY = "ready"
#: Workers that may fail to start in a row before the pool gives up.
MAX_START_FAILURES = 3


class PoolError(NewsmodelError, RuntimeError):
    """Worker processes cannot be started."""


@attrs.define
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    #: The index of the task it is on and when it must be done (``None`` when idle).
    task: int | None = None
    deadline: float = 0.0


class Pool(Generic[S, T, R]):
    """``workers`` processes that run ``job(spec, task)``; see :meth:`map`."""

    def __init__(
        self,
        job: Callable[[S, T], R],
        spec: S,
        *,
        workers: int,
        timeout: float | None = None,
    ) -> None:
        self._job = job
        self._spec = spec
        self._size = max(1, workers)
        self._timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._failed_starts = 0

    def __enter__(self) -> Pool[S, T, R]:
        self._workers = [self._start() for _ in range(self._size)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(theirs, self._job, self._spec), daemon=True
        )
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self._workers[self._workers.index(worker)] = self._start()

    def _started(self, worker: _Worker, ready: Sequence[object]) -> None:
        """Mark ``worker`` ready when it says so; replace it when it died starting."""
        if worker.conn in ready:
            try:
                worker.ready = worker.conn.recv() == _READY
                self._failed_starts = 0
                return
            except (EOFError, OSError):
                pass
        if worker.conn in ready or worker.process.sentinel in ready:
            self._failed_starts += 1
            if self._failed_starts >= MAX_START_FAILURES:
                raise PoolError(
                    f"worker processes exit as they start ({self._failed_starts} in a row)"
                )
            self._replace(worker)

    def close(self) -> None:
        """Stop every worker (those that do not stop in time are killed)."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        end = time.monotonic() + STOP_GRACE
        for worker in self._workers:
            worker.process.join(max(0.0, end - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers = []

    def map(self, tasks: Iterable[T]) -> Iterator[tuple[T, R | Failure]]:
        """Each task with its result, in the order of ``tasks``."""
        source = iter(tasks)
        waiting: dict[int, T] = {}  # index -> task, taken but not handed back
        done: dict[int, R | Failure] = {}
        queued: list[int] = []  # taken, not yet sent to a worker (in order)
        taken = handed = 0
        exhausted = False
        window = self._size * AHEAD_PER_WORKER
        while not exhausted or waiting:
            while not exhausted and taken - handed < window:
                try:
                    waiting[taken] = next(source)
                except StopIteration:
                    exhausted = True
                    break
                queued.append(taken)
                taken += 1
            self._dispatch(queued, waiting)
            while handed in done:
                yield waiting.pop(handed), done.pop(handed)
                handed += 1
            if waiting and handed not in done:
                self._collect(done)

    def _dispatch(self, queued: list[int], waiting: dict[int, T]) -> None:
        for worker in self._workers:
            if worker.ready and worker.task is None and queued:
                index = queued.pop(0)
                worker.conn.send(waiting[index])
                worker.task = index
                worker.deadline = time.monotonic() + (self._timeout or 0.0)

    def _collect(self, done: dict[int, R | Failure]) -> None:
        """Wait for a result, a dead worker or a timeout, and record what happened."""
        busy = [w for w in self._workers if w.task is not None]
        starting = [w for w in self._workers if not w.ready]
        wait: float | None = None
        if self._timeout and busy:
            wait = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        watched = busy + starting
        handles: list[object] = [w.conn for w in watched] + [w.process.sentinel for w in watched]
        ready = multiprocessing.connection.wait(handles, wait)  # type: ignore[arg-type]
        for worker in starting:
            self._started(worker, ready)
        now = time.monotonic()
        for worker in busy:
            index = worker.task
            assert index is not None
            if worker.conn in ready:
                try:
                    done[index] = worker.conn.recv()
                    worker.task = None
                    continue
                except (EOFError, OSError):
                    pass  # died while sending: handled as a dead worker
            if worker.conn in ready or worker.process.sentinel in ready:
                worker.process.join(STOP_GRACE)  # its pipe can close before it has exited
                code = worker.process.exitcode
                done[index] = Failure(f"the worker process died (exit code {code})")
                self._replace(worker)
            elif self._timeout and now >= worker.deadline:
                done[index] = Failure(f"timed out after {self._timeout:g} s; the worker was killed")
                self._replace(worker)
