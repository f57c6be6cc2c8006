package org.casetimeline.api.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An aggregate cache that lives only as long as one import batch, in the batch's own thread and transaction:
 * the second fact of a case in a batch does not replay the case again. Outside a batch it holds nothing, so the
 * REST path always reads the store, and when the batch ends (committed or rolled back) its entries are gone:
 * no aggregate state can outlive a transaction that did not commit.
 */
public class BatchAggregateCache implements Cache {

    /** Runs {@code batch} with a fresh cache for this thread; the cache is dropped when it returns or fails. */
    public <T> T during(java.util.function.Supplier<T> batch) {
        TransactionSynchronizationManager.bindResource(this, new HashMap<Object, Object>());
        try {
            return batch.get();
        } finally {
            TransactionSynchronizationManager.unbindResource(this);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> entries() {
        return (Map<Object, Object>) TransactionSynchronizationManager.getResource(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Map<Object, Object> entries = entries();
        return entries == null ? null : (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        Map<Object, Object> entries = entries();
        if (entries != null) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Map<Object, Object> entries = entries();
        return entries != null && entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        Map<Object, Object> entries = entries();
        return entries != null && entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        Map<Object, Object> entries = entries();
        if (entries != null) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        Map<Object, Object> entries = entries();
        return entries != null && entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Map<Object, Object> entries = entries();
        if (entries != null) {
            entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }
}
