package io.zhihang.server.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web site on 127.0.0.1 (an ephemeral port) for URL preview tests: an Open Graph page, a plain HTML page, a
 * page that changes with each request, an image, redirects (to itself, to another loopback address, in a loop), an error, a type that cannot be previewed,
 * oversized bodies (declared and streamed), and a page that never answers until the test ends. It counts the
 * requests to each path.
 */
final class WebPages implements AutoCloseable {
    static final int IMAGE_WIDTH = 40;
    static final int IMAGE_HEIGHT = 30;
    static final byte[] IMAGE = MediaApiTest.png(IMAGE_WIDTH, IMAGE_HEIGHT);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch ending = new CountDownLatch(1);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    WebPages(long oversizedBytes) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
                answer(exchange, oversizedBytes);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange, long oversizedBytes) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/og.html", "/counted.html" -> html(exchange, """
                    <!doctype html><html><head>
                    <meta property="og:title" content="A cat on a mat">
                    <meta property="og:description" content="The story of a cat that sat on a mat.">
                    <meta property="og:image" content="/img/cat.png">
                    <meta property="og:type" content="article">
                    <meta name="twitter:site" content="@cats">
                    <title>Ignored title</title>
                    </head><body><p>Body text</p></body></html>""");
            case "/versioned.html" -> html(exchange, "<title>Version " + hits(path) + "</title>");
            case "/plain.html" -> html(exchange, """
                    <html><head><title> Plain page </title>
                    <meta name="description" content="Nothing but HTML here.">
                    <script>var notText = 1;</script></head>
                    <body><nav>Menu</nav><img src="tiny.png" width="5" height="5">
                    <img src="img/cat.png" width="40" height="30"><p>Some words.</p></body></html>""");
            case "/text-only.html" -> html(exchange, """
                    <html><body><header>Site header</header><h1>Heading as title</h1>
                    <p>First paragraph of the story.</p><footer>Footer</footer></body></html>""");
            case "/img/cat.png" -> {
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.getResponseHeaders().set("Content-Disposition", "inline; filename=\"cat.png\"");
                send(exchange, 200, IMAGE);
            }
            case "/redirect-og" -> redirect(exchange, "/og.html");
            case "/redirect-internal" -> redirect(exchange, "http://127.0.0.2:" + port() + "/og.html");
            case "/redirect-loop" -> redirect(exchange, "/redirect-loop");
            case "/missing" -> html(exchange, 404, "<html><title>Not here</title></html>");
            case "/archive.zip" -> {
                exchange.getResponseHeaders().set("Content-Type", "application/zip");
                send(exchange, 200, new byte[] {'P', 'K', 3, 4});
            }
            case "/huge-declared.html" -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                send(exchange, 200, new byte[(int) oversizedBytes]);
            }
            case "/huge-streamed.html" -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0); // chunked: the size shows only while reading
                try (OutputStream body = exchange.getResponseBody()) {
                    byte[] chunk = "<p>filler</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
                    for (long sent = 0; sent <= oversizedBytes; sent += chunk.length) {
                        body.write(chunk);
                    }
                } catch (IOException closedByTheReader) {
                    // the previewer stops reading at its limit
                }
            }
            case "/slow.html" -> {
                try {
                    ending.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                html(exchange, "<title>Too late</title>");
            }
            default -> html(exchange, 404, "<title>Unknown</title>");
        }
    }

    private static void html(HttpExchange exchange, String page) throws IOException {
        html(exchange, 200, page);
    }

    private static void html(HttpExchange exchange, int status, String page) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(exchange, status, page.getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException closedByTheReader) {
            // the previewer may stop reading (a body over its limit)
        }
    }

    @Override
    public void close() {
        ending.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
