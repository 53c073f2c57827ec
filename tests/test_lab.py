"""`make lab` as a new user meets it, root included: the server starts, serves /lab, lists the
project's kernel, and a notebook run through that kernel imports gwr from this checkout."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from gwr import paths

TOKEN = "gwr-test-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """tools/lab.py (what `make lab` runs), on a free port, as whoever runs the tests."""
    port = free_port()
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)}
    server = subprocess.Popen(
        [sys.executable, str(paths.ROOT / "tools" / "lab.py"), f"--port={port}", "--no-browser",
         f"--IdentityProvider.token={TOKEN}"],
        cwd=paths.ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if server.poll() is not None:
                pytest.fail(f"jupyter lab stopped (exit {server.returncode}):\n"
                            f"{server.stdout.read()}")
            try:
                get(f"{base}/api/status")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("jupyter lab did not answer within 60 s")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_lab_serves_its_page(lab):
    status, body = get(f"{lab}/lab")
    assert status == 200 and b"JupyterLab" in body


def test_lab_lists_the_projects_kernel(lab):
    _, body = get(f"{lab}/api/kernelspecs")
    specs = json.loads(body)
    python3 = specs["kernelspecs"]["python3"]["spec"]
    # The kernel runs the project's own interpreter, not some other Python on the machine.
    assert python3["argv"][0] in (sys.executable, "python", os.path.realpath(sys.executable))
    assert specs["default"] == "python3"


def run_in_server_kernel(base: str, code: str) -> str:
    """Start a python3 kernel through the server's REST API, run ``code`` over its websocket,
    and return what it printed."""
    import uuid

    import websocket

    request = urllib.request.Request(f"{base}/api/kernels", method="POST",
                                     data=json.dumps({"name": "python3"}).encode(),
                                     headers={"Authorization": f"token {TOKEN}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        kernel_id = json.loads(response.read())["id"]
    ws = websocket.create_connection(
        f"{base.replace('http', 'ws')}/api/kernels/{kernel_id}/channels?token={TOKEN}",
        timeout=120)
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False}}))
        printed, status = [], None
        while status is None:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                printed.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                pytest.fail("\n".join(msg["content"]["traceback"]))
            elif msg["msg_type"] == "execute_reply":
                status = msg["content"]["status"]
        return "".join(printed)
    finally:
        ws.close()


def test_a_notebook_run_through_the_servers_kernel_imports_gwr(lab):
    printed = run_in_server_kernel(
        lab, "import gwr, gwr.data.tables\nprint(gwr.__file__)\n"
             "print(len(gwr.data.tables.load_table('paragraphs')))").split()
    assert printed == [str(paths.ROOT / "gwr" / "__init__.py"), "110"]
