"""Shared test fixtures. Every test runs offline: sockets may only reach 127.0.0.1."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and not (
        self.family == socket.AF_UNIX
    ):
        raise OSError(f"tests are offline: refused a connection to {host!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def _offline() -> object:
    """Refuse any network connection except loopback, for the whole test session."""
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def labeled_path() -> Path:
    return FIXTURES / "labeled_articles.jsonl"


@pytest.fixture(scope="session")
def trained_model_dir(tmp_path_factory: pytest.TempPathFactory, labeled_path: Path) -> Path:
    """A model trained on the project's labeled fixture, in its own models folder."""
    from credibility.labels import load_labeled
    from credibility.registry import promote, save_model
    from credibility.training import train

    models = tmp_path_factory.mktemp("models")
    data = load_labeled([labeled_path])
    result = train(data, n_splits=4)
    out = save_model(result, models / "fixture-model", data=data, command="pytest fixture")
    promote(models, out.name)
    return out


@pytest.fixture(scope="session")
def trained_model(trained_model_dir: Path):
    from credibility.model import CredibilityModel

    return CredibilityModel.load(trained_model_dir)
