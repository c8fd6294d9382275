package io.signflow.support;

import io.signflow.common.Ids;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxMessage;
import io.signflow.outbox.OutboxRelay;
import io.signflow.outbox.OutboxRepository;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Callbacks in the message-delivery process straight away, as the relay hands them over once its own
 * attempts have failed: for tests about the process's retries, without waiting for the relay's.
 */
public record CallbackRetries(TransactionTemplate transaction, OutboxRepository outbox, RuntimeService runtime) {

    /** {@code count} callbacks of the organization to {@code url}; the ids of their message-delivery instances. */
    public List<String> start(String organizationId, String url, int count) {
        return transaction.execute(status -> {
            List<String> instances = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now();
            for (int i = 0; i < count; i++) {
                String id = Ids.next();
                outbox.insert(OutboxMessage.create(id, MessageKind.CALLBACK, url, organizationId, null, null,
                        "FlowStatusChange", "{}", null, null, "callback"), now, now.plusHours(1));
                outbox.handOver(id);
                instances.add(runtime.startProcessInstanceByKey(OutboxRelay.RETRY_PROCESS_KEY, id,
                        Map.of(OutboxRelay.MESSAGE_ID, id)).getId());
            }
            return instances;
        });
    }
}
