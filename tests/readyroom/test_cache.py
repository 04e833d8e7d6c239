"""readyroom.cache: Django's Redis cache, with one client object per connection pool."""

from readyroom.cache import RedisCache


def test_each_call_reuses_the_client_of_its_pool():
    # Making a client opens no connection, so no Redis server is needed here.
    cache = RedisCache("redis://127.0.0.1:6379/9", {})
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is client
    assert cache._cache.get_client("c", write=True) is client


def test_a_reading_replica_gets_a_client_of_its_own():
    cache = RedisCache("redis://127.0.0.1:6379/9,redis://127.0.0.1:6380/9", {})
    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()
    assert reader is not writer and cache._cache.get_client() is reader
    assert writer.connection_pool is not reader.connection_pool
