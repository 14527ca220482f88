"""Every setting of the web server, in one place (``policyqa serve`` fills it from its options)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from index.backend import BackendConfig

if TYPE_CHECKING:
    from ui.auth import Users


@dataclass(frozen=True)
class ServeConfig:
    """How ``policyqa serve`` runs.

    Attributes:
        host, port: where to listen.
        users: the accounts of Gradio's login (``None`` or empty: no login).
        read_only: no upload, removal or sample import (hidden, and refused by the API).
        insecure: allow a non-loopback ``host`` without a login.
        max_upload_mb: the largest file Gradio accepts (``max_file_size``).
        reload_check_seconds: how often a request looks for a newer index on
            disk (one ``stat`` of its manifest; 0 = on every request).
        auth_message: shown on the login page.
        backend: where passages are searched (and uploads indexed into).
    """

    host: str = "127.0.0.1"
    port: int = 7860
    users: Users | None = None
    read_only: bool = False
    insecure: bool = False
    max_upload_mb: float = 50.0
    reload_check_seconds: float = 0.0
    auth_message: str = "policyqa 政策文件问答：请登录。"
    backend: BackendConfig = field(default_factory=BackendConfig)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def has_auth(self) -> bool:
        return bool(self.users)
