package io.signflow.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Rows a repository has read or written in the current transaction, so that the steps of one request
 * (a creation runs a dozen delegates per contract in one transaction) ask the database once, not once
 * per step. A table's owner keeps a memo of its rows and forgets a row in each of its own writes to it,
 * so the transaction never reads back less than it wrote; another module keeps one only of a fact no
 * request changes (a contract without a callback address). A change another transaction commits
 * meanwhile is not seen: the memo answers what the first read saw, as REPEATABLE READ would; owners
 * keep a memo only of rows where that is right (locked, or columns nobody changes while a request runs).
 * Outside a transaction nothing is remembered; a transaction started inside another (REQUIRES_NEW)
 * has its own memo; the memo ends with its transaction.
 *
 * @param <K> the row's key
 * @param <V> what the owner remembers of it
 */
public final class TransactionMemo<K, V> {

    private final String name;

    /** {@code name}: unique among memos; it keys the memo among the transaction's resources. */
    public TransactionMemo(String name) {
        this.name = TransactionMemo.class.getName() + "." + name;
    }

    /** The remembered value, else {@code read}'s, remembered when present. */
    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        Map<K, V> rows = rows();
        if (rows == null) {
            return read.apply(key);
        }
        V known = rows.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> value = read.apply(key);
        value.ifPresent(v -> rows.put(key, v));
        return value;
    }

    /** The remembered value only; empty when the transaction has not read or written it yet. */
    public Optional<V> known(K key) {
        Map<K, V> rows = rows();
        return rows == null ? Optional.empty() : Optional.ofNullable(rows.get(key));
    }

    /** What the transaction itself just wrote, so that its next read need not ask. */
    public void remember(K key, V value) {
        Map<K, V> rows = rows();
        if (rows != null) {
            rows.put(key, value);
        }
    }

    /** Every remembered row changed as {@code change} says, by a write of this transaction that names no key. */
    public void updateAll(UnaryOperator<V> change) {
        Map<K, V> rows = rows();
        if (rows != null) {
            rows.replaceAll((key, value) -> change.apply(value));
        }
    }

    /** The row changed: the next read asks the database again. */
    public void forget(K key) {
        Map<K, V> rows = rows();
        if (rows != null) {
            rows.remove(key);
        }
    }

    /** Rows changed by a write that does not say which of them: every next read asks again. */
    public void forgetAll() {
        Map<K, V> rows = rows();
        if (rows != null) {
            rows.clear();
        }
    }

    /** The transaction's rows, bound on first use; null when no transaction is running. */
    private Map<K, V> rows() {
        return TransactionResources.bound(name, HashMap::new, () -> {
        });
    }
}
