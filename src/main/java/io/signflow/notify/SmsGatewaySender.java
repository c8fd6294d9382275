package io.signflow.notify;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.OutboxMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Posts each text to an HTTP SMS gateway: URL, body template and token are settings. The message id
 * travels in the body (${id}) and as Idempotency-Key, so a gateway can drop the rare second delivery
 * after a crash between sending and recording.
 */
@Component
class SmsGatewaySender implements NotificationSender {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(mobile|text|id)}");
    private final NotifyProperties.SmsGateway gateway;
    private final HttpClient http;

    public SmsGatewaySender(NotifyProperties properties) {
        this.gateway = properties.smsGateway();
        this.http = HttpClient.newBuilder().connectTimeout(gateway.timeout()).build();
    }

    @Override
    public String channel() {
        return "sms-gateway";
    }

    @Override
    public void send(OutboxMessage notification) throws DeliveryFailedException {
        if (gateway.url() == null || gateway.url().isBlank()) {
            throw new DeliveryFailedException("signflow.notify.sms-gateway.url is not set");
        }
        String body = fill(gateway.template(), Map.of("mobile", notification.recipient(), "text", notification.body(),
                "id", notification.id()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url())).timeout(gateway.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", notification.id())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (gateway.token() != null && !gateway.token().isBlank()) {
            request.header("Authorization", "Bearer " + gateway.token());
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailedException("SMS gateway answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryFailedException("SMS gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted", e);
        }
    }

    /**
     * Replaces each ${name} of the template in one pass, so a value is never searched for placeholders
     * itself: a text that happens to contain "${id}" reaches the phone as written.
     */
    static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(out, Matcher.quoteReplacement(json(values.get(placeholder.group(1)))));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private static String json(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
