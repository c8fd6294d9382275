package io.signflow.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code signflow.outbox.*}). The message-delivery process's retries have their
 * own settings in its model (retry cycle, attempt timeout, job priority).
 *
 * @param inlineAttempts     attempts the relay makes before handing a message to the message-delivery process
 * @param retryDelay         wait before the relay's next attempt, doubled each time; also how long a message
 *                           waits when its receiver already has {@code inFlightPerReceiver} deliveries under way
 * @param attemptTimeout     how long one of the relay's attempts may take altogether, from connecting to the
 *                           last byte of the answer
 * @param lease              how long one attempt, or the node that wrote a new message, may hold it before another node may take it
 * @param pollInterval       how often each node looks for messages still to deliver (after a restart, say)
 * @param threads            parallel deliveries per node and kind
 * @param inFlightPerReceiver deliveries per node that may wait for one receiver's answer at once, so that a
 *                           receiver that hangs holds that many threads at most and the others keep the rest
 * @param retention          how long a delivered message is kept (for the admin API's notification list and
 *                           for looking into a delivery) before {@link OutboxRetention} removes it
 * @param purgeInterval      how often each node removes delivered messages older than {@code retention}
 * @param sentInterval       how often the relay records its deliveries as sent, all of them in one write
 */
@ConfigurationProperties("signflow.outbox")
public record OutboxProperties(
        @DefaultValue("3") int inlineAttempts,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("10s") Duration attemptTimeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("16") int threads,
        @DefaultValue("4") int inFlightPerReceiver,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("100ms") Duration sentInterval) {
}
