"""The limits every web fetch obeys.  URLs are untrusted input."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from tui import __version__

USER_AGENT = f"briefing-tui/{__version__} (terminal briefing dashboard; article fetcher)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml"})

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0          # longest silence between two reads
    deadline: float = 60.0              # whole document: redirects, retries and body
    max_bytes: int = 10 * 1024 * 1024   # decoded body
    max_redirects: int = 5
    retries: int = 3                    # on 429 and 503
    backoff: float = 1.0                # first wait when no Retry-After is given; doubles
    max_retry_wait: float = 30.0        # a longer Retry-After is a failure, not a wait
    per_host: int = 2                   # documents fetched at once from one host
    concurrency: int = 8                # documents fetched at once overall
    allow_private: bool = False         # private, loopback, link-local and metadata addresses
    allow_networks: tuple[Network, ...] = field(default=())  # exceptions to the refusal above
    user_agent: str = USER_AGENT

    def address_allowed(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if self.allow_private:
            return True
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in net for net in self.allow_networks):
            return True
        return address.is_global and not address.is_multicast
