package io.signflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;

/** Deliveries recorded as sent: together, and none forgotten when a write fails. */
class SentMarksTest {

    private final OutboxRepository repository = mock(OutboxRepository.class);

    @SuppressWarnings("unchecked")
    private final ArgumentCaptor<List<OutboxRepository.Sent>> written = ArgumentCaptor.forClass(List.class);

    @Test
    void theDeliveriesOfAnIntervalAreWrittenInOneGoAndWhatWaitsIsWrittenOnClosing() {
        SentMarks marks = new SentMarks(repository, Duration.ofHours(1));
        OffsetDateTime now = OffsetDateTime.now();
        marks.add("m1", now);
        marks.add("m2", now);
        marks.add("m3", now);
        verify(repository, never()).markSent(any());

        marks.close();

        verify(repository).markSent(written.capture());
        assertThat(written.getValue()).extracting(OutboxRepository.Sent::id).containsExactly("m1", "m2", "m3");
    }

    @Test
    void aWriteThatFailsIsTriedAgainWithTheSameDeliveries() {
        doThrow(new DataAccessResourceFailureException("database restarting")).doNothing()
                .when(repository).markSent(any());
        SentMarks marks = new SentMarks(repository, Duration.ofMillis(20));
        marks.add("m1", OffsetDateTime.now());
        marks.add("m2", OffsetDateTime.now());

        verify(repository, timeout(5_000).times(2)).markSent(written.capture());
        marks.close();

        assertThat(written.getAllValues()).allSatisfy(sent ->
                assertThat(sent).extracting(OutboxRepository.Sent::id).containsExactlyInAnyOrder("m1", "m2"));
        verify(repository, times(2)).markSent(any());
    }
}
