package io.signflow.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 *
 * <p>A receiver that does not answer must slow down nobody else. Every attempt, here or from the
 * process, is bounded as a whole ({@code attemptTimeout}), and only {@code inFlightPerReceiver}
 * attempts per receiver wait for an answer at once: a further message to that receiver waits a
 * moment for one of them to end (a receiver that answers promptly keeps its messages flowing), and
 * is otherwise put back for a while here, and counts as a failed attempt in the process (its job then waits for the next
 * interval of the modelled cycle instead of holding a job-executor thread that sealing and deadlines
 * need). A message put back is tried again when its wait is over, not at the next poll after it:
 * under a burst of callbacks to one receiver the poll's interval came on top of the wait.
 */
@Component
public class OutboxRelay implements DisposableBean {

    public static final String RETRY_PROCESS_KEY = "message-delivery";
    public static final String MESSAGE_ID = "messageId";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** How long a delivery waits for a receiver at its in-flight limit before it is put back. */
    private static final Duration PATIENCE = Duration.ofMillis(250);
    /** Messages one poll hands to the delivery threads: a backlog drains at this many per poll interval. */
    private static final int POLL_BATCH = 1000;

    private final OutboxRepository repository;
    private final Map<MessageKind, MessageDeliverer> deliverers = new EnumMap<>(MessageKind.class);
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final Clock clock;
    /** One pool per kind: receivers that answer slowly never hold up signers' texts. */
    private final Map<MessageKind, ThreadPoolExecutor> executors = new EnumMap<>(MessageKind.class);
    private final InFlightLimit inFlight;
    private final SentMarks sent;
    /** Tries again the messages put back for a busy receiver once their wait is over. */
    private final ScheduledExecutorService putBack = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-put-back");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(OutboxRepository repository, List<MessageDeliverer> deliverers, RuntimeService runtime,
                       TransactionTemplate transaction, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        deliverers.forEach(d -> this.deliverers.put(d.kind(), d));
        this.runtime = runtime;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.inFlight = new InFlightLimit(properties.inFlightPerReceiver(), PATIENCE);
        this.sent = new SentMarks(repository, properties.sentInterval());
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

    /**
     * Messages written together, delivered one after the other per kind. Once one of them is put back
     * because its receiver is busy, the later ones for that receiver are put back too, so that they do
     * not overtake it.
     */
    void deliverWritten(List<Written> messages) {
        Map<MessageKind, List<Written>> byKind = new EnumMap<>(MessageKind.class);
        messages.forEach(m -> byKind.computeIfAbsent(m.message().kind(), k -> new ArrayList<>()).add(m));
        byKind.forEach((kind, written) -> submit(kind, () -> {
            Set<String> busy = new HashSet<>();
            written.forEach(w -> attempt(w.message().id(), busy, () -> claimWritten(w)));
        }));
    }

    /** A message as its transaction wrote it, leased to this node's delivery until {@code heldUntil}. */
    record Written(OutboxMessage message, OffsetDateTime heldUntil) {
    }

    public void deliverSoon(String id, MessageKind kind) {
        submit(kind, () -> attempt(id, new HashSet<>(), () -> claimDue(id)));
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
            for (OutboxRepository.Due due : repository.due(now(), POLL_BATCH)) {
                deliverSoon(due.id(), due.kind());
            }
        } catch (RuntimeException e) {
            // the database is away (a restart, a failover): the next poll tries again
            log.warn("Outbox poll failed: {}", e.getMessage());
        }
    }

    /**
     * The first attempt at a message this node has just written and holds since (see {@link Outbox}):
     * unless another attempt has been made meanwhile, it is delivered as it was written, not read back.
     * While the lease the insert wrote outlasts a whole attempt by half a lease, no other node can have
     * taken the message or take it before the attempt ends, unless its clock is that far ahead of this
     * node's (docs/decisions.md): it is delivered without a claim, one write fewer. A message that
     * waited longer in the queue is claimed as the poll's are.
     */
    private Optional<OutboxMessage> claimWritten(Written written) {
        OffsetDateTime now = now();
        if (now.plus(properties.attemptTimeout()).plus(properties.lease().dividedBy(2)).isBefore(written.heldUntil())) {
            return Optional.of(written.message());
        }
        return repository.claimNew(written.message().id(), now.plus(properties.lease()))
                ? Optional.of(written.message()) : Optional.empty();
    }

    /** A message found due (by the poll, or after a wait): taken with a lease, then read as it is now. */
    private Optional<OutboxMessage> claimDue(String id) {
        OffsetDateTime now = now();
        return repository.claim(id, now, now.plus(properties.lease())) ? repository.find(id) : Optional.empty();
    }

    /**
     * One attempt at message {@code id}, if {@code claim} takes it. {@code busy}: receivers this batch has
     * put messages back for; the message's is added when it is.
     */
    private void attempt(String id, Set<String> busy, Supplier<Optional<OutboxMessage>> claim) {
        try {
            Optional<OutboxMessage> claimed = claim.get();
            if (claimed.isEmpty()) {
                return;
            }
            OutboxMessage message = claimed.get();
            MessageDeliverer deliverer = deliverers.get(message.kind());
            String receiver = deliverer.receiver(message);
            if (receiver != null && (busy.contains(receiver) || !inFlight.tryAcquire(receiver))) {
                // the receiver has not answered the deliveries under way within a moment: free this
                // thread for other receivers and try again shortly, without counting an attempt
                busy.add(receiver);
                repository.postpone(id, now().plus(properties.retryDelay()));
                tryAgainAfterTheWait(id, message.kind());
                return;
            }
            try {
                deliverer.deliver(message, properties.attemptTimeout());
                sent.add(id, now());
            } catch (DeliveryFailedException | RuntimeException e) {
                failed(message, e);
            } finally {
                if (receiver != null) {
                    inFlight.release(receiver);
                }
            }
        } catch (RuntimeException e) {
            // the database is unreachable; the lease runs out and the poll tries again
            log.warn("Outbox message {} could not be processed: {}", id, e.toString());
        }
    }

    private void tryAgainAfterTheWait(String id, MessageKind kind) {
        try {
            putBack.schedule(() -> deliverSoon(id, kind), properties.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: the poll of whichever node runs next picks the message up
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
     * One attempt from the message-delivery process, taking at most {@code timeout} (the relay's own
     * attempt timeout when null). A failure is thrown, so the job's retry cycle applies and Cockpit
     * shows the reason; success is recorded in the job's transaction.
     */
    public void deliverFromProcess(String id, Duration timeout) throws DeliveryFailedException {
        OutboxMessage message = repository.find(id).orElseThrow();
        if ("SENT".equals(message.status())) {
            return;
        }
        MessageDeliverer deliverer = deliverers.get(message.kind());
        String receiver = deliverer.receiver(message);
        if (receiver != null && !inFlight.tryAcquire(receiver)) {
            throw new DeliveryFailedException("The receiver has not answered the " + properties.inFlightPerReceiver()
                    + " deliveries already waiting for it; this one waits for the next retry");
        }
        try {
            deliverer.deliver(message, timeout != null ? timeout : properties.attemptTimeout());
            repository.markSent(List.of(new OutboxRepository.Sent(id, now())));
        } finally {
            if (receiver != null) {
                inFlight.release(receiver);
            }
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
        putBack.shutdownNow();
        executors.values().forEach(ThreadPoolExecutor::shutdown);
        sent.close();
    }
}
