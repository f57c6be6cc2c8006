package org.casetimeline.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/** The cache may only ever hand out a case as a committed transaction left it, at the head the store reports. */
class CommittedCaseCacheTest {

    private static final String CASE = "4a0c7c52-0b1f-4f3e-9d55-5d1e0c3e7a11";

    private final CommittedCaseCache cache = new CommittedCaseCache(2);

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    /** Runs {@code work} as one transaction that ends with {@code status}. */
    private void transaction(int status, Consumer<CommittedCaseCache> work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.accept(cache);
        } finally {
            var synchronizations = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
        }
    }

    private Object load(Long expectedHead) {
        return load(CASE, expectedHead);
    }

    private Object load(String key, Long expectedHead) {
        Object[] loaded = new Object[1];
        transaction(TransactionSynchronization.STATUS_ROLLED_BACK, cache -> {
            cache.expectHead(key, expectedHead);
            loaded[0] = cache.get(key);
        });
        return loaded[0];
    }

    private void commit(String state, long head) {
        transaction(TransactionSynchronization.STATUS_COMMITTED, cache -> {
            cache.put(CASE, state);
            cache.committed(CASE, head);
        });
    }

    @Test
    void givenACommittedWrite_whenLoadedAtItsHead_thenHandedOutOnceAndTakenOut() {
        commit("case at 4", 4);

        assertThat(load(4L)).isEqualTo("case at 4");
        assertThat(load(4L)).as("the command that took it changes it; its transaction rolled back").isNull();
    }

    @Test
    void givenAnotherNodeAppended_whenTheStoreIsAhead_thenAMissAndTheStaleCaseDropped() {
        commit("case at 4", 4);

        assertThat(load(6L)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenNoHeadReadUnderTheLock_whenLoaded_thenNothingIsHandedOut() {
        commit("case at 4", 4);

        assertThat(load(null)).isNull();
        assertThat(cache.size()).as("an unchecked load does not consume it").isEqualTo(1);
    }

    /** Rolled back, or a commit whose answer never came (the connection died): either way nothing is kept. */
    @ParameterizedTest
    @ValueSource(ints = {TransactionSynchronization.STATUS_ROLLED_BACK, TransactionSynchronization.STATUS_UNKNOWN})
    void givenAWriteThatDidNotSurelyCommit_whenLoadedAgain_thenNothingOfItIsKept(int outcome) {
        transaction(outcome, cache -> {
            cache.put(CASE, "not surely committed");
            cache.committed(CASE, 5);
        });

        assertThat(cache.size()).isZero();
        assertThat(load(5L)).isNull();
    }

    @Test
    void givenAWriteWithoutItsCommittedHead_whenCommitted_thenNotKept() {
        transaction(TransactionSynchronization.STATUS_COMMITTED, cache -> cache.put(CASE, "head unknown"));

        assertThat(cache.size()).isZero();
    }

    @Test
    void givenOneTransaction_whenItLoadsWhatItWrote_thenItsOwnStateComesBackUnchecked() {
        transaction(TransactionSynchronization.STATUS_ROLLED_BACK, cache -> {
            cache.put(CASE, "written in this batch");
            assertThat((Object) cache.get(CASE)).isEqualTo("written in this batch");
        });
    }

    @Test
    void givenNoTransaction_whenUsed_thenNothingIsCached() {
        cache.put(CASE, "outside");
        cache.committed(CASE, 1);

        assertThat((Object) cache.get(CASE)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenMoreCasesThanItsCapacity_whenCommitted_thenTheLeastRecentlyUsedGo() {
        for (String id : new String[] {"a", "b", "c"}) {
            transaction(TransactionSynchronization.STATUS_COMMITTED, cache -> {
                cache.put(id, id);
                cache.committed(id, 0);
            });
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(load("a", 0L)).isNull();
        assertThat(load("c", 0L)).isEqualTo("c");
    }

    @Test
    void givenAnInnerTransactionThatRollsBack_whenTheOuterCommits_thenOnlyTheOutersWriteIsKept() {
        PlatformTransactionManager transactions = new NoResourceTransactions();
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            cache.put(CASE, "case at 4");
            cache.committed(CASE, 4);
            inner.executeWithoutResult(status -> {
                assertThat((Object) cache.get(CASE)).as("the outer transaction's own state").isNull();
                cache.put(CASE, "case at 5, rolled back");
                cache.committed(CASE, 5);
                status.setRollbackOnly();
            });
        });

        assertThat(load(CASE, 4L)).isEqualTo("case at 4");
    }

    /** Transactions with no resource behind them: enough for Spring to begin, suspend, resume and end them. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
        private final ThreadLocal<Object> active = new ThreadLocal<>();

        @Override
        protected Object doGetTransaction() {
            return new boolean[] {active.get() != null};
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((boolean[]) transaction)[0];
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            active.set(transaction);
        }

        @Override
        protected Object doSuspend(Object transaction) {
            Object suspended = active.get();
            active.remove();
            return suspended;
        }

        @Override
        protected void doResume(Object transaction, Object suspended) {
            active.set(suspended);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            active.remove();
        }
    }
}
