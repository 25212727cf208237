"""Ingest and search against a real `chroma run` server on loopback (SHOPBOT_CHROMA_URL)."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from chatbot.errors import BackendError
from chatbot.data.shop import Shop
from serving import free_port


@pytest.fixture
def chroma_server(tmp_path):
    exe = Path(sys.executable).with_name("chroma")
    if not exe.exists():
        exe = shutil.which("chroma")
    port = free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_ingest_and_search_through_chroma_server(chroma_server, settings, e5_embedder, mini_catalog):
    server_settings = settings.with_(chroma_url=chroma_server)
    shop = Shop(server_settings, embedder=e5_embedder)
    result = shop.ingest(mini_catalog, analytics=False, progress=False)
    assert result.chunks == 15 and result.total_chunks == 15
    assert not server_settings.store_dir.exists()  # nothing embedded locally
    # a second process-like client sees the same data
    other = Shop(server_settings, embedder=e5_embedder)
    assert other.store.count() == 15
    assert other.search("wireless earbuds with noise cancelling", k=2)[0].product_id == "P3"
    assert shop.ingest(mini_catalog, analytics=False, progress=False).chunks == 0


def test_unreachable_server_says_what_to_do(settings, e5_embedder):
    bad = settings.with_(chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(BackendError, match="chroma run"):
        Shop(bad, embedder=e5_embedder).store
