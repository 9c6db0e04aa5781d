"""The cache: in process by default, Redis (shared by every app server) with REDIS_URL."""

import os
import secrets

import pytest

from portal.tests.test_settings import production_env, run_django

REDIS_URL = os.environ.get("REDIS_URL", "")

needs_redis = pytest.mark.skipif(
    not REDIS_URL.startswith(("redis://", "rediss://", "unix://")),
    reason="set REDIS_URL (e.g. redis://127.0.0.1:6379/15) to test the Redis cache",
)

ROUND_TRIP = """
import sys
from django.core.cache import caches
cache = caches["default"]
action, key, value = sys.argv[1:4]
print(type(cache).__name__)
if action == "set":
    cache.set(key, {"value": value, "мова": "uk"}, timeout=60)
    print(cache.get(key))
elif action == "get":
    print(cache.get(key))
    cache.delete(key)
    print(cache.get(key, "gone"))
"""


def test_default_cache_is_local_memory(tmp_path):
    """Without REDIS_URL each process keeps its own in-memory cache."""
    output = run_django(
        """
        from django.core.cache import caches
        cache = caches["default"]
        cache.set("k", "v")
        print(type(cache).__name__, cache.get("k"))
        """,
        production_env(tmp_path),
    )
    assert output.split() == ["LocMemCache", "v"]


@needs_redis
def test_redis_cache_round_trips_between_app_processes(tmp_path):
    """A value one process caches in Redis is read by another, then deleted."""
    key = f"test-cache-{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    env = production_env(tmp_path, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX="portal-test")

    writer = run_django(ROUND_TRIP, env, "set", key, value)
    assert writer.splitlines() == ["RedisCache", repr({"value": value, "мова": "uk"})]

    reader = run_django(ROUND_TRIP, env, "get", key, value)
    assert reader.splitlines() == ["RedisCache", repr({"value": value, "мова": "uk"}), "gone"]
