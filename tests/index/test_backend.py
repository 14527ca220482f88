"""index.backend: which backend, from the options given or the environment."""

from __future__ import annotations

import pytest

from corpus.errors import ConfigError
from index.backend import (
    LITE_FILE,
    Backend,
    BackendConfig,
    DenseIndexKind,
    backend_config,
    is_server_uri,
)


def test_default_is_in_process() -> None:
    assert backend_config(env={}) == BackendConfig()
    assert backend_config(env={}).kind is Backend.IN_PROCESS


def test_environment_names_milvus_and_its_uri() -> None:
    env = {
        "POLICYQA_BACKEND": "Milvus",
        "POLICYQA_MILVUS_URI": "http://db:19530",
        "POLICYQA_MILVUS_TOKEN": "root:secret",
    }
    config = backend_config(env=env)
    assert config.kind is Backend.MILVUS and config.is_server
    assert config.milvus_uri == "http://db:19530" and config.milvus_token == "root:secret"
    assert "secret" not in repr(config)  # the token is never printed


def test_options_win_over_the_environment() -> None:
    env = {"POLICYQA_BACKEND": "milvus", "POLICYQA_MILVUS_URI": "http://db:19530"}
    assert backend_config("inprocess", env=env) == BackendConfig()
    config = backend_config(milvus_uri="/data/lite", env=env)
    assert config.milvus_uri == "/data/lite" and not config.is_server


@pytest.mark.parametrize(
    ("kind", "uri", "said"),
    [
        ("faiss", None, "unknown backend 'faiss'"),
        ("milvus", None, "needs --milvus-uri"),
        ("inprocess", "/data/lite", "add --backend milvus"),
    ],
)
def test_wrong_settings_are_errors(kind: str, uri: str | None, said: str) -> None:
    with pytest.raises(ConfigError, match=said):
        backend_config(kind, uri, env={})


def test_the_dense_index_is_the_collections_unless_asked() -> None:
    assert backend_config("milvus", "/d", env={}).dense_index is None
    env = {"POLICYQA_MILVUS_INDEX": "hnsw"}
    assert backend_config("milvus", "/d", env=env).dense_index is DenseIndexKind.HNSW
    assert (
        backend_config("milvus", "/d", env=env, dense_index="flat").dense_index
        is DenseIndexKind.FLAT
    )
    with pytest.raises(ConfigError, match="unknown Milvus dense index 'IVF'"):
        backend_config("milvus", "/d", env={}, dense_index="ivf")


def test_a_uri_in_the_environment_alone_keeps_in_process() -> None:
    assert backend_config(env={"POLICYQA_MILVUS_URI": "http://db:19530"}) == BackendConfig()


@pytest.mark.parametrize(
    ("uri", "server"),
    [("http://h:19530", True), ("HTTPS://h", True), ("tcp://h:1", True), ("data/m", False)],
)
def test_server_or_lite(uri: str, server: bool) -> None:
    assert is_server_uri(uri) is server


def test_lite_path_is_a_folder_or_a_db_file() -> None:
    folder = BackendConfig(Backend.MILVUS, "/srv/policyqa-milvus")
    assert folder.client_uri() == f"/srv/policyqa-milvus/{LITE_FILE}"
    assert BackendConfig(Backend.MILVUS, "/srv/x.db").client_uri() == "/srv/x.db"
    assert BackendConfig(Backend.MILVUS, "http://h:19530").client_uri() == "http://h:19530"
