package io.signflow.callback;

import io.signflow.common.CallbackAddressPolicy;
import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.MessageDeliverer;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxMessage;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Posts a callback from the outbox. Only HTTP 200 counts as delivered, as in ESS; anything else, a
 * timeout or a refused address is a failure the relay retries and finally hands to the
 * message-delivery process (an incident in Cockpit after its last retry). The address is checked
 * again here, after DNS, so a host that now resolves to a private address is not called. The key and
 * token are read at delivery, so a message waiting for retry goes out with the current ones.
 *
 * <p>The HTTP client resolves the host once more when it connects; Java 17 gives no clean way to make
 * it connect to the address checked here (with TLS the name must stay in the URL for SNI and the
 * certificate check). Both lookups are answered from the JVM's address cache, which keeps an answer
 * 30 s however short its DNS TTL, so a name that changes its answer (DNS rebinding) gets through only
 * if the cached entry expires between the two lookups. RELIABILITY.md lists this as a known limit.
 *
 * <p>The whole exchange is bounded by the attempt's timeout, not only the wait for the status line:
 * a receiver that answers its headers and then trickles its body is cut off like one that never
 * answers. The body of the answer is read and discarded.
 */
@Component
class CallbackDeliverer implements MessageDeliverer {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

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

    /** Scheme, host and port: one integrator's server. */
    @Override
    public String receiver(OutboxMessage message) {
        URI uri;
        try {
            uri = URI.create(message.recipient());
        } catch (IllegalArgumentException e) {
            return message.recipient();
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            // not a URL the delivery will accept (it says why): a receiver of its own
            return message.recipient();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public void deliver(OutboxMessage message, Duration timeout) throws DeliveryFailedException {
        URI uri = checkedAddress(message.recipient());
        Optional<CallbackSettings.Target> target = settings.of(message.organizationId());
        String key = target.map(CallbackSettings.Target::key).orElse(null);
        String token = target.map(CallbackSettings.Target::token).orElse(null);
        String body = key == null ? message.body() : "{\"encrypt\":\"" + CallbackCrypto.encrypt(message.body(), key) + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Content-Signature", CallbackCrypto.signature(body, token));
        }
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.discarding());
        try {
            int status = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            if (status != 200) {
                throw new DeliveryFailedException("The receiver answered HTTP " + status);
            }
        } catch (TimeoutException e) {
            // cancelling aborts the exchange and closes its connection
            exchange.cancel(true);
            throw new DeliveryFailedException("The receiver did not answer completely within " + timeout.toSeconds()
                    + " s");
        } catch (ExecutionException e) {
            throw new DeliveryFailedException("The receiver could not be reached: " + e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
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
