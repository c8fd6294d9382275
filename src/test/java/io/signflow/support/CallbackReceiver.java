package io.signflow.support;

import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** An integrator's callback endpoint on loopback: records what arrives and answers as told. */
public final class CallbackReceiver implements AutoCloseable {

    public record Received(String body, String signature) {

        /** What a receiver does: check the signature over the raw body, then decrypt the V2 message. */
        public JsonNode open(String key, String token) throws GeneralSecurityException, IOException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            if (!expected.equals(signature)) {
                throw new AssertionError("Content-Signature " + signature + " does not match the body");
            }
            String encrypted = ApiClient.JSON.readTree(body).get("encrypt").asText();
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes, "AES"),
                    new IvParameterSpec(Arrays.copyOf(keyBytes, 16)));
            return ApiClient.JSON.readTree(cipher.doFinal(Base64.getDecoder().decode(encrypted)));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    /** {@code status} is asked for each attempt; 0 means: never answer (a hanging receiver). */
    public CallbackReceiver(IntSupplier status) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
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

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    public List<Received> received() {
        return received;
    }

    public int attempts() {
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
        executor.shutdownNow();
    }
}
