package io.signflow.callback;

import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.MessageDeliverer;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Posts a callback from the outbox. Only HTTP 200 counts as delivered, as in ESS; anything else, a
 * timeout or a refused address is a failure the relay retries and finally hands to the
 * message-delivery process (an incident in Cockpit after its last retry). The address is checked
 * again here, after DNS, so a host that now resolves to a private address is not called. The key and
 * token are read at delivery, so a message waiting for retry goes out with the current ones.
 */
@Component
public class CallbackDeliverer implements MessageDeliverer {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private final CallbackSettings settings;
    private final CallbackAddressPolicy policy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public CallbackDeliverer(CallbackSettings settings, CallbackAddressPolicy policy) {
        this.settings = settings;
        this.policy = policy;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.CALLBACK;
    }

    @Override
    public void deliver(OutboxMessage message) throws DeliveryFailedException {
        URI uri = checkedAddress(message.recipient());
        Optional<CallbackSettings.Target> target = settings.of(message.organizationId());
        String key = target.map(CallbackSettings.Target::key).orElse(null);
        String token = target.map(CallbackSettings.Target::token).orElse(null);
        String body = key == null ? message.body() : "{\"encrypt\":\"" + CallbackCrypto.encrypt(message.body(), key) + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Content-Signature", CallbackCrypto.signature(body, token));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new DeliveryFailedException("The receiver answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryFailedException("The receiver could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("Interrupted while delivering");
        }
    }

    private URI checkedAddress(String url) throws DeliveryFailedException {
        String refusal = policy.refusal(url);
        if (refusal != null) {
            throw new DeliveryFailedException("The callback URL " + refusal);
        }
        URI uri = URI.create(url);
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!policy.mayConnect(address)) {
                    throw new DeliveryFailedException("The callback host resolves to a private address");
                }
            }
        } catch (UnknownHostException e) {
            throw new DeliveryFailedException("The callback host does not resolve: " + uri.getHost());
        }
        return uri;
    }
}
