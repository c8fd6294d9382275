package io.signflow.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a message in the outbox as part of the caller's transaction and asks the relay to deliver it
 * once that transaction has committed: a rolled-back change sends nothing, a committed one is never
 * lost.
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(OutboxRepository repository, OutboxRelay relay, Clock clock) {
        this.repository = repository;
        this.relay = relay;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutboxMessage message) {
        repository.insert(message, OffsetDateTime.now(clock));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.deliverSoon(message.id());
            }
        });
    }
}
