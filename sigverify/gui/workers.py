"""All model work runs in one worker thread, one job at a time.

The :class:`Engine` owns that thread. Inside it live the worker's own store connection
and the loaded model (ONNX Runtime with a set number of threads; a training job brings
torch with the same count): two such users on a small CPU slow each other down many
times over, so there is never a second one. Pages
``submit`` a function ``fn(context, job)``; its result, error or progress come back as
callbacks in the GUI thread.

A long job submitted with ``yields=True`` (the Queue's check, a training) lets jobs
submitted with ``urgent=True`` (a clerk's word on an item, a verification at the desk and
its record) run at its progress and report points, in the same thread: clerks waited
for a whole check before a decision was written (seen in a real window). An urgent job
never overtakes a job submitted before it (other than the yielding one): a verification
after a change of thresholds sees the change. While a yielding job is paused (a training),
every job waiting runs, in order.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from sigverify.core.store.records import PendingChange
from sigverify.gui.worker_context import ModelInfo, WorkerContext


class Job(QObject):
    """One submitted function. ``cancel()`` makes ``progress()`` return False in the worker,
    which the core callbacks take as "stop"."""

    _done = Signal(object)
    _failed = Signal(object, str)
    _progress = Signal(int, int)
    _report = Signal(object)
    ran = Signal()  # the worker is done with it, before the callbacks (GUI thread)
    finished = Signal()  # after the callbacks ran, success or not (GUI thread)

    def __init__(
        self, fn, on_done=None, on_error=None, on_progress=None, on_report=None, parent=None
    ):
        super().__init__(parent)
        self.fn = fn
        self.cancelled = False
        self.paused = False
        self.urgent = False  # may run at a yielding job's progress points
        self.yields = False  # lets urgent jobs run at its progress points
        self.claimed = False  # taken by the worker (it runs once, in order or urgently)
        self.seq = 0  # its place in the order jobs were submitted
        self.name = ""  # what it is, said to jobs waiting for it (Engine.waiting_for)
        self._run_urgent: Callable[[], None] | None = None
        self._run_waiting: Callable[[], None] | None = None  # (all of them, while paused)
        self._on_report = on_report
        self._report.connect(self._deliver_report)
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self.result: Any = None
        self.error: BaseException | None = None
        self._done.connect(self._deliver_done)
        self._failed.connect(self._deliver_error)
        self._progress.connect(self._deliver_progress)

    def cancel(self) -> None:
        self.cancelled = True

    def progress(self, done: int, total: int) -> bool:
        """Called in the worker; returns False once cancelled. A yielding job runs the
        urgent jobs waiting here."""
        self._progress.emit(int(done), int(total))
        if self._run_urgent is not None:
            self._run_urgent()
        return not self.cancelled

    def report(self, value) -> bool:
        """Called in the worker with any object (e.g. training progress); while paused it
        waits here. A yielding job runs the urgent jobs waiting here, and while paused
        every job (a verification during a training waited for its end, "Checking…" all
        the while: seen in a real window). Returns False once cancelled."""
        self._report.emit(value)
        if self._run_urgent is not None:
            self._run_urgent()
        while self.paused and not self.cancelled:
            time.sleep(0.05)
            if self._run_waiting is not None:
                self._run_waiting()
        return not self.cancelled

    @Slot(object)
    def _deliver_report(self, value) -> None:
        if self._on_report is not None:
            self._on_report(value)

    @Slot(object)
    def _deliver_done(self, result) -> None:
        self.result = result
        self.ran.emit()
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self.finished.emit()

    @Slot(object, str)
    def _deliver_error(self, error, details) -> None:
        self.error = error
        error.details = details  # the traceback, for the "copy details" button
        self.ran.emit()
        try:
            if self._on_error is not None:
                self._on_error(error)
            else:
                from sigverify.gui import dialogs

                dialogs.show_error(None, error)
        finally:
            self.finished.emit()

    @Slot(int, int)
    def _deliver_progress(self, done, total) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


class _Runner(QObject):
    def __init__(self, context: WorkerContext):
        super().__init__()
        self.context = context
        self._urgent: deque[Job] = deque()  # added in the GUI thread, taken in this one
        self._unclaimed: set[int] = set()  # the places of the jobs not taken yet
        self._waiting: dict[int, Job] = {}  # those jobs, by place
        self._submitted = 0
        self._lock = threading.Lock()

    def add(self, job: Job) -> None:
        """A job submitted (in the GUI thread): given its place, and noted as urgent."""
        with self._lock:
            self._submitted += 1
            job.seq = self._submitted
            self._unclaimed.add(job.seq)
            self._waiting[job.seq] = job
            if job.urgent:
                self._urgent.append(job)

    def _next_urgent(self) -> Job | None:
        """The first urgent job waiting, when no job submitted before it waits too."""
        with self._lock:
            if self._urgent and min(self._unclaimed) == self._urgent[0].seq:
                return self._urgent.popleft()
            return None

    def _drop_urgent(self, job: Job) -> None:
        """An urgent job come in order, no longer waiting to run early."""
        with self._lock:
            if job in self._urgent:
                self._urgent.remove(job)

    @Slot(object)
    def run(self, job: Job) -> None:
        if job.urgent:
            self._drop_urgent(job)
        if job.yields:
            job._run_urgent, job._run_waiting = self.run_urgent, self.run_waiting
        self._execute(job)

    def run_urgent(self) -> None:
        """The urgent jobs submitted since, now (at a yielding job's progress point)."""
        while (job := self._next_urgent()) is not None:
            self._execute(job)

    def run_waiting(self) -> None:
        """Every job submitted since, in order, now (while a yielding job is paused: an
        enrolment during a paused training held every verification until the resume, seen
        in a real window)."""
        while True:
            with self._lock:
                job = self._waiting.get(min(self._unclaimed)) if self._unclaimed else None
            if job is None or job.claimed:
                return
            self.run(job)

    def _execute(self, job: Job) -> None:
        with self._lock:
            if job.claimed:
                return  # (an urgent job run already, its turn in order come)
            job.claimed = True
            self._unclaimed.discard(job.seq)
            self._waiting.pop(job.seq, None)
        try:
            result = job.fn(self.context, job)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI
            job._failed.emit(error, traceback.format_exc())
        else:
            job._done.emit(result)

    @Slot()
    def close(self) -> None:
        self.context.close()


class Engine(QObject):
    """The single worker thread. ``pending`` counts jobs not finished yet (their callbacks
    included); ``running`` those the worker has not finished."""

    _submit = Signal(object)
    _close = Signal()
    busy_changed = Signal(bool)  # pending jobs or none
    #: The worker is running jobs or not, for the busy bar: it showed while a job's error
    #: message was open, as if work still went on (seen in a real window).
    working_changed = Signal(bool)
    #: what jobs submitted now wait for (:meth:`held_by`), at each job submitted and
    #: finished: "" when nothing (an enrolment during a training waited unsaid)
    waiting_for = Signal(str)
    model_changed = Signal(object)  # ModelInfo
    pen_model_changed = Signal(object)  # ModelInfo of the pen model just activated

    def __init__(self, store_path: Path | None = None, threads: int = 2, parent=None):
        super().__init__(parent)
        self.model: ModelInfo | None = None
        self.pending = self.running = 0
        self._working = False  # as working_changed last said
        self._yielding = 0  # pending jobs that let urgent ones by (a Queue check)
        self._idle_waiters: list[Callable[[], None]] = []
        self.closed = False  # shut down: no more jobs run
        self._jobs: set[Job] = set()
        self._thread = QThread()
        self._thread.setObjectName("sigverify-worker")
        self._runner = _Runner(WorkerContext(store_path, threads))
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._close.connect(self._runner.close)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[WorkerContext, Job], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_report: Callable[[Any], None] | None = None,
        urgent: bool = False,
        yields: bool = False,
        name: str = "",
    ) -> Job:
        """Run ``fn(context, job)`` in the worker after the jobs before it; an ``urgent``
        one also at the next progress point of a running job submitted with ``yields``
        (``name``: what it is, for :attr:`waiting_for`)."""
        job = Job(fn, on_done, on_error, on_progress, on_report)
        job.urgent, job.yields, job.name = urgent, yields, name
        self._runner.add(job)
        self._yielding += yields
        self._jobs.add(job)
        self.pending += 1
        self.running += 1
        if self.pending == 1:
            self.busy_changed.emit(True)
        self._say_working()
        job.ran.connect(self._ran)
        job.finished.connect(lambda: self._finished(job))
        self._submit.emit(job)
        self.waiting_for.emit(self.held_by())
        return job

    @property
    def model_path(self) -> Path | None:
        """The folder of the image model loaded (None before one is)."""
        return self.model.path if self.model is not None else None

    def yielding_now(self) -> str:
        """The name of the yielding job pending (a training, a Queue check), "" if none."""
        return next((j.name for j in self._jobs if j.yields and j.name), "")

    def pending_besides(self, job: Job | None) -> bool:
        """Whether any job but ``job`` is waiting or running."""
        return any(j is not job for j in self._jobs)

    def held_by(self) -> str:
        """The name of the yielding job (a training, a Queue check, not paused) that jobs
        submitted now wait for, urgent ones too: an ordinary job waits behind it, and they
        may not pass that one; "" when nothing is held."""
        running = next((j for j in self._jobs if j.yields and j.name and not j.paused), None)
        held = any(not (j.yields or j.urgent) for j in self._jobs)
        return running.name if running is not None and held else ""

    def when_idle(self, callback: Callable[[], None]) -> None:
        """``callback()`` once no job is waiting or running but one that yields (from the
        event loop; at once when none is): a window closed right after a job saw the jobs
        that job's result queued (a person's references checked after enrolling) and asked
        "Work is still running. Quit anyway?" (seen in a real window). A Queue check is not
        waited for: what a result recorded meanwhile leads to would wait for its end."""
        self._idle_waiters.append(callback)
        self._call_idle_waiters()

    def _call_idle_waiters(self) -> None:
        if self.pending > self._yielding:
            return
        waiting, self._idle_waiters = self._idle_waiters, []
        for callback in waiting:
            QTimer.singleShot(0, self, callback)

    def _ran(self) -> None:
        self.running -= 1
        self._say_working()

    def pause(self, job: Job, paused: bool) -> None:
        """Pause a job that reports (a training) or let it go on; a paused one is not work
        going on (the busy bar moved all through a pause: seen in a real window)."""
        job.paused = paused
        self._say_working()

    def _say_working(self) -> None:
        """``working_changed`` when whether the worker works changes: a job not finished
        by it, other than one paused."""
        working = self.running > sum(1 for j in self._jobs if j.paused)
        if working != self._working:
            self._working = working
            self.working_changed.emit(working)

    def _finished(self, job: Job) -> None:
        self._jobs.discard(job)
        self.waiting_for.emit(self.held_by())
        self.pending -= 1
        self._yielding -= job.yields
        if self.pending == 0:
            self.busy_changed.emit(False)
        self._call_idle_waiters()

    def load_model(
        self,
        path: Path | None = None,
        on_done=None,
        on_error=None,
        activate: bool = False,
        on_progress=None,
    ) -> Job:
        """Load the active model (or ``path``) in the worker; ``activate`` also makes it
        the store's active model, re-embedding references first (cancellable)."""

        def work(context: WorkerContext, job: Job):
            from sigverify.core.active_model import activate_model

            model, info = context.load_model(path)
            if activate:
                switched = activate_model(context.store, model, on_progress=job.progress)
                if switched is False:
                    return None  # cancelled: the previous model stays
                if switched is not True:
                    return switched  # waits for a second supervisor: nothing changes yet
            if model.card.input == "pen":  # the image model stays; pad queries use this
                context.use_pen_model()
                return info
            context.use_model(model)
            return info

        def done(info):
            if info is not None and not isinstance(info, PendingChange):
                if info.card.input == "pen":
                    self.pen_model_changed.emit(info)
                else:
                    self.model = info
                    self.model_changed.emit(info)
            if on_done is not None:
                on_done(info)

        return self.submit(work, done, on_error, on_progress)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        self.closed = True
        for job in list(self._jobs):
            job.cancel()
        self._close.emit()
        self._thread.quit()
        self._thread.wait(timeout_ms)
