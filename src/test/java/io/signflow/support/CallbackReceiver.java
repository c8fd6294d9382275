package io.signflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's callback endpoint on loopback: records what arrives and answers as told — with a
 * status, or misbehaving: never answering, resetting the connection, or sending its headers and then
 * trickling its body forever. A plain socket server, so that it can misbehave at the TCP level.
 */
public final class CallbackReceiver implements AutoCloseable {

    /** How the receiver answers one request: with {@code status}, or misbehaving. */
    public record Answer(int status, Behaviour behaviour) {

        public enum Behaviour { STATUS, HANG, RESET, TRICKLE }

        /** Reads the request and never answers, until the client closes the connection (at most a minute). */
        public static final Answer HANG = new Answer(0, Behaviour.HANG);
        /** Reads the request and resets the connection (TCP RST) without a word. */
        public static final Answer RESET = new Answer(0, Behaviour.RESET);
        /** Answers "200" with a long body, one byte every half second. */
        public static final Answer TRICKLE = new Answer(200, Behaviour.TRICKLE);

        public static Answer status(int code) {
            return new Answer(code, Behaviour.STATUS);
        }
    }

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

    private final ServerSocket server;
    private final Supplier<Answer> answers;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "callback-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    /** Answers every request with the status {@code status} gives at that moment. */
    public CallbackReceiver(IntSupplier status) {
        this(() -> Answer.status(status.getAsInt()));
    }

    private CallbackReceiver(Supplier<Answer> answers) {
        this.answers = answers;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(this::accept);
    }

    /** A receiver that answers each request as {@code answers} says at that moment. */
    public static CallbackReceiver answering(Supplier<Answer> answers) {
        return new CallbackReceiver(answers);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/callback";
    }

    public List<Received> received() {
        return received;
    }

    /** Requests that arrived, whatever the answer. */
    public int attempts() {
        return attempts.get();
    }

    /** Connections still open: requests a hanging or trickling receiver has not let go yet. */
    public int openConnections() {
        return open.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.execute(() -> serve(socket));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket socket) {
        open.incrementAndGet();
        try (socket) {
            InputStream in = socket.getInputStream();
            Map<String, String> headers = new HashMap<>();
            String requestLine = line(in);
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
            }
            if (requestLine == null) {
                return;
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            attempts.incrementAndGet();
            Answer answer = answers.get();
            OutputStream out = socket.getOutputStream();
            switch (answer.behaviour()) {
                case STATUS -> {
                    if (answer.status() == 200) {
                        received.add(new Received(new String(body, StandardCharsets.UTF_8), headers.get("content-signature")));
                    }
                    out.write(("HTTP/1.1 " + answer.status() + " Answer\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case HANG -> {
                    // until the client gives up and closes the connection
                    socket.setSoTimeout(60_000);
                    while (in.read() != -1) {
                        // nothing is expected
                    }
                }
                case RESET -> socket.setSoLinger(true, 0);
                case TRICKLE -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 120; i++) {
                        out.write('.');
                        out.flush();
                        TimeUnit.MILLISECONDS.sleep(500);
                    }
                }
            }
        } catch (IOException e) {
            // the client gave up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    /** One CRLF-terminated line in ASCII, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        executor.shutdownNow();
    }
}
