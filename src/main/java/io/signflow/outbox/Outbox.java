package io.signflow.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a message in the outbox as part of the caller's transaction and asks the relay to deliver it
 * once that transaction has committed: a rolled-back change sends nothing, a committed one is never
 * lost. The messages of one transaction are handed over together, in the order they were written,
 * so a receiver sees a contract's "start", "sign" and "finish" in that order.
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private final Clock clock;

    public Outbox(OutboxRepository repository, OutboxRelay relay, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutboxMessage message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // leased to this node's delivery after commit, which keeps the transaction's order; the poll
        // takes the message only if that never happened (the node died)
        OffsetDateTime heldUntil = now.plus(properties.lease());
        repository.insert(message, now, heldUntil);
        written().add(new OutboxRelay.Written(message, heldUntil));
    }

    /** This transaction's messages, handed to the relay when it commits. */
    private List<OutboxRelay.Written> written() {
        @SuppressWarnings("unchecked")
        List<OutboxRelay.Written> messages = (List<OutboxRelay.Written>) TransactionSynchronizationManager.getResource(this);
        if (messages == null) {
            List<OutboxRelay.Written> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.deliverWritten(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                }
            });
            messages = created;
        }
        return messages;
    }
}
