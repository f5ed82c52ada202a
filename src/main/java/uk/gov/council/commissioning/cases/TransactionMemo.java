package uk.gov.council.commissioning.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction has read from the register, kept so that it is not read again in the same
 * transaction: a job's or a start's steps, their emails, the next task's candidate groups and due
 * date each ask for the same case or deadline. Within one transaction only the transaction's own
 * writes change the rows, and the code that writes a row {@link #forget forgets} it (or {@link
 * #remember remembers} what it wrote).
 *
 * <p>Kept for the transaction on the connection it runs on (the engine's command and the
 * application's SQL share the Spring transaction), so a transaction started inside it (another
 * connection) reads the register afresh and a rollback leaves nothing behind; outside a transaction
 * nothing is kept. Each memo is its own key: two registers never see each other's values.
 *
 * @param <K> what a value is found by (a case number, a process instance and a deadline kind)
 * @param <V> what the register holds for it
 */
public final class TransactionMemo<K, V> {

  private final DataSource dataSource;

  public TransactionMemo(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The value kept for {@code key} in this transaction, or null. */
  public V get(K key) {
    return values().get(key);
  }

  /** The value kept for {@code key}, or {@code read} it and keep it (a null is not kept). */
  public V computeIfAbsent(K key, Function<? super K, ? extends V> read) {
    Map<K, V> values = values();
    V known = values.get(key);
    if (known != null) {
      return known;
    }
    V value = read.apply(key);
    if (value != null) {
      values.put(key, value);
    }
    return value;
  }

  /** Keeps {@code value}, which this transaction wrote or read, for {@code key}. */
  public void remember(K key, V value) {
    values().put(key, value);
  }

  /** The transaction changed the row behind {@code key}: the next look-up reads it again. */
  public void forget(K key) {
    values().remove(key);
  }

  /** The transaction changed rows it cannot name one by one: every value is read again. */
  public void forgetAll() {
    values().clear();
  }

  private Map<K, V> values() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    Object connection = TransactionSynchronizationManager.getResource(dataSource);
    @SuppressWarnings("unchecked")
    Kept<K, V> kept = (Kept<K, V>) TransactionSynchronizationManager.getResource(this);
    if (kept != null && kept.connection() == connection) {
      return kept.values();
    }
    Kept<K, V> fresh = new Kept<>(connection, new HashMap<>());
    if (kept == null) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
            }
          });
    } else {
      TransactionSynchronizationManager.unbindResource(this);
    }
    TransactionSynchronizationManager.bindResource(this, fresh);
    return fresh.values();
  }

  private record Kept<K, V>(Object connection, Map<K, V> values) {}
}
