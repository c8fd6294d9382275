package io.signflow.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code signflow.outbox.*}).
 *
 * @param inlineAttempts attempts the relay makes before handing a message to the message-delivery process
 * @param retryDelay     wait before the relay's next attempt, doubled each time
 * @param lease          how long one attempt, or the node that wrote a new message, may hold it before another node may take it
 * @param pollInterval   how often each node looks for messages still to deliver (after a restart, say)
 * @param threads        parallel deliveries per node, so one slow receiver holds nothing else up
 */
@ConfigurationProperties("signflow.outbox")
public record OutboxProperties(
        @DefaultValue("3") int inlineAttempts,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("8") int threads) {
}
