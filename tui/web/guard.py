"""A connection guard: every TCP connection, on every redirect hop, goes only to
an address the policy allows.

The check sits in httpcore's network backend, so it judges the address that is
actually dialled (a hostname is resolved once, checked, and the vetted address
connected to), which also defeats DNS rebinding between a check and a connect.
"""

from __future__ import annotations

import ipaddress
import socket

import anyio
import httpcore
import httpx

from tui.web.policy import FetchPolicy


class Refused(Exception):
    """The URL or address is not one the policy lets us fetch."""


def describe(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(address, f"is_{kind}"):
            label = kind.replace("_", "-")
            return f"{label} (cloud metadata)" if str(address) == "169.254.169.254" else label
    return "non-public"


class GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options=None) -> httpcore.AsyncNetworkStream:
        try:
            with anyio.fail_after(timeout):
                infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"DNS lookup of {host} timed out") from None
        except socket.gaierror as exc:
            raise Refused(f"DNS: cannot resolve {host} ({exc.strerror or exc})") from None
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))
        allowed = [a for a in addresses if self.policy.address_allowed(a)]
        if not allowed:
            bad = addresses[0]
            shown = host if host == str(bad) else f"{host} ({bad})"
            raise Refused(f"refused: {shown} is a {describe(bad)} address (--allow-private fetches it)")
        error: Exception | None = None
        for address in allowed:
            try:
                return await self._inner.connect_tcp(str(address), port, timeout=timeout,
                                                     local_address=local_address, socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(self, path: str, timeout=None, socket_options=None):
        raise Refused("refused: unix sockets are never fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_client(policy: FetchPolicy) -> httpx.AsyncClient:
    """An httpx client whose every connection passes the guard; it follows no redirects itself."""
    limits = httpx.Limits(max_connections=policy.concurrency * 2, max_keepalive_connections=policy.concurrency)
    transport = httpx.AsyncHTTPTransport(limits=limits, trust_env=False, retries=0)
    # httpx builds its httpcore pool without a way to pass a network backend;
    # swap in one with the same settings plus the guard.
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(policy),
    )
    timeout = httpx.Timeout(connect=policy.connect_timeout, read=policy.read_timeout,
                            write=policy.read_timeout, pool=policy.deadline)
    return httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False,
                             headers={"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate"})
