package io.signflow.callback;

import io.signflow.common.CallbackAddressPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: the host of a callback is looked up once per connection, through the address policy,
 * and the connection goes to the address that was checked. The resolver here answers as a rebinding
 * name server would: a public address first, loopback after. The receiver listens on loopback.
 */
class CallbackDelivererTest {

    private static final InetAddress PUBLIC = address("192.0.2.10");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CallbackSettings noKey = mock(CallbackSettings.class);

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        receiver.createContext("/cb", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Host") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        when(noKey.of(any())).thenReturn(Optional.empty());
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aNameThatAnswersLoopbackAfterAPublicAddressNeverReachesLoopback() {
        RebindingDns dns = new RebindingDns(PUBLIC, LOOPBACK);
        CallbackDeliverer deliverer = new CallbackDeliverer(noKey, new CallbackAddressPolicy(false), dns);

        // the first lookup, the public address, is the one connected to: nothing answers there
        assertThatThrownBy(() -> deliverer.deliver(message("rebinding.example"), Duration.ofSeconds(2)))
                .isInstanceOf(DeliveryFailedException.class);
        assertThat(dns.lookups.get()).as("one lookup, checked and connected to").isEqualTo(1);
        // the next delivery's lookup answers loopback: refused before any connection
        assertThatThrownBy(() -> deliverer.deliver(message("rebinding.example"), Duration.ofSeconds(2)))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessage("The callback host resolves to a private address");
        assertThat(dns.lookups.get()).isEqualTo(2);
        assertThat(received).as("requests that reached loopback").isEmpty();
        deliverer.destroy();
    }

    @Test
    void aNameWithAnyPrivateAddressAmongItsAnswersIsRefused() {
        DnsResolver both = new RebindingDns(PUBLIC, LOOPBACK) {
            @Override
            public InetAddress[] resolve(String host) {
                return new InetAddress[] {PUBLIC, LOOPBACK};
            }
        };
        CallbackDeliverer deliverer = new CallbackDeliverer(noKey, new CallbackAddressPolicy(false), both);

        assertThatThrownBy(() -> deliverer.deliver(message("both.example"), Duration.ofSeconds(2)))
                .hasMessage("The callback host resolves to a private address");
        assertThat(received).isEmpty();
        deliverer.destroy();
    }

    @Test
    void anAllowedAddressGetsTheCallbackWithTheNameInItsHostHeader() throws Exception {
        RebindingDns dns = new RebindingDns(LOOPBACK, LOOPBACK);
        CallbackDeliverer deliverer = new CallbackDeliverer(noKey, new CallbackAddressPolicy(true), dns);

        deliverer.deliver(message("receiver.example"), Duration.ofSeconds(5));

        assertThat(received).containsExactly("receiver.example:" + receiver.getAddress().getPort()
                + " {\"MsgId\":\"m1\"}");
        deliverer.destroy();
    }

    private OutboxMessage message(String host) {
        return OutboxMessage.create("m1", MessageKind.CALLBACK, "http://" + host + ":" + receiver.getAddress().getPort()
                + "/cb", "org", "group", "flow", "FlowStatusChange", "{\"MsgId\":\"m1\"}", null, null, "callback");
    }

    /** Answers {@code first} to the first lookup and {@code later} to every other one. */
    private static class RebindingDns implements DnsResolver {

        final AtomicInteger lookups = new AtomicInteger();
        private final InetAddress first;
        private final InetAddress later;

        RebindingDns(InetAddress first, InetAddress later) {
            this.first = first;
            this.later = later;
        }

        @Override
        public InetAddress[] resolve(String host) {
            return new InetAddress[] {lookups.getAndIncrement() == 0 ? first : later};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
