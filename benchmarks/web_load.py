"""Load test: concurrent clients reading story pages from `storyline serve` on loopback.

    .venv/bin/python benchmarks/web_load.py [--db FILE] [--clients 50] [--duration 60]

Starts the server in its own process on a free 127.0.0.1 port (never another
host), opens every story once to fill the comparison cache (timed apart as
"first visit"), then runs ``--clients`` concurrent clients, each fetching
story pages (round robin over the stories) for ``--duration`` seconds, and
prints requests/s, latency percentiles and errors as a Markdown table row.
Without --db it ingests examples/ (the seeds and the Wikinews samples) first.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from storyline.config import Settings
from storyline.service.library import ingest
from storyline.service.workspace import Workspace
from storyline.web.background import free_port

REPO = Path(__file__).resolve().parents[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "storyline", "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(db)]
    with log.open("wb") as errors:  # a file, not a pipe: a full pipe would stall the server
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {log.read_text()[-2000:]}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).raise_for_status()
            return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("server did not start within 60 s")


def story_paths(base: str) -> list[str]:
    stories = httpx.get(f"{base}/api/stories", params={"limit": 200}, timeout=30).json()["items"]
    return [f"/stories/{s['id']}" for s in stories]


def first_visits(base: str, paths: list[str]) -> list[float]:
    times = []
    for path in paths:
        start = time.perf_counter()
        httpx.get(base + path, timeout=120).raise_for_status()
        times.append(time.perf_counter() - start)
    return times


async def client(http: httpx.AsyncClient, paths: list[str], offset: int, stop: float, latencies: list[float], errors: list[str]) -> None:
    index = offset
    while time.monotonic() < stop:
        path = paths[index % len(paths)]
        index += 1
        start = time.perf_counter()
        try:
            response = await http.get(path)
            if response.status_code != 200:
                errors.append(f"{path}: HTTP {response.status_code}")
                continue
        except httpx.HTTPError as error:
            errors.append(f"{path}: {type(error).__name__}")
            continue
        latencies.append(time.perf_counter() - start)


async def load(base: str, paths: list[str], clients: int, duration: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        start = time.monotonic()
        stop = start + duration
        await asyncio.gather(*(client(http, paths, i, stop, latencies, errors) for i in range(clients)))
        return latencies, errors, time.monotonic() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="library to serve (default: examples/ ingested now)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (bounded)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyline-load-") as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "examples.db"
            with Workspace(Settings(db_path=db)) as ws:
                ingest(ws, [REPO / "examples"])
        port = free_port()
        log = Path(folder) / "server.log"
        server = start_server(db, port, log)
        try:
            base = f"http://127.0.0.1:{port}"
            paths = story_paths(base)
            if not paths:
                raise SystemExit(f"{db}: no stories to read")
            cold = first_visits(base, paths)
            latencies, errors, elapsed = asyncio.run(load(base, paths, args.clients, min(args.duration, 600)))
        finally:
            server.terminate()
            server.wait(timeout=30)
            server_errors = [line for line in log.read_text().splitlines() if "Traceback" in line or "ERROR" in line]
    ms = 1000
    print(f"stories: {len(paths)}; first visit (computes the comparison): median {percentile(cold, 0.5) * ms:.0f} ms, "
          f"max {max(cold) * ms:.0f} ms; cpus: {len(os.sched_getaffinity(0))}")
    print("| clients | seconds | requests | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {args.clients} | {elapsed:.0f} | {len(latencies)} | {len(latencies) / elapsed:.1f} | "
          f"{percentile(latencies, 0.5) * ms:.0f} | {percentile(latencies, 0.95) * ms:.0f} | "
          f"{percentile(latencies, 0.99) * ms:.0f} | {len(errors)} |")
    for error in sorted(set(errors))[:10]:
        print("error:", error)
    for line in server_errors[:10]:
        print("server:", line)


if __name__ == "__main__":
    main()
