"""Dask with deadlines (sim.experiments.cluster): every hang ends with one line.

Was: an HTTP server or the Dask dashboard's port as --cluster hung for 9 minutes; a listener
answering "HTTP/1.1 400" ended in "Unable to allocate 3.07 EiB"; with no worker left, a sweep
waited for ever without a word.
"""

from __future__ import annotations

import http.server
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sim import sweep
from sim.errors import ClusterError
from sim.experiments import cluster

SPEC = ('name = "dask"\npopulation = "2000"\nmonths = 12\nwarmup = 0\nreplications = 2\n[parameters]\n'
        '"policy.legal_aid.share_summoned" = { values = [0.0, 1.0] }\n')


@pytest.fixture
def spec(tmp_path) -> Path:
    path = tmp_path / "dask.toml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture
def quick(monkeypatch):
    """Short deadlines, so that the tests wait seconds, not the defaults' tens of seconds."""
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.5)
    monkeypatch.setattr(cluster, "NO_WORKERS_TIMEOUT", 2.0)
    monkeypatch.setattr(cluster, "POLL", 0.2)


def serve(handler) -> tuple[str, threading.Thread]:
    """A local TCP server answering each connection with `handler(connection)`; its address."""
    server = socket.create_server(("127.0.0.1", 0))

    def loop():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                handler(conn)
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return f"tcp://127.0.0.1:{server.getsockname()[1]}", server


@pytest.mark.parametrize("address", ["http://10.0.0.5:8786", "tcp://host", "tcp://host:99999", "x" * 500])
def test_an_address_that_is_not_one(address):
    with pytest.raises(ClusterError, match=re.escape("not an address like tcp://10.0.0.5:8786")):
        cluster.connect(address)


def test_a_listener_answering_http_400_is_not_a_dask_scheduler(quick, spec, tmp_path):
    address, server = serve(lambda conn: conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
    with pytest.raises(ClusterError, match=r"not a Dask scheduler \(it answered b'HTTP/1.1 400 Bad Request"):
        sweep(spec, tmp_path / "out", cluster=address, progress=False)
    server.close()
    assert not (tmp_path / "out").exists()


def test_a_server_that_says_nothing_is_given_up_on(quick, spec, tmp_path):
    address, server = serve(lambda conn: time.sleep(5))
    with pytest.raises(ClusterError, match=re.escape("nothing answered like a Dask scheduler within 1.5 s")):
        sweep(spec, tmp_path / "out", cluster=address, progress=False)
    server.close()


def test_a_server_that_closes_at_once(quick):
    address, server = serve(lambda conn: None)
    with pytest.raises(ClusterError, match="cannot reach a Dask scheduler there"):
        cluster.connect(address)
    server.close()


def test_the_cli_gives_up_on_a_web_server_with_one_line(tmp_path, spec):
    """The real command with the default deadline, against a real HTTP server (the Dask
    dashboard's kind of port): a message within the deadline, not a hang."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    address = f"tcp://127.0.0.1:{httpd.server_address[1]}"
    proc = subprocess.run([sys.executable, "-m", "sim.cli", "sweep", str(spec), "--cluster", address, "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    httpd.shutdown()
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"evictsim: error: --cluster {address}: nothing answered like a Dask scheduler within 10 s (is it a web "
        "or dashboard port? a scheduler usually listens on port 8786)"]


@pytest.mark.slow
def test_a_cluster_without_workers_stops_the_sweep_and_it_resumes_later(quick, spec, tmp_path):
    from dask.distributed import LocalCluster

    with (LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None, processes=False,
                       protocol="tcp") as empty,
          pytest.raises(ClusterError, match="no workers for 2 s; the runs finished so far are stored")):
        sweep(spec, tmp_path / "out", cluster=empty.scheduler_address, progress=False)
    resumed = sweep(spec, tmp_path / "out", workers=1, progress=False)
    assert len(resumed) == 4


@pytest.mark.slow
def test_workers_that_leave_in_the_middle_stop_the_sweep(quick, tmp_path):
    from dask.distributed import LocalCluster

    path = tmp_path / "long.toml"
    path.write_text(SPEC.replace('values = [0.0, 1.0]', "min = 0.0, max = 1.0, steps = 40"), encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True) as local:
        failure = []

        def run_sweep():
            try:
                sweep(path, tmp_path / "out", cluster=local.scheduler_address, progress=False)
            except ClusterError as err:
                failure.append(str(err))
        thread = threading.Thread(target=run_sweep)
        thread.start()
        while not list((tmp_path / "out" / "runs").glob("*.parquet")) and thread.is_alive():
            time.sleep(0.05)
        local.scale(0)  # the worker and its nanny go: nothing restarts it
        thread.join(timeout=60)
    assert not thread.is_alive()
    assert failure and "no workers for 2 s" in failure[0]
    assert 0 < len(list((tmp_path / "out" / "runs").glob("*.parquet"))) < 80


def test_a_finished_run_whose_result_left_with_its_worker_stops_the_sweep_instead_of_waiting_forever():
    """The race seen under load: a run finished, then its worker left with the result, which Dask
    would recompute if it had a worker."""
    from types import SimpleNamespace

    from sim.experiments.cluster import result_of

    class LostResult:
        client = SimpleNamespace(nthreads=lambda: {}, scheduler=SimpleNamespace(address="tcp://127.0.0.1:1"))

        def result(self, timeout=None):
            raise TimeoutError  # no worker will ever compute it again

    with pytest.raises(ClusterError, match="no workers for 0 s; the runs finished so far are stored"):
        result_of(LostResult(), timeout=0.0)


@pytest.mark.parametrize("command", ["sweep", "sensitivity", "optimize"])
def test_every_cluster_option_says_the_scheduler_must_be_trusted(command):
    """Issue 24: Dask unpickles what it receives, so --cluster must name a scheduler the user trusts."""
    import argparse

    from sim.cli import parser

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    option = next(a for a in commands[command]._actions if a.dest == "cluster")
    assert "you trust" in option.help and "docs/cluster.md" in option.help
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cluster.md").read_text(encoding="utf-8")
    assert "Only a scheduler you trust" in docs and "unpickl" in docs
