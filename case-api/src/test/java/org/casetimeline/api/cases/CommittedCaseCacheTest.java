package org.casetimeline.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

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
        Object[] loaded = new Object[1];
        transaction(TransactionSynchronization.STATUS_ROLLED_BACK, cache -> {
            cache.expectHead(CASE, expectedHead);
            loaded[0] = cache.get(CASE);
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

    @Test
    void givenAWriteThatRolledBack_whenLoadedAgain_thenNothingOfItIsKept() {
        transaction(TransactionSynchronization.STATUS_ROLLED_BACK, cache -> {
            cache.put(CASE, "uncommitted");
            cache.committed(CASE, 5);
        });

        assertThat(cache.size()).isZero();
        assertThat(load(5L)).isNull();
    }

    @Test
    void givenACommitWhoseOutcomeIsUnknown_whenLoaded_thenNothingIsKept() {
        transaction(TransactionSynchronization.STATUS_UNKNOWN, cache -> {
            cache.put(CASE, "maybe committed");
            cache.committed(CASE, 5);
        });

        assertThat(cache.size()).isZero();
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
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }
}
