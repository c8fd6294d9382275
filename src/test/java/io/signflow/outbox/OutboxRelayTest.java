package io.signflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/** Which copy of a message the relay delivers: the one just written, or the one stored now. */
class OutboxRelayTest {

    private final OutboxRepository repository = mock(OutboxRepository.class);
    private final List<OutboxMessage> delivered = new CopyOnWriteArrayList<>();
    private final OutboxRelay relay = new OutboxRelay(repository, List.of(new MessageDeliverer() {
        @Override
        public MessageKind kind() {
            return MessageKind.NOTIFICATION;
        }

        @Override
        public void deliver(OutboxMessage message, Duration timeout) {
            delivered.add(message);
        }
    }), mock(RuntimeService.class), mock(TransactionTemplate.class), new OutboxProperties(3, Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofSeconds(5), 2, 4, Duration.ofDays(30),
            Duration.ofHours(1), Duration.ofMillis(50)), Clock.systemUTC());

    @AfterEach
    void stop() {
        relay.destroy();
    }

    private static OutboxMessage invitation(String id) {
        return OutboxMessage.create(id, MessageKind.NOTIFICATION, "13800000000", "org", "group", "flow",
                "SIGN_INVITATION", "Please sign", "https://sign.example/s/" + id, null, "SMS");
    }

    private static ArgumentMatcher<List<OutboxRepository.Sent>> sent(String id) {
        return marks -> marks.stream().anyMatch(mark -> mark.id().equals(id));
    }

    /** As its transaction wrote it, with the lease the insert wrote (2 minutes) running out {@code in}. */
    private static OutboxRelay.Written written(String id, Duration in) {
        return new OutboxRelay.Written(invitation(id), OffsetDateTime.now().plus(in));
    }

    @Test
    void aMessageJustWrittenIsDeliveredAsWrittenWithoutBeingReadBackOrClaimedAgain() {
        OutboxRelay.Written message = written("m1", Duration.ofMinutes(2));

        relay.deliverWritten(List.of(message));

        verify(repository, timeout(10_000)).markSent(argThat(sent("m1")));
        assertThat(delivered).containsExactly(message.message());
        verify(repository, never()).find(anyString());
        verify(repository, never()).claimNew(anyString(), any());
    }

    @Test
    void aWrittenMessageWhoseLeaseRunsShortIsClaimedAndLeftToAnotherAttemptThatTookIt() {
        when(repository.claimNew(eq("taken"), any())).thenReturn(false);
        when(repository.claimNew(eq("free"), any())).thenReturn(true);

        // an attempt (10 s) and half a lease (1 minute) no longer fit in what is left. One kind's
        // messages of a transaction are tried in order on one thread: once the second is sent, the
        // attempt at the first is over
        relay.deliverWritten(List.of(written("taken", Duration.ofSeconds(69)), written("free", Duration.ofSeconds(69))));

        verify(repository, timeout(10_000)).markSent(argThat(sent("free")));
        assertThat(delivered).extracting(OutboxMessage::id).containsExactly("free");
        verify(repository, never()).markSent(argThat(sent("taken")));
    }

    @Test
    void aMessageFoundDueIsDeliveredAsItIsStoredNow() {
        OutboxMessage stored = new OutboxMessage("m2", MessageKind.NOTIFICATION, "13800000000", "org", "group",
                "flow", "SIGN_INVITATION", "Please sign", "https://sign.example/s/m2", null, "SMS", "PENDING", 1,
                "timeout", null, null);
        when(repository.claim(eq("m2"), any(), any())).thenReturn(true);
        when(repository.find("m2")).thenReturn(Optional.of(stored));

        relay.deliverSoon("m2", MessageKind.NOTIFICATION);

        verify(repository, timeout(10_000)).markSent(argThat(sent("m2")));
        assertThat(delivered).containsExactly(stored);
    }
}
