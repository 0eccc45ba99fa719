package io.zhihang.server.media.preview;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.zhihang.application.config.UrlPreviewSettings;
import io.zhihang.application.port.out.media.UrlFetcher;
import io.zhihang.domain.net.OutboundAddressPolicy;
import io.zhihang.domain.media.preview.PreviewUrl;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches URL previews with the Vert.x HTTP client. Each hop resolves the host itself, refuses it if any of its
 * addresses is one the policy blocks (as Synapse's blocklisting resolver), and connects to the checked address
 * ({@link RequestOptions#setServer}: no second lookup), while the {@code Host} header, SNI and certificate check
 * still use the URL's host. Redirects are never followed by the client: each {@code Location} is a new hop, checked
 * again. Connections are not kept alive, so none is reused for a host it was not checked for. One deadline covers
 * all hops; bodies stop at the size limit.
 */
@ApplicationScoped
public class VertxUrlFetcher implements UrlFetcher {
    /** Synapse's preview user agent, which some sites answer with their Open Graph tags. */
    static final String USER_AGENT = "Zhihang (bot; URL preview)";
    private static final String DOWNLOAD_FAILED = "Failed to download content";

    private final HttpClient client;

    public VertxUrlFetcher(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxRedirects(0));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Fetched fetch(PreviewUrl url, UrlPreviewSettings limits) {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        PreviewUrl current = url;
        for (int hop = 0; ; hop++) {
            InetAddress address = permittedAddress(current, limits.addresses());
            Answer answer = get(current, address, deadline, limits.maxBytes());
            if (answer.status() >= 300 && answer.status() < 400 && answer.header("Location") != null) {
                if (hop >= limits.maxRedirects()) {
                    throw unavailable("Too many redirects");
                }
                current = current.resolve(answer.header("Location"))
                        .orElseThrow(() -> unavailable("Redirected to a URL that cannot be previewed"));
                continue;
            }
            if (answer.status() > 299) {
                throw unavailable("Got error " + answer.status());
            }
            String type = Optional.ofNullable(answer.header("Content-Type")).orElse("application/octet-stream");
            return new Fetched(current, type, answer.body(),
                    ContentDispositions.fileName(answer.header("Content-Disposition")));
        }
    }

    /** The address to connect to for the URL's host, all of whose addresses the policy must permit. */
    static InetAddress permittedAddress(PreviewUrl url, OutboundAddressPolicy policy) {
        if (url.hostIsAddress()) {
            InetAddress literal;
            try {
                literal = InetAddress.getByName(url.uri().getHost());
            } catch (UnknownHostException e) {
                throw unavailable("DNS resolution failure during URL preview generation");
            }
            if (!policy.permits(literal)) {
                throw new DomainException(ErrorKind.PREVIEW_BLOCKED, "IP address blocked");
            }
            return literal;
        }
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(url.host());
        } catch (UnknownHostException | SecurityException e) {
            throw unavailable("DNS resolution failure during URL preview generation");
        }
        // as Synapse: one blocked address refuses the name (it must not choose between them for an attacker)
        if (resolved.length == 0 || !Arrays.stream(resolved).allMatch(policy::permits)) {
            throw unavailable("DNS resolution failure during URL preview generation");
        }
        return resolved[0];
    }

    private Answer get(PreviewUrl url, InetAddress address, long deadline, long maxBytes) {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0) {
            throw unavailable(DOWNLOAD_FAILED + ": timed out");
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.https())
                .setURI(url.requestTarget())
                .setFollowRedirects(false)
                .setConnectTimeout(leftMillis)
                .setIdleTimeout(leftMillis)
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("Accept-Language", "en");
        CompletableFuture<Answer> done = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                done.completeExceptionally(requested.cause());
                return;
            }
            HttpClientRequest request = requested.result();
            // a reset of ours (time out, too large) ends the exchange; it is no error worth a log line
            request.exceptionHandler(done::completeExceptionally);
            sent.set(request);
            request.send().onComplete(responded -> {
                if (responded.failed()) {
                    done.completeExceptionally(responded.cause());
                } else {
                    read(responded.result(), request, maxBytes, done);
                }
            });
        });
        try {
            return done.get(leftMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Optional.ofNullable(sent.get()).ifPresent(HttpClientRequest::reset);
            throw new DomainException(ErrorKind.PREVIEW_UNAVAILABLE, "Requested file took too long to download");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DomainException refusal) {
                throw refusal;
            }
            throw unavailable(DOWNLOAD_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(DOWNLOAD_FAILED);
        }
    }

    private static void read(HttpClientResponse response, HttpClientRequest request, long maxBytes,
                             CompletableFuture<Answer> done) {
        response.exceptionHandler(done::completeExceptionally);
        MultiMap headers = response.headers();
        int status = response.statusCode();
        if (status > 299) {
            // a redirect or an error: the body is not wanted
            done.complete(new Answer(status, headers, new byte[0]));
            request.reset();
            return;
        }
        String type = headers.get("Content-Type");
        if (type != null && !previewable(type)) {
            done.completeExceptionally(new DomainException(ErrorKind.PREVIEW_UNAVAILABLE,
                    "Requested file's content type not allowed for this operation: " + type));
            request.reset();
            return;
        }
        String length = headers.get("Content-Length");
        if (length != null && declaredTooLarge(length, maxBytes)) {
            done.completeExceptionally(tooLarge(maxBytes));
            request.reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (done.isDone()) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBytes) {
                done.completeExceptionally(tooLarge(maxBytes));
                request.reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(end -> done.complete(new Answer(status, headers, body.getBytes())));
    }

    private static boolean declaredTooLarge(String length, long maxBytes) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Synapse's {@code _is_previewable}: HTML, images and JSON. */
    static boolean previewable(String contentType) {
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml") || type.startsWith("image/")
                || type.startsWith("application/json");
    }

    private static DomainException tooLarge(long maxBytes) {
        return new DomainException(ErrorKind.PREVIEW_TOO_LARGE, "Requested file is too large > " + maxBytes + " bytes");
    }

    private static DomainException unavailable(String message) {
        return new DomainException(ErrorKind.PREVIEW_UNAVAILABLE, message);
    }

    /** A response's status, headers and (for a 2xx) body. */
    private record Answer(int status, MultiMap headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }
}
