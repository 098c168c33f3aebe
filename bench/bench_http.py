"""Load check of the HTTP service: `foramen serve` on 127.0.0.1 with 1 then 2 workers, driven by
wrk (Debian package `wrk`) posting one typical ~250-word report to /v1/extract.

Prints requests/s and p50/p99 latency per worker count and the 2-worker/1-worker ratio. Every
run is bounded in time (--duration seconds) and in requests (--max-requests per wrk thread);
traffic goes to 127.0.0.1 only. Not part of the test suite (too slow and noisy for CI).

Usage: python bench/bench_http.py [--duration 15] [--connections 4] [--max-requests 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("{body}", "rb"):read("*a")
local done = 0
local limit = {limit}
function response(status, headers, body)
  done = done + 1
  if done >= limit then wrk.thread:stop() end
end
"""


def typical_report(min_words: int = 230, max_words: int = 280) -> str:
    """Bundled sample reports joined into a typical 230-280-word report."""
    texts = []
    with (ROOT / "annotated_samples" / "dev.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    current: list[str] = []
    for text in texts:
        current.append(text)
        words = sum(len(t.split()) for t in current)
        if words >= min_words:
            if words <= max_words:
                return "\n\n".join(current)
            current = []
    raise SystemExit("no sample combination of typical length found")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from extractor.cli import main; main()", "serve",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "FORAMEN_LOG_LEVEL": "warning"},
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"foramen serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("foramen serve did not start within 120 s")


def warm_up(port: int, body: bytes, n: int) -> None:
    for _ in range(n):
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/v1/extract", data=body,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as response:
            assert response.status == 200


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(port: int, script: Path, args: argparse.Namespace) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "30s",
         "--latency", "-s", str(script), f"http://127.0.0.1:{port}/v1/extract"],
        capture_output=True, text=True, check=True, timeout=args.duration + 60,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
        "requests": float(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
        "errors": float(errors.group(1)) if errors else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=int, default=15, help="seconds per worker count")
    ap.add_argument("--connections", type=int, default=4, help="concurrent connections")
    ap.add_argument("--max-requests", type=int, default=20_000, help="cap per worker count")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")

    text = typical_report()
    body = json.dumps({"id": "bench", "text": text}).encode()
    print(f"report: {len(text.split())} words, {len(text)} characters; "
          f"{args.connections} connections, {args.duration} s or {args.max_requests} requests "
          f"per run; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before the "
          "runs (other work on the machine lowers both figures and the scaling)")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        body_path = Path(tmp) / "body.json"
        body_path.write_bytes(body)
        script = Path(tmp) / "post.lua"
        script.write_text(LUA.format(body=body_path, limit=args.max_requests))
        for workers in args.workers:
            port = free_port()
            proc = start_server(port, workers)
            try:
                warm_up(port, body, 20 * workers)
                rows[workers] = run_wrk(port, script, args)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    print(f"{'workers':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} {'errors':>7}")
    for workers, r in rows.items():
        print(f"{workers:>7} {r['requests_per_s']:>8.1f} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} "
              f"{int(r['requests']):>9} {int(r['errors']):>7}")
    if 1 in rows and 2 in rows:
        ratio = rows[2]["requests_per_s"] / rows[1]["requests_per_s"]
        print(f"scaling 2 vs 1 worker: {ratio:.2f}x")


if __name__ == "__main__":
    main()
