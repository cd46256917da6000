"""Word lists of Rouge 3.30's ``vcl`` lexer (lexers/vcl.py), kept apart from it."""

from __future__ import annotations

from jekpy.highlight.lexers.base import word_set

VARIABLES = word_set(
    """bereq bereq.backend bereq.between_bytes_timeout bereq.connect_timeout
    bereq.first_byte_timeout bereq.method bereq.proto bereq.retries
    bereq.uncacheable bereq.url bereq.xid beresp beresp.age
    beresp.backend beresp.backend.ip beresp.backend.name beresp.do_esi
    beresp.do_gunzip beresp.do_gzip beresp.do_stream beresp.grace
    beresp.keep beresp.proto beresp.reason beresp.status
    beresp.storage_hint beresp.ttl beresp.uncacheable beresp.was_304
    client.identity client.ip local.ip now obj.age obj.grace obj.hits
    obj.keep obj.proto obj.reason obj.status obj.ttl obj.uncacheable
    remote.ip req req.backend_hint req.can_gzip req.esi req.esi_level
    req.hash_always_miss req.hash_ignore_busy req.method req.proto
    req.restarts req.ttl req.url req.xid resp resp.proto resp.reason
    resp.status server.hostname server.identity server.ip"""
)
