package io.signflow.callback;

import io.signflow.common.CallbackAddressPolicy;
import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.MessageDeliverer;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxMessage;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Posts a callback from the outbox. Only HTTP 200 counts as delivered, as in ESS; anything else, a
 * timeout or a refused address is a failure the relay retries and finally hands to the
 * message-delivery process (an incident in Cockpit after its last retry). The key and token are read
 * at delivery, so a message waiting for retry goes out with the current ones.
 *
 * <p>The host is looked up once per connection, through {@link CheckedDnsResolver}: the address policy
 * sees the addresses the connection then uses, so DNS rebinding has no second lookup to exploit. The
 * URL keeps its host name, so the Host header, the TLS server name (SNI) and the certificate's host
 * name check are those of the name, as with any HTTP client. A pooled connection is reused only for
 * its own scheme, host and port, and was checked when it was opened.
 *
 * <p>The whole exchange is bounded by the attempt's timeout, not only the wait for the status line:
 * a receiver that answers its headers and then trickles its body is cut off like one that never
 * answers (the request is cancelled, which closes its connection). The body of the answer is read and
 * discarded. No redirects are followed and nothing is retried here: the relay decides about retries.
 */
@Component
class CallbackDeliverer implements MessageDeliverer, DisposableBean {

    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);

    private final CallbackSettings settings;
    private final CallbackAddressPolicy policy;
    private final CloseableHttpClient http;
    /** Cancels exchanges that outlive their attempt's timeout. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "callback-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public CallbackDeliverer(CallbackSettings settings, CallbackAddressPolicy policy) {
        this(settings, policy, SystemDefaultDnsResolver.INSTANCE);
    }

    /** {@code dns}: where host names are looked up (tests answer with their own addresses). */
    CallbackDeliverer(CallbackSettings settings, CallbackAddressPolicy policy, DnsResolver dns) {
        this.settings = settings;
        this.policy = policy;
        // the relay limits deliveries per receiver (signflow.outbox.in-flight-per-receiver), not the pool
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(dns, policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).build())
                        .setMaxConnTotal(512).setMaxConnPerRoute(64)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
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
        String refusal = policy.refusal(message.recipient());
        if (refusal != null) {
            throw new DeliveryFailedException("The callback URL " + refusal);
        }
        Optional<CallbackSettings.Target> target = settings.of(message.organizationId());
        String key = target.map(CallbackSettings.Target::key).orElse(null);
        String token = target.map(CallbackSettings.Target::token).orElse(null);
        String body = key == null ? message.body() : "{\"encrypt\":\"" + CallbackCrypto.encrypt(message.body(), key) + "\"}";
        HttpPost post = new HttpPost(URI.create(message.recipient()));
        post.setConfig(attemptConfig(timeout));
        post.setEntity(new StringEntity(body, ContentType.create("application/json", StandardCharsets.UTF_8)));
        if (token != null) {
            post.setHeader("Content-Signature", CallbackCrypto.signature(body, token));
        }
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            int status = http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            if (status != 200) {
                throw new DeliveryFailedException("The receiver answered HTTP " + status);
            }
        } catch (CheckedDnsResolver.RefusedAddressException e) {
            throw new DeliveryFailedException("The callback host resolves to a private address");
        } catch (UnknownHostException e) {
            throw new DeliveryFailedException("The callback host does not resolve: " + post.getAuthority());
        } catch (IOException e) {
            if (post.isCancelled()) {
                throw new DeliveryFailedException("The receiver did not answer completely within "
                        + timeout.toSeconds() + " s");
            }
            throw new DeliveryFailedException("The receiver could not be reached: " + e);
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Cancelling a request does not stop a connection being opened, so the connect timeout is the
     * attempt's when that is shorter; the per-request connect timeout is deprecated in favour of the
     * connection manager's, which cannot vary per attempt.
     */
    @SuppressWarnings("deprecation")
    private static RequestConfig attemptConfig(Duration timeout) {
        Timeout attempt = Timeout.of(timeout);
        return RequestConfig.custom().setResponseTimeout(attempt).setConnectionRequestTimeout(attempt)
                .setConnectTimeout(attempt.compareTo(CONNECT_TIMEOUT) < 0 ? attempt : CONNECT_TIMEOUT).build();
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
        http.close(CloseMode.GRACEFUL);
    }
}
