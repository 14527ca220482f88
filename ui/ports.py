"""Can ``serve`` listen on host:port? Asked before the model and the index are loaded."""

from __future__ import annotations

import errno
import socket

from corpus.errors import ConfigError, PortInUseError


def check_listen(host: str, port: int) -> None:
    """Bind ``host:port`` once, as the web server will (SO_REUSEADDR), and let it go.

    Raises:
        PortInUseError: another program listens there.
        ConfigError: the host is unknown or not an address of this machine, or
            the port needs privileges.
    """
    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise ConfigError(f"cannot resolve host {host!r}: {exc}") from None
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUseError(
                    f"{host}:{port} is already in use by another program; stop it or pass "
                    "another --port"
                ) from None
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def listen_failure(host: str, port: int, exc: OSError) -> ConfigError:
    """The error for a server that failed to start anyway (the port was taken meanwhile)."""
    if "empty port" in str(exc) or exc.errno == errno.EADDRINUSE:
        return PortInUseError(f"{host}:{port} is already in use by another program")
    return ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
