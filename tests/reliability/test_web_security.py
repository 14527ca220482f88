"""Probes from issue #12 (item 11, security): nobody changes the library without a login.

Servers run in this process on free ports of 127.0.0.1 with the fake embedder and are
driven through ``gradio_client``, as anyone who reaches the port could; the command-line
checks run the real ``policyqa`` in-process.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError, AuthenticationError

from corpus.errors import ConfigError, InsecureServeError
from ui.auth import check_bind, hash_password, is_loopback, load_users, verify_password
from ui.cli import main
from ui.library import changes_log_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"
YUHANG = "000_6eaca3ed01c4c811.txt"
NEW_DOC = "gongshu_2025.txt"
NEW_TEXT = (
    "拱墅区科学技术局2025年工作计划\n一、2025年工作目标\n"
    "2025年,拱墅区计划新增科技企业孵化器13家,引进海外高层次人才58名。\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def log_lines(index_dir: Path) -> list[dict[str, Any]]:
    path = changes_log_path(index_dir)
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def library_ids(client: Client) -> list[str]:
    return [row[-1] for row in client.predict(api_name="/library")["data"]]


class Servers:
    """UIs served in this process; all closed when the module ends."""

    def __init__(self, embedder: Any, root: Path) -> None:
        self.embedder, self.root, self.apps = embedder, root, []  # type: ignore[var-annotated]

    def index(self, name: str) -> Path:
        """A fresh fake-embedder index of the samples (its embedding cache in tmp)."""
        from index.build import build_index

        folder = self.root / name / "index"
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("POLICYQA_CACHE_DIR", str(self.root / "cache"))
            build_index([SAMPLES], folder, self.embedder)
        return folder

    def start(self, index_dir: Path, **settings: Any) -> str:
        from ui.settings import ServeConfig
        from ui.web import launch

        config = ServeConfig(port=free_port(), **settings)
        self.apps.append(launch(index_dir, config, embedder=self.embedder, block=False))
        return f"http://127.0.0.1:{config.port}/"


@pytest.fixture(scope="module")
def servers(fake_embedder: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    s = Servers(fake_embedder, tmp_path_factory.mktemp("web-security"))
    yield s
    for app in s.apps:
        app.close()


@pytest.fixture
def new_doc(tmp_path: Path) -> Path:
    path = tmp_path / NEW_DOC
    path.write_text(NEW_TEXT, encoding="utf-8")
    return path


# -- logins ------------------------------------------------------------------------------


def test_passwords_are_stored_hashed_and_checked() -> None:
    stored = hash_password("s3cret", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$") and "s3cret" not in stored
    assert verify_password("s3cret", stored)
    assert not verify_password("s3cret ", stored) and not verify_password("", stored)
    assert not verify_password("s3cret", "md5$1$x$y") and not verify_password("x", "garbage")


def test_logins_come_from_options_environment_and_file(tmp_path: Path) -> None:
    file = tmp_path / "users.txt"
    file.write_text(f"# team\ncarol:{hash_password('c-pw', iterations=1000)}\n\n", "utf-8")
    users = load_users(["alice:a:pw"], file, env="bob:b-pw, dave:d-pw")
    assert len(users) == 4
    assert users("alice", "a:pw") and users("bob", "b-pw") and users("dave", "d-pw")
    assert users("carol", "c-pw")
    assert not users("carol", "a:pw") and not users("alice", "b-pw") and not users("eve", "x")
    assert not load_users([], None, env="")


@pytest.mark.parametrize("pair", ["alice", "alice:", ":pw"])
def test_a_malformed_login_is_a_clear_error(pair: str) -> None:
    with pytest.raises(ConfigError, match="用户名:密码"):
        load_users([pair], None, env="")


def test_an_auth_file_with_a_clear_password_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "users.txt"
    file.write_text("alice:plain-password\n", "utf-8")
    with pytest.raises(ConfigError, match="第 1 行"):
        load_users([], file, env="")


def test_passwd_prints_a_line_the_auth_file_accepts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["passwd", "alice", "--password-stdin"], input="pw 1\n")
    assert result.exit_code == 0, result.output
    line = result.stdout.strip()
    assert line.startswith("alice:pbkdf2_sha256$") and "pw 1" not in line
    (tmp_path / "users.txt").write_text(line + "\n", "utf-8")
    assert load_users([], tmp_path / "users.txt", env="")("alice", "pw 1")
    prompted = CliRunner().invoke(main, ["passwd", "bob"], input="x\nx\n")
    assert prompted.exit_code == 0 and prompted.stdout.startswith("bob:pbkdf2_sha256$")


def test_login_is_required_and_changes_are_logged_with_the_user(
    servers: Servers, new_doc: Path
) -> None:
    index_dir = servers.index("auth")
    file = index_dir.parent / "users.txt"
    file.write_text(f"carol:{hash_password('c-pw', iterations=1000)}\n", "utf-8")
    url = servers.start(index_dir, users=load_users(["alice:a-pw"], file, env=""))
    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        Client(url, verbose=False)
    with pytest.raises(ValueError, match="Could not login"):
        Client(url, auth=("alice", "wrong"), verbose=False)
    assert httpx.post(f"{url}gradio_api/call/library", json={"data": []}).status_code == 401
    client = Client(url, auth=("alice", "a-pw"), verbose=False)
    client.predict([handle_file(str(new_doc))], api_name="/upload")
    assert NEW_DOC in library_ids(client)
    carol = Client(url, auth=("carol", "c-pw"), verbose=False)
    carol.predict(NEW_DOC, True, api_name="/remove")
    lines = log_lines(index_dir)
    assert [(x["action"], x["user"], x["result"]) for x in lines] == [
        ("upload", "alice", "ok"),
        ("remove", "carol", "ok"),
    ]
    assert lines[0]["doc_ids"] == [NEW_DOC] and lines[1]["doc_ids"] == [NEW_DOC]


# -- binding ----------------------------------------------------------------------------


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    assert not is_loopback("no-such-host.invalid")


def test_a_public_address_without_login_is_refused_with_exit_code_2() -> None:
    runner = CliRunner(env={"POLICYQA_AUTH": None, "POLICYQA_AUTH_FILE": None})
    result = runner.invoke(main, ["serve", "--host", "0.0.0.0", "--index-dir", "/nonexistent"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "拒绝在 0.0.0.0 上无登录地提供服务" in lines[0]
    assert "--insecure" in lines[0] and "Traceback" not in result.output


def test_a_public_address_is_allowed_with_login_or_insecure() -> None:
    with pytest.raises(InsecureServeError):
        check_bind("0.0.0.0", has_auth=False, insecure=False)
    check_bind("0.0.0.0", has_auth=True, insecure=False)
    check_bind("0.0.0.0", has_auth=False, insecure=True)
    check_bind("127.0.0.1", has_auth=False, insecure=False)


def test_a_malformed_environment_login_is_exit_code_2() -> None:
    runner = CliRunner(env={"POLICYQA_AUTH": "alice"})
    result = runner.invoke(main, ["serve", "--index-dir", "/nonexistent"])
    assert result.exit_code == 2 and "POLICYQA_AUTH" in result.stderr


# -- read-only mode, upload limit, confirmation, log ---------------------------------------


def test_read_only_hides_and_refuses_every_change(servers: Servers, new_doc: Path) -> None:
    from ui.settings import ServeConfig
    from ui.web import build_app

    index_dir = servers.index("read-only")
    app = build_app(index_dir, servers.embedder, ServeConfig(read_only=True))
    hidden = {"pq-files", "pq-add", "pq-remove", "pq-samples", "pq-confirm", "pq-chosen", "pq-fix"}
    shown = {b.elem_id: b.visible for b in app.blocks.values() if b.elem_id in hidden}
    assert shown == dict.fromkeys(hidden, False)
    client = Client(servers.start(index_dir, read_only=True), verbose=False)
    before = library_ids(client)
    with pytest.raises(AppError, match="只读模式"):
        client.predict([handle_file(str(new_doc))], api_name="/upload")
    with pytest.raises(AppError, match="只读模式"):
        client.predict(YUHANG, True, api_name="/remove")
    with pytest.raises(AppError, match="只读模式"):
        client.predict(api_name="/add_samples")
    with pytest.raises(AppError, match="只读模式"):
        client.predict(YUHANG, "改过的标题", "", "", "", "", api_name="/correct")
    assert library_ids(client) == before and YUHANG in before
    assert client.predict("余杭2023年新增高企多少", None, None, None, api_name="/ask_json")["found"]
    actions = [(x["action"], x["result"]) for x in log_lines(index_dir)]
    assert actions == [
        ("upload", "refused: read-only"),
        ("remove", "refused: read-only"),
        ("add_samples", "refused: read-only"),
        ("correct", "refused: read-only"),
    ]


def test_an_upload_over_the_size_limit_is_refused(servers: Servers, tmp_path: Path) -> None:
    index_dir = servers.index("limit")
    url = servers.start(index_dir, max_upload_mb=0.01)  # ~10 KB
    client = Client(url, verbose=False)
    big = tmp_path / "big.txt"
    big.write_text(NEW_TEXT * 200, encoding="utf-8")  # ~30 KB
    assert big.stat().st_size > 10_486
    with pytest.raises(ValueError, match="exceeds the maximum file size"):
        client.predict([handle_file(str(big))], api_name="/upload")  # checked by the client
    with big.open("rb") as fh:  # and by the server, for a client that does not check
        raw = httpx.post(f"{url}gradio_api/upload", files={"files": ("big.txt", fh)})
    assert raw.status_code == 413
    assert "big.txt" not in library_ids(client)
    assert log_lines(index_dir) == []


def test_the_handler_also_refuses_a_file_over_the_limit(servers: Servers, tmp_path: Path) -> None:
    from ui.library import Library
    from ui.library_tab import Changes
    from ui.settings import ServeConfig

    index_dir = servers.index("limit-handler")
    lib = Library(index_dir, servers.embedder)
    changes = Changes(lib, ServeConfig(max_upload_mb=0.01), lambda progress: None)
    big = tmp_path / "big.txt"
    big.write_text(NEW_TEXT * 200, encoding="utf-8")
    report, rows = changes.upload([str(big)], None, None)  # type: ignore[arg-type]
    assert "超过上传大小上限" in report and "big.txt" not in [r[0] for r in rows]
    assert log_lines(index_dir)[-1]["skipped"] == ["big.txt"]


def test_removing_needs_confirmation(servers: Servers) -> None:
    index_dir = servers.index("confirm")
    client = Client(servers.start(index_dir), verbose=False)
    report, _, confirm = client.predict(YUHANG, False, api_name="/remove")
    assert "确认删除" in report and YUHANG in library_ids(client)
    report, _, confirm = client.predict(YUHANG, True, api_name="/remove")
    assert "已删除" in report and YUHANG not in library_ids(client)
    assert confirm is False  # the box is cleared for the next removal
    assert [x["action"] for x in log_lines(index_dir)] == ["remove"]


def test_the_change_log_survives_a_rebuild(servers: Servers, new_doc: Path) -> None:
    from index.build import build_index

    index_dir = servers.index("log")
    client = Client(servers.start(index_dir), verbose=False)
    client.predict([handle_file(str(new_doc))], api_name="/upload")
    client.predict(NEW_DOC, True, api_name="/remove")
    client.predict(api_name="/add_samples")
    report, _, _ = client.predict("no-such-doc.txt", True, api_name="/remove")
    assert "文档库中没有" in report
    lines = log_lines(index_dir)
    assert [(x["action"], x["result"][:7]) for x in lines] == [
        ("upload", "ok"),
        ("remove", "ok"),
        ("add_samples", "ok"),
        ("remove", "refused"),
    ]
    for line in lines:
        assert line["time"][:4].isdigit() and line["user"] is None and line["client"]
    assert lines[0]["files"] == [NEW_DOC] and YUHANG in lines[2]["doc_ids"]
    text = changes_log_path(index_dir).read_text(encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICYQA_CACHE_DIR", str(index_dir.parent / "cache"))
        build_index([SAMPLES], index_dir, servers.embedder)
    assert changes_log_path(index_dir).read_text(encoding="utf-8") == text
    assert changes_log_path(index_dir).parent == index_dir.parent  # beside, not inside


def test_the_command_line_serves_with_login_and_read_only(servers: Servers) -> None:
    """`policyqa serve --auth-file … --auth … --read-only` as its own process, on a free port."""
    import os
    import subprocess
    import sys
    import time

    index_dir = servers.index("cli")
    file = index_dir.parent / "users.txt"
    line = CliRunner().invoke(main, ["passwd", "carol", "--password-stdin"], input="c-pw\n")
    file.write_text(line.stdout, "utf-8")
    port = free_port()
    args = ["serve", "--index-dir", str(index_dir), "--port", str(port), "--read-only"]
    args += ["--auth", "alice:a-pw", "--auth-file", str(file), "--max-upload-mb", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYQA_AUTH": "bob:b-pw"}
    code = "from ui.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=env)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        assert httpx.post(f"{url}gradio_api/call/library", json={"data": []}).status_code == 401
        for user, password in (("alice", "a-pw"), ("bob", "b-pw"), ("carol", "c-pw")):
            client = Client(url, auth=(user, password), verbose=False)
            assert YUHANG in library_ids(client)
        with pytest.raises(AppError, match="只读模式"):
            client.predict(YUHANG, True, api_name="/remove")
        assert client.config["max_file_size"] == 1024 * 1024
        assert log_lines(index_dir)[-1]["user"] == "carol"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
