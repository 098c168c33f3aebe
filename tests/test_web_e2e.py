"""End to end against a real `foramen serve` process (2 workers) on 127.0.0.1: the web page in
Debian's chromium driven by Playwright, chunked uploads over real HTTP, concurrent clients."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from extractor import Extractor

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
MAX_REQUEST_BYTES = 300_000
REPORT = (
    "MRI CERVICAL SPINE WITHOUT CONTRAST\n"
    "FINDINGS:\n"
    "C4-C5: Possible mild right foraminal narrowing. No canal stenosis.\n"
    "C5-C6: Disc osteophyte complex with severe left and moderate right neural foraminal "
    "narrowing. Mild central canal stenosis.\n"
    "C6-C7: The neural foramina are patent.\n"
    "IMPRESSION: Severe left C5-6 foraminal stenosis.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve") / "serve.log"


@pytest.fixture(scope="module")
def server(server_log: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "FORAMEN_MAX_REQUEST_BYTES": str(MAX_REQUEST_BYTES)}
    env.pop("FORAMEN_API_KEY", None)
    log_path = server_log
    with log_path.open("wb") as log:  # a file, not a pipe: a full pipe would block the server
        proc = subprocess.Popen(
            [sys.executable, "-c", "from extractor.cli import main; main()", "serve",
             "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"foramen serve exited with {proc.returncode}:\n"
                            f"{log_path.read_text(errors='replace')}")
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("foramen serve did not answer /healthz within 120 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _browser_available() -> None:
    if CHROMIUM.exists() and shutil.which("chromium"):
        return
    message = f"{CHROMIUM} is not installed (.ci/run installs Debian's chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def test_page_in_a_real_browser(server: str, tmp_path: Path) -> None:
    _browser_available()
    from playwright.sync_api import expect, sync_playwright

    console_errors: list[str] = []
    requested: list[str] = []
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_FLAGS, viewport={"width": 1200, "height": 900},
        )
        try:
            page = context.new_page()
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
            page.on("request", lambda r: requested.append(r.url))
            page.goto(server + "/")
            # paste the report, give one clinical field with the keyboard, submit with Ctrl+Enter
            page.locator("#report-text").fill(REPORT)
            page.locator("#clinical > summary").focus()
            page.keyboard.press("Enter")  # opens the clinical context section
            page.locator("#age").focus()
            page.keyboard.type("54")
            page.locator("#report-text").focus()
            page.keyboard.press("Control+Enter")
            page.wait_for_selector("#grid", timeout=30_000)

            rows = page.locator("#grid tbody tr")
            assert rows.count() == 3
            grid = {
                rows.nth(i).get_attribute("data-level"): {
                    cell.get_attribute("data-side"): (cell.inner_text(), cell.get_attribute("class"))
                    for cell in rows.nth(i).locator("td[data-side]").all()
                }
                for i in range(rows.count())
            }
            assert grid == {
                "C4-C5": {"left": ("—", "sev sev-absent"), "right": ("mild", "sev sev-mild"),
                          "canal": ("none", "sev sev-none")},
                "C5-C6": {"left": ("severe", "sev sev-severe"),
                          "right": ("moderate", "sev sev-moderate"),
                          "canal": ("mild", "sev sev-mild")},
                "C6-C7": {"left": ("none", "sev sev-none"), "right": ("none", "sev sev-none"),
                          "canal": ("—", "sev sev-absent")},
            }
            assert page.locator("#pathway-category").inner_text() == "Injection candidate"
            flags = page.locator("#pathway-flags > li .rule").all_inner_texts()
            assert flags == ["IMG-4", "IMG-5"]
            assert "C5-C6 left (C6 root)" in page.locator("#pathway-flags").inner_text()
            assert page.locator("#disclaimer").inner_text().startswith("Decision support only")
            # negated and uncertain findings are marked by more than colour: a visible word
            report_view = page.locator("#report-view")
            assert report_view.locator("mark.negated").count() == 2
            assert report_view.locator("mark.uncertain").count() == 1
            assert report_view.locator(".tag").all_inner_texts() == [
                "UNCERTAIN", "NEGATED", "NEGATED"]
            assert page.locator("#status").inner_text() == "Result ready: Injection candidate."
            assert console_errors == []  # includes CSP violations
            page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
            if os.environ.get("FORAMEN_SCREENSHOT_DIR"):
                out = Path(os.environ["FORAMEN_SCREENSHOT_DIR"])
                out.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out / "web-page.png"), full_page=True)

            # errors are shown in the page: empty text (checked in the page), then a report
            # over the service's limit (answered by the service)
            page.locator("#report-text").fill("   ")
            page.locator("#submit").focus()
            page.keyboard.press("Enter")
            assert page.locator("#error").inner_text() == "Paste a report first: the text is empty."
            page.locator("#report-text").fill("C5-6 mild. " * 10_000)
            page.locator("#submit").focus()
            page.keyboard.press("Enter")
            expect(page.locator("#error")).to_have_text(
                "The service could not read this report: "
                "text is 110000 characters; the limit is 100000")
        finally:
            context.close()
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 413 "
        "(Request Entity Too Large)"]
    assert requested and all(url.startswith(server + "/") for url in requested)  # offline


def test_chunked_upload_over_the_cap_gets_413(server: str) -> None:
    host, port = server.removeprefix("http://").split(":")
    chunk = b'{"text": "' + b"x" * 40_000
    chunks = [chunk] + [b"x" * 40_000] * 9  # 400 kB without a Content-Length
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        conn.request("POST", "/v1/extract", body=iter(chunks), encode_chunked=True,
                     headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        body = json.loads(response.read())
    finally:
        conn.close()
    assert response.status == 413
    assert body["error"]["code"] == "request_too_large"
    assert body["error"]["message"] == f"request body is larger than {MAX_REQUEST_BYTES} bytes"


def test_chunked_upload_under_the_cap_is_read_whole(server: str) -> None:
    host, port = server.removeprefix("http://").split(":")
    payload = json.dumps({"text": REPORT, "id": "chunked"}).encode()
    chunks = [payload[i:i + 50] for i in range(0, len(payload), 50)]
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        conn.request("POST", "/v1/extract", body=iter(chunks), encode_chunked=True,
                     headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        body = json.loads(response.read())
    finally:
        conn.close()
    assert response.status == 200
    assert body["id"] == "chunked"
    assert body["foraminal_stenosis"]["C5-C6"] == {"left": "severe", "right": "moderate"}


def test_concurrent_clients_get_the_same_results(server: str, extractor: Extractor) -> None:
    texts = [
        REPORT,
        "C3-C4: Mild bilateral foraminal narrowing.",
        "CT CERVICAL SPINE\nIMPRESSION: Acute C6 fracture. Cord signal is normal.",
        "C6-7: moderate to severe left neural foraminal stenosis; no canal stenosis.",
    ]
    jobs = [(f"r{i}", texts[i % len(texts)]) for i in range(24)]

    def post(job: tuple[str, str]) -> tuple[int, dict]:
        rid, text = job
        with httpx.Client(base_url=server, timeout=60) as c:
            response = c.post("/v1/extract", json={"id": rid, "text": text})
            return response.status_code, response.json()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(post, jobs))
    assert [status for status, _ in answers] == [200] * len(jobs)
    assert [body for _, body in answers] == [
        extractor.extract(text, id=rid).model_dump(mode="json") for rid, text in jobs
    ]


def test_server_log_has_access_lines_and_no_text(server: str, server_log: Path) -> None:
    rid = httpx.post(server + "/v1/extract", json={"text": REPORT}).headers["x-request-id"]
    deadline = time.monotonic() + 20  # the worker writes its access line after the response
    while f"id={rid} " not in server_log.read_text(errors="replace"):
        assert time.monotonic() < deadline, "no access line for the request"
        time.sleep(0.1)
    lines = server_log.read_text(errors="replace").splitlines()
    assert sum("foramen.api: pipeline ready" in line for line in lines) == 2  # one per worker
    mine = [line for line in lines if f"id={rid} " in line]
    assert len(mine) == 1
    assert " INFO foramen.api: POST /v1/extract status=200 " in mine[0]
    assert mine[0].endswith(f"reports=1 chars={len(REPORT)} sha={_batch_sha([REPORT])}")
    logged = "\n".join(lines)
    assert "Severe left" not in logged and "foraminal" not in logged and "C5-C6" not in logged


def _batch_sha(texts: list[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(hashlib.sha256(text.encode()).digest())
    return digest.hexdigest()[:12]


def test_serve_rejects_bad_settings_in_one_line() -> None:
    env = {**os.environ, "FORAMEN_MAX_BATCH_REPORTS": "many"}
    proc = subprocess.run(
        [sys.executable, "-c", "from extractor.cli import main; main()", "serve", "--port", "1"],
        env=env, capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode() == "foramen: error: invalid settings: FORAMEN_MAX_BATCH_REPORTS\n"
