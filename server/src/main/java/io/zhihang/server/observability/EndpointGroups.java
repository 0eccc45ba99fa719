package io.zhihang.server.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds a {@code group} tag to the HTTP server metrics ({@code auth}, {@code account}, {@code devices}, {@code profile},
 * {@code discovery}, {@code admin}, {@code ops}, {@code other}), so dashboards can show requests, latency and errors
 * per endpoint group as well as per URI template.
 */
public class EndpointGroups {

    @Produces
    @Singleton
    MeterFilter endpointGroupTag() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server.")) {
                    return id;
                }
                String uri = id.getTag("uri");
                List<Tag> tags = new ArrayList<>(id.getTags());
                tags.add(Tag.of("group", groupOf(uri == null ? "" : uri)));
                return id.replaceTags(tags);
            }
        };
    }

    static String groupOf(String uri) {
        if (uri.startsWith("/q/")) {
            return "ops";
        }
        if (uri.startsWith("/_synapse/admin")) {
            return "admin";
        }
        if (uri.startsWith("/.well-known") || uri.endsWith("/versions") || uri.endsWith("/capabilities")) {
            return "discovery";
        }
        String rest = uri.replaceFirst("^/_matrix/client/[^/]+/", "");
        String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        return switch (first) {
            case "login", "logout", "refresh", "register" -> "auth";
            case "account" -> rest.startsWith("account/profile") ? "profile" : "account";
            case "devices", "delete_devices" -> "devices";
            case "profile" -> "profile";
            default -> "other";
        };
    }
}
