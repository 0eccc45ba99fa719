package io.zhihang.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A push gateway on 127.0.0.1 (a free port) for tests: it keeps every request body it receives and answers each with
 * the next scripted answer ({@link #answer}), or {@code 200 {}} when none is left.
 */
final class TestPushGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();

    TestPushGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_matrix/push/v1/notify", exchange -> {
            try (exchange) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
                received.add(body);
                Answer answer = answers.poll();
                byte[] out = (answer == null ? "{}" : answer.body()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer == null ? 200 : answer.status(), out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        });
        server.start();
    }

    /** The pusher URL of this gateway. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/_matrix/push/v1/notify";
    }

    /** The next request's answer. */
    void answer(int status, String body) {
        answers.add(new Answer(status, body));
    }

    /** The next request body received, waiting at most 15 s; fails if none came. */
    Map<String, Object> next() throws InterruptedException {
        Map<String, Object> body = received.poll(15, TimeUnit.SECONDS);
        if (body == null) {
            throw new AssertionError("The push gateway received nothing within 15 s");
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
