"""TLS: verification is on by default, and a county's own CA can be trusted.

The demo platform serves HTTPS with a certificate signed by a CA made here
with openssl; the client must refuse it until it is told to trust that CA.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from demo_platform import Demo, start_demo, stop_demo

from controlroom.api import errors
from controlroom.api.client import PlatformClient


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def tls_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Demo, Path]]:
    d = tmp_path_factory.mktemp("tls")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Pingyi test CA",
             "-keyout", "ca.key", "-out", "ca.pem", cwd=d)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
             "-out", "server.csr", cwd=d)
    (d / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-extfile", "ext.cnf", "-out", "server.pem", cwd=d)
    demo = start_demo("--no-video", "--event-rate", "0", "--tls-cert", str(d / "server.pem"),
                      "--tls-key", str(d / "server.key"))
    try:
        yield demo, d / "ca.pem"
    finally:
        stop_demo(demo.proc)


async def test_an_unknown_ca_is_refused(tls_demo: tuple[Demo, Path]) -> None:
    demo, _ = tls_demo
    assert demo.url.startswith("https://")
    client = PlatformClient(demo.url, retries=0)
    try:
        with pytest.raises(errors.TlsError) as info:
            await client.login("dispatcher", "dispatch123")
        assert "certificate" in str(info.value)
    finally:
        await client.aclose()


async def test_the_countys_ca_is_trusted_when_given(tls_demo: tuple[Demo, Path]) -> None:
    demo, ca = tls_demo
    client = PlatformClient(demo.url, verify=str(ca))
    try:
        me = await client.login("dispatcher", "dispatch123")
        assert me.username == "dispatcher"
    finally:
        await client.aclose()


def test_a_missing_ca_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(errors.TlsError, match="CA bundle could not be read"):
        PlatformClient("https://127.0.0.1:1", verify=str(tmp_path / "nope.pem"))
