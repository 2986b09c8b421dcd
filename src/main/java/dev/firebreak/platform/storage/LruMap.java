package dev.firebreak.platform.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets the least recently used entry first, for per-node caches of rows.
 * Locked per call: its users are mostly one thread, so the lock is uncontended.
 */
public final class LruMap<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> map;

    /** A capacity of 0 keeps nothing: the cache is off. */
    public LruMap(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruMap.this.capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return map.get(key);
    }

    public synchronized void put(K key, V value) {
        if (capacity > 0) {
            map.put(key, value);
        }
    }

    public synchronized void remove(K key) {
        map.remove(key);
    }

    public synchronized void clear() {
        map.clear();
    }

    public synchronized int size() {
        return map.size();
    }
}
