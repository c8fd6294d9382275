package io.signflow.common;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values kept for the current transaction under a name ({@link TransactionMemo}, {@link TransactionBatch}):
 * bound on first use, out of sight while an inner transaction (REQUIRES_NEW) runs, gone at the end.
 */
final class TransactionResources {

    private TransactionResources() {
    }

    /**
     * The transaction's value, made by {@code create} on first use; {@code beforeCommit} runs just before
     * the transaction commits. Null when no transaction is running.
     */
    static <V> V bound(String name, Supplier<V> create, Runnable beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        V value = existing(name);
        if (value == null) {
            value = create.get();
            TransactionSynchronizationManager.bindResource(name, value);
            TransactionSynchronizationManager.registerSynchronization(new Binding(name, value, beforeCommit));
        }
        return value;
    }

    /** The transaction's value if it has one yet; null otherwise. */
    @SuppressWarnings("unchecked")
    static <V> V existing(String name) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return (V) TransactionSynchronizationManager.getResource(name);
    }

    private record Binding(String name, Object value, Runnable beforeCommit) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            beforeCommit.run();
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(name);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(name, value);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(name);
        }
    }
}
