package io.signflow.callback;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** An integrator's callback endpoint on loopback: records what arrives and answers as told. */
final class CallbackReceiver implements AutoCloseable {

    record Received(String body, String signature) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    /** {@code status} is asked for each attempt; 0 means: never answer (a hanging receiver). */
    CallbackReceiver(IntSupplier status) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/callback", exchange -> {
            attempts.incrementAndGet();
            int answer = status.getAsInt();
            if (answer == 0) {
                sleep();
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (answer == 200) {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("Content-Signature")));
            }
            exchange.sendResponseHeaders(answer == 0 ? 504 : answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    List<Received> received() {
        return received;
    }

    int attempts() {
        return attempts.get();
    }

    private static void sleep() {
        try {
            TimeUnit.SECONDS.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
