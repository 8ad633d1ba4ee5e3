package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class LruAggregateCacheTest {

    @Test
    void idle_entries_survive_garbage_collection_and_the_least_recently_used_is_evicted_first() {
        LruAggregateCache cache = new LruAggregateCache(2);
        List<String> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add((String) key);
            }
        });
        cache.put("a", new StringBuilder("aggregate a"));
        cache.put("b", new StringBuilder("aggregate b"));
        // only the cache holds "a": after a collection that is known to have run (it cleared an object nothing held),
        // a weak cache would have lost it
        WeakReference<Object> held = new WeakReference<>(cache.get("a"));
        WeakReference<Object> unheld = new WeakReference<>(new StringBuilder("garbage"));
        for (int i = 0; i < 50 && unheld.get() != null; i++) {
            System.gc();
        }
        assertThat(unheld.get()).as("a garbage collection ran").isNull();
        assertThat(held.get()).as("the cached aggregate survived it").isNotNull();
        assertThat(cache.<String, Object>get("a")).hasToString("aggregate a");
        cache.put("c", new StringBuilder("aggregate c")); // b is now the least recently used
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(expired).containsExactly("b");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void put_if_absent_remove_and_null_values_behave_like_a_cache() {
        LruAggregateCache cache = new LruAggregateCache(4);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        cache.put("a", null);
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.remove("a")).isFalse();
        cache.put("x", 1);
        cache.put("y", 2);
        cache.removeAll();
        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> new LruAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
