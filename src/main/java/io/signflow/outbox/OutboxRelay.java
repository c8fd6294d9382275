package io.signflow.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox messages: right after the transaction that wrote them commits, and from a poll
 * that finds what a crash or a full queue left behind. Each attempt first claims the message with a
 * lease, so nodes of a cluster never deliver the same message at once. After the inline attempts a
 * message goes to the message-delivery process, where its retries and, at the end, an incident are
 * visible in Cockpit.
 */
@Component
public class OutboxRelay implements DisposableBean {

    public static final String RETRY_PROCESS_KEY = "message-delivery";
    public static final String MESSAGE_ID = "messageId";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final Map<MessageKind, MessageDeliverer> deliverers = new EnumMap<>(MessageKind.class);
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final Clock clock;
    /** One pool per kind: receivers that answer slowly hold up other callbacks at most, never signers' texts. */
    private final Map<MessageKind, ThreadPoolExecutor> executors = new EnumMap<>(MessageKind.class);

    public OutboxRelay(OutboxRepository repository, List<MessageDeliverer> deliverers, RuntimeService runtime,
                       TransactionTemplate transaction, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        deliverers.forEach(d -> this.deliverers.put(d.kind(), d));
        this.runtime = runtime;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        for (MessageKind kind : MessageKind.values()) {
            String name = "outbox-" + kind.name().toLowerCase(Locale.ROOT);
            executors.put(kind, new ThreadPoolExecutor(properties.threads(), properties.threads(), 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(10_000), r -> {
                        Thread thread = new Thread(r, name);
                        thread.setDaemon(true);
                        return thread;
                    }));
        }
    }

    /** Messages written together, delivered one after the other per kind. */
    public void deliverSoon(List<OutboxRepository.Due> messages) {
        Map<MessageKind, List<String>> byKind = new EnumMap<>(MessageKind.class);
        messages.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m.id()));
        byKind.forEach((kind, ids) -> submit(kind, () -> ids.forEach(id -> attempt(id, true))));
    }

    public void deliverSoon(String id, MessageKind kind) {
        submit(kind, () -> attempt(id, false));
    }

    private void submit(MessageKind kind, Runnable delivery) {
        try {
            executors.get(kind).execute(delivery);
        } catch (RejectedExecutionException e) {
            // the queue is full or we are shutting down: the poll picks the messages up
        }
    }

    @Scheduled(fixedDelayString = "${signflow.outbox.poll-interval:5s}", initialDelayString = "${signflow.outbox.poll-interval:5s}")
    public void poll() {
        try {
            for (OutboxRepository.Due due : repository.due(now(), 200)) {
                deliverSoon(due.id(), due.kind());
            }
        } catch (RuntimeException e) {
            // the database is away (a restart, a failover): the next poll tries again
            log.warn("Outbox poll failed: {}", e.getMessage());
        }
    }

    /** {@code written}: this node has just written the message and holds it since (see {@link Outbox}). */
    void attempt(String id, boolean written) {
        OffsetDateTime now = now();
        try {
            boolean claimed = written ? repository.claimNew(id, now.plus(properties.lease()))
                    : repository.claim(id, now, now.plus(properties.lease()));
            if (!claimed) {
                return;
            }
            OutboxMessage message = repository.find(id).orElseThrow();
            try {
                deliverers.get(message.kind()).deliver(message);
                repository.markSent(id, now());
            } catch (DeliveryFailedException | RuntimeException e) {
                failed(message, e);
            }
        } catch (RuntimeException e) {
            // the database is unreachable; the lease runs out and the poll tries again
            log.warn("Outbox message {} could not be processed: {}", id, e.toString());
        }
    }

    private void failed(OutboxMessage message, Exception failure) {
        long delay = properties.retryDelay().toMillis() << Math.min(message.attempts(), 10);
        int attempts = repository.recordFailure(message.id(), failure.getMessage(),
                now().plusNanos(delay * 1_000_000));
        log.info("Delivery of {} {} failed (attempt {}): {}", message.kind(), message.id(), attempts,
                failure.getMessage());
        if (attempts >= properties.inlineAttempts()) {
            transaction.executeWithoutResult(status -> {
                runtime.startProcessInstanceByKey(RETRY_PROCESS_KEY, message.id(), Map.of(MESSAGE_ID, message.id()));
                repository.handOver(message.id());
            });
        }
    }

    /**
     * One attempt from the message-delivery process. A failure is thrown, so the job's retry cycle
     * applies and Cockpit shows the reason; success is recorded in the job's transaction.
     */
    public void deliverFromProcess(String id) throws DeliveryFailedException {
        OutboxMessage message = repository.find(id).orElseThrow();
        if (!"SENT".equals(message.status())) {
            deliverers.get(message.kind()).deliver(message);
            repository.markSent(id, now());
        }
    }

    public MessageKind kindOf(String id) {
        return repository.find(id).orElseThrow().kind();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @Override
    public void destroy() {
        executors.values().forEach(ThreadPoolExecutor::shutdown);
    }
}
