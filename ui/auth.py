"""Who may use the web UI: users and passwords for Gradio's own login, and the bind check.

Users come from ``--auth USER:PASS`` (repeatable), ``$POLICYQA_AUTH``
(``USER:PASS`` pairs separated by commas) and ``--auth-file FILE``, whose lines
are ``user:pbkdf2_sha256$iterations$salt$hash`` (``policyqa passwd USER``
prints one; blank lines and ``#`` comments are ignored). Passwords in a file
are never stored in clear. :class:`Users` is the callable given to
``gr.Blocks.launch(auth=...)``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
import secrets
import socket
from collections.abc import Iterable
from pathlib import Path

from corpus.errors import ConfigError, InsecureServeError

SCHEME = "pbkdf2_sha256"
ITERATIONS = 200_000  # ~0.1 s per login on this CPU; the login handler runs it once
AUTH_ENV = "POLICYQA_AUTH"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, *, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    """``pbkdf2_sha256$iterations$salt$hash`` (base64 without padding) of ``password``."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a :func:`hash_password` string (constant-time compare)."""
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = _unb64(digest)
        got = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), _unb64(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(got, expected)


def passwd_line(user: str, password: str) -> str:
    """One line of an auth file for ``user``."""
    if not user or ":" in user or not password:
        raise ConfigError("用户名不能为空且不能含冒号，密码不能为空")
    return f"{user}:{hash_password(password)}"


class Users:
    """The accounts allowed to log in; called by Gradio as ``auth(username, password)``."""

    def __init__(self) -> None:
        self._plain: dict[str, str] = {}
        self._hashed: dict[str, str] = {}
        self._dummy = hash_password(secrets.token_hex(8))

    def __bool__(self) -> bool:
        return bool(self._plain or self._hashed)

    def __len__(self) -> int:
        return len(self._plain.keys() | self._hashed.keys())

    def add_pair(self, pair: str, source: str) -> None:
        """Add ``USER:PASS`` given in clear (on the command line or in the environment)."""
        user, sep, password = pair.partition(":")
        user = user.strip()
        if not sep or not user or not password:
            raise ConfigError(f"{source} 的格式应为 用户名:密码（收到“{pair[:40]}”）")
        self._plain[user] = password

    def add_file(self, path: Path) -> None:
        """Add every ``user:pbkdf2_sha256$…`` line of an auth file."""
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"无法读取登录文件 {path}：{exc}") from exc
        for n, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            user, sep, stored = line.partition(":")
            if not sep or not user.strip() or not stored.startswith(f"{SCHEME}$"):
                raise ConfigError(
                    f"登录文件 {path} 第 {n} 行格式不对，应为 用户名:{SCHEME}$…"
                    "（用 `policyqa passwd 用户名` 生成）"
                )
            self._hashed[user.strip()] = stored

    def __call__(self, username: str, password: str) -> bool:
        if username in self._hashed:
            ok = verify_password(password, self._hashed[username])
        else:
            verify_password(password, self._dummy)  # the same time for unknown users
            ok = False
        plain = self._plain.get(username)
        if plain is not None:
            ok = hmac.compare_digest(plain.encode("utf-8"), password.encode("utf-8")) or ok
        return ok


def load_users(
    pairs: Iterable[str] = (), auth_file: Path | None = None, env: str | None = None
) -> Users:
    """Every account from ``--auth`` pairs, ``$POLICYQA_AUTH`` and an auth file."""
    users = Users()
    for pair in pairs:
        users.add_pair(pair, "--auth")
    env = os.environ.get(AUTH_ENV, "") if env is None else env
    for pair in env.split(","):
        if pair.strip():
            users.add_pair(pair.strip(), AUTH_ENV)
    if auth_file is not None:
        users.add_file(auth_file)
    return users


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    name = host.strip("[]")
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)


def check_bind(host: str, *, has_auth: bool, insecure: bool) -> None:
    """Refuse to serve a non-loopback address without a login unless ``insecure``.

    Raises:
        InsecureServeError: ``host`` is reachable from other machines, no user is
            configured and ``--insecure`` was not given.
    """
    if has_auth or insecure or is_loopback(host):
        return
    raise InsecureServeError(
        f"拒绝在 {host} 上无登录地提供服务：其他机器可以访问并修改文档库。"
        "请用 --auth 用户名:密码、--auth-file 或 POLICYQA_AUTH 设置登录，"
        "或确需公开时加 --insecure"
    )
