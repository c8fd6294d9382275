package io.signflow.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How signers are told ({@code signflow.notify.*}).
 *
 * @param sender   {@code log} (default: nothing leaves the server, the admin API shows each message) or
 *                 {@code sms-gateway}
 * @param smsGateway the HTTP SMS gateway used by the sms-gateway sender
 */
@ConfigurationProperties("signflow.notify")
record NotifyProperties(@DefaultValue("log") String sender, @DefaultValue SmsGateway smsGateway) {

    /**
     * @param url      where to POST each message
     * @param template the request body; ${mobile}, ${text} and ${id} are replaced by JSON-escaped values.
     *                 ${id} is the message id, for the gateway to drop a repeated delivery
     * @param token    sent as "Authorization: Bearer" when set
     * @param timeout  connect and read timeout
     */
    public record SmsGateway(String url,
                             @DefaultValue("{\"mobile\":\"${mobile}\",\"text\":\"${text}\",\"id\":\"${id}\"}") String template,
                             String token,
                             @DefaultValue("10s") Duration timeout) {
    }
}
