package io.zhihang.server.push;

import io.zhihang.application.port.out.push.PushGateway;
import io.zhihang.domain.net.OutboundAddressPolicy;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.server.config.HomeserverConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PushGateway} with the JDK's HTTP client: HTTP/1.1, no redirects, a 10 s connect and 30 s overall timeout.
 * The gateway's host is resolved first and refused if any of its addresses is in a blocked range
 * ({@link OutboundAddressPolicy}, the list URL previews use) and not in {@code zhihang.push.ip-range-allowlist}, as
 * Synapse's blocklisting HTTP client does for pushers. The client then looks the host up again, which the JVM answers
 * from its address cache (30 s by default), so the address checked is the one connected to. Reasons given back never hold the URL, which may carry secrets.
 */
@ApplicationScoped
public class JdkHttpPushGateway implements PushGateway {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final OutboundAddressPolicy addresses;

    public JdkHttpPushGateway(HomeserverConfig config) {
        this.addresses = OutboundAddressPolicy.of(List.of(), config.push().ipRangeAllowlist().orElse(List.of()));
    }

    @Override
    public Delivery post(String url, JsonObject body) {
        URI uri = URI.create(url);
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!addresses.permits(address)) {
                    return new Failed("the gateway's address is in a blocked range (zhihang.push.ip-range-allowlist)");
                }
            }
        } catch (UnknownHostException e) {
            return new Failed("the gateway's host is unknown");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.encode(body), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                return new Failed("the gateway answered HTTP " + response.statusCode());
            }
            return new Accepted(rejected(Json.parseClientData(response.body())));
        } catch (JsonException e) {
            return new Failed("the gateway's answer is not a JSON object");
        } catch (IOException e) {
            return new Failed("the gateway could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
    }

    private static List<String> rejected(JsonObject answer) {
        List<String> rejected = new ArrayList<>();
        answer.array("rejected").ifPresent(keys -> keys.items().forEach(key -> {
            if (key instanceof JsonString s) {
                rejected.add(s.value());
            }
        }));
        return rejected;
    }
}
