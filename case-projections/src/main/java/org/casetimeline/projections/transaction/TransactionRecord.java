package org.casetimeline.projections.transaction;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A record of what one transaction did, started on its first use and bound to that transaction; handed to
 * {@code onCommit} when the transaction commits, dropped when it rolls back or its outcome is unknown. A transaction
 * suspended for an inner one (REQUIRES_NEW) takes its record along, so the inner one starts its own. Spring's
 * transactions must complete on the thread that began them, as the JDBC transaction manager's do.
 */
public final class TransactionRecord<R> {

    private final Supplier<R> start;
    private final Consumer<R> onCommit;

    public TransactionRecord(Supplier<R> start, Consumer<R> onCommit) {
        this.start = start;
        this.onCommit = onCommit;
    }

    /** This transaction's record; null outside a transaction, where there is nothing to wait for. */
    public R current() {
        @SuppressWarnings("unchecked")
        Bound bound = (Bound) TransactionSynchronizationManager.getResource(this);
        if (bound == null && TransactionSynchronizationManager.isSynchronizationActive()) {
            bound = new Bound(start.get());
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(bound);
        }
        return bound == null ? null : bound.record;
    }

    private final class Bound implements TransactionSynchronization {
        private final R record;

        Bound(R record) {
            this.record = record;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionRecord.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionRecord.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionRecord.this);
            if (status == STATUS_COMMITTED) {
                onCommit.accept(record);
            }
        }
    }
}
