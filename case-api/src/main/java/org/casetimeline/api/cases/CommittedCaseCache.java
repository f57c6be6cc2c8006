package org.casetimeline.api.cases;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.casetimeline.projections.transaction.TransactionRecord;

/**
 * The cases' aggregate cache, so that an append to a long case does not replay its whole stream. Axon's caching
 * repository would keep an aggregate as soon as its own unit of work ends, which is before our transaction (events,
 * hash chain, idempotency key) commits, and would hand the same object to the next command even on another node's
 * newer stream. So this cache only ever hands out committed state that matches the store:
 * <ul>
 * <li>a transaction's aggregates stay in that transaction until it commits, and are kept only then, with the
 *     stream head the writer linked ({@link #committed});</li>
 * <li>an entry is handed out only when the writer has read the stream's head under the case's append lock
 *     ({@link #expectHead}) and the entry is at that head: another node's append, or one that rolled back, makes it
 *     a miss and the case is read from the store;</li>
 * <li>an entry is taken out when handed out, as the command will change it, so a transaction that rolls back
 *     leaves nothing behind.</li>
 * </ul>
 * Within one transaction (an import batch), the transaction's own aggregates are handed back without a check: it
 * holds their append locks and wrote them itself.
 * <p>
 * "At the store's head" means at the same sequence number: a stored event altered behind the service's back (its
 * database role cannot) would not be seen by a kept case, which only guards commands; the chain verifier reports it.
 * Spring's transactions must complete on the thread that began them, as the JDBC transaction manager's do.
 */
public class CommittedCaseCache implements Cache {

    private final Map<String, Committed> committed;
    // an inner transaction (REQUIRES_NEW) starts its own record, so it never keeps, or hands out, what the outer one wrote
    private final TransactionRecord<Pending> transactions = new TransactionRecord<>(Pending::new, this::keep);

    /** @param capacity the most cases kept; the least recently used go first */
    public CommittedCaseCache(int capacity) {
        this.committed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Committed> eldest) {
                return size() > capacity;
            }
        };
    }

    private record Committed(Object entry, long head) {
    }

    /** What one transaction has read and written; gone when it ends, its cases kept if it committed. */
    private static final class Pending {
        final Map<String, Long> expectedHeads = new HashMap<>();
        final Map<String, Object> written = new HashMap<>();
        final Map<String, Long> committedHeads = new HashMap<>();
    }

    private void keep(Pending committedTransaction) {
        synchronized (committed) {
            committedTransaction.written.forEach((key, entry) -> {
                Long head = committedTransaction.committedHeads.get(key);
                if (head != null) {
                    committed.put(key, new Committed(entry, head));
                }
            });
        }
    }

    /** This transaction's record, started on first use; none outside a transaction, so nothing is cached there. */
    private Pending pending() {
        return transactions.current();
    }

    /**
     * The stream head of {@code aggregateIdentifier} as read under its append lock in this transaction (null before
     * its first event): a kept entry is handed out only at exactly this head.
     */
    public void expectHead(String aggregateIdentifier, Long head) {
        Pending pending = pending();
        if (pending != null && head != null) {
            pending.expectedHeads.put(aggregateIdentifier, head);
        }
    }

    /** The stream head this transaction leaves behind once it commits; an aggregate it wrote is kept at that head. */
    public void committed(String aggregateIdentifier, long head) {
        Pending pending = pending();
        if (pending != null) {
            pending.committedHeads.put(aggregateIdentifier, head);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Pending pending = pending();
        if (pending == null) {
            return null;
        }
        Object own = pending.written.get(key);
        if (own != null) {
            return (V) own;
        }
        Long expected = pending.expectedHeads.get(key);
        if (expected == null) {
            return null;
        }
        Committed kept;
        synchronized (committed) {
            kept = committed.remove(key);
        }
        return kept != null && kept.head() == expected ? (V) kept.entry() : null;
    }

    @Override
    public void put(Object key, Object value) {
        Pending pending = pending();
        if (pending != null) {
            pending.written.put((String) key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Pending pending = pending();
        return pending != null && pending.written.putIfAbsent((String) key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        Pending pending = pending();
        boolean removed = pending != null && pending.written.remove(key) != null;
        synchronized (committed) {
            return committed.remove(key) != null || removed;
        }
    }

    @Override
    public void removeAll() {
        Pending pending = pending();
        if (pending != null) {
            pending.written.clear();
        }
        synchronized (committed) {
            committed.clear();
        }
    }

    /** Whether {@link #get} would hand this key out now (without taking it out). */
    @Override
    public boolean containsKey(Object key) {
        Pending pending = pending();
        if (pending == null) {
            return false;
        }
        if (pending.written.containsKey(key)) {
            return true;
        }
        Long expected = pending.expectedHeads.get(key);
        synchronized (committed) {
            Committed kept = committed.get(key);
            return expected != null && kept != null && kept.head() == expected;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Pending pending = pending();
        if (pending != null) {
            pending.written.computeIfPresent((String) key, (k, v) -> update.apply((V) v));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }

    /** How many cases are kept between transactions. */
    public int size() {
        synchronized (committed) {
            return committed.size();
        }
    }
}
