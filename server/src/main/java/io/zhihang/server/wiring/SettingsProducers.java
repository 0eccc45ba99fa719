package io.zhihang.server.wiring;

import io.zhihang.adapter.rest.http.HttpSettings;
import io.zhihang.adapter.persistence.media.MediaStoreSettings;
import io.zhihang.application.config.DecryptAttemptSettings;
import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.MediaSettings;
import io.zhihang.application.config.PresenceSettings;
import io.zhihang.application.config.TurnSettings;
import io.zhihang.application.config.UrlPreviewSettings;
import io.zhihang.application.config.RateLimitSettings;
import io.zhihang.application.config.RoomSettings;
import io.zhihang.application.config.SecuritySettings;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.application.service.auth.RateLimits;
import io.zhihang.application.service.lifecycle.DecryptAttempts;
import io.zhihang.domain.account.PasswordPolicy;
import io.zhihang.domain.delayed.DelayPolicy;
import io.zhihang.domain.account.UsernamePolicy;
import io.zhihang.domain.auth.RegistrationTokens;
import io.zhihang.domain.lifecycle.LifecyclePolicy;
import io.zhihang.domain.media.MediaUploadPolicy;
import io.zhihang.domain.media.ThumbnailSizes;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.net.OutboundAddressPolicy;
import io.zhihang.domain.security.ClientAddressPolicy;
import io.zhihang.domain.push.PushRetryPolicy;
import io.zhihang.domain.ratelimit.RateLimit;
import io.zhihang.domain.shared.ServerName;
import io.zhihang.server.config.HomeserverConfig;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the operator's configuration into the settings records and policies the other modules take. */
public class SettingsProducers {

    @Produces
    @Singleton
    HomeserverSettings homeserverSettings(HomeserverConfig config,
                                          @ConfigProperty(name = "quarkus.http.port", defaultValue = "8008") int port) {
        ServerName serverName = new ServerName(config.serverName());
        HomeserverConfig.Registration reg = config.registration();
        List<Pattern> exclusive = reg.exclusiveNamespaces().orElse(List.of()).stream().map(Pattern::compile).toList();
        return new HomeserverSettings(
                serverName,
                config.publicBaseurl().orElse(defaultBaseUrl(serverName, port)),
                reg.enabled(),
                new RegistrationTokens(reg.requiresToken(), Set.copyOf(reg.tokens().orElse(List.of()))),
                reg.sharedSecret().filter(s -> !s.isBlank()),
                new UsernamePolicy(serverName, exclusive),
                new PasswordPolicy(reg.passwordMinLength()),
                config.auth().refreshableTokenLifetime(),
                reg.allowGuestAccess());
    }

    @Produces
    @Singleton
    RoomSettings roomSettings(HomeserverConfig config) {
        List<RoomVersion> available = RoomVersion.known().values().stream()
                .filter(RoomVersion::stable)
                .sorted(Comparator.comparingInt(v -> Integer.parseInt(v.id())))
                .toList();
        RoomVersion defaultVersion = available.stream()
                .filter(v -> v.id().equals(config.rooms().defaultVersion())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("zhihang.rooms.default-version must be one of "
                        + available.stream().map(RoomVersion::id).toList()));
        return new RoomSettings(defaultVersion, available);
    }

    @Produces
    @Singleton
    TurnSettings turnSettings(HomeserverConfig config) {
        HomeserverConfig.Turn turn = config.turn();
        return new TurnSettings(turn.uris().orElse(List.of()), turn.sharedSecret().orElse(null),
                turn.username().orElse(null), turn.password().orElse(null), turn.userLifetime());
    }

    /** Synapse's push back-off: 1 s doubling to 1 h; a notification is skipped after a day of failure. */
    @Produces
    @Singleton
    PushRetryPolicy pushRetryPolicy() {
        return PushRetryPolicy.SYNAPSE;
    }

    @Produces
    @Singleton
    PresenceSettings presenceSettings(HomeserverConfig config) {
        return new PresenceSettings(config.presence().enabled());
    }

    @Produces
    @Singleton
    RateLimits rateLimits(HomeserverConfig config) {
        HomeserverConfig.RateLimits rl = config.rateLimits();
        return new RateLimits(new RateLimitSettings(rl.enabled(), limit(rl.loginAddress()), limit(rl.loginAccount()),
                limit(rl.loginFailedAttempts()), limit(rl.registration())));
    }

    @Produces
    @Singleton
    DecryptAttempts decryptAttempts(HomeserverConfig config) {
        HomeserverConfig.RateLimits rl = config.rateLimits();
        return new DecryptAttempts(new DecryptAttemptSettings(rl.enabled(), limit(rl.messageDecryptFailures()),
                limit(rl.messageDecryptFailuresPerUser())));
    }

    @Produces
    @Singleton
    SecuritySettings securitySettings(HomeserverConfig config) {
        HomeserverConfig.Security security = config.security();
        if (security.autoBlockThreshold() < 0 || security.autoBlockThreshold() > 100) {
            throw new IllegalArgumentException("zhihang.security.auto-block-threshold must be between 0 and 100");
        }
        List<IpRange> proxies = security.trustedProxies().orElse(List.of()).stream()
                .filter(s -> !s.isBlank()).map(IpRange::parse).toList();
        return new SecuritySettings(new ClientAddressPolicy(proxies, security.exemptLoopback()),
                security.eventRetention(), security.autoBlockThreshold(), security.autoBlockDuration());
    }

    @Produces
    @Singleton
    HttpSettings httpSettings(HomeserverConfig config) {
        return new HttpSettings(config.http().maxRequestBytes(), config.media().maxUploadBytes());
    }

    @Produces
    @Singleton
    MediaSettings mediaSettings(HomeserverConfig config) {
        HomeserverConfig.Media media = config.media();
        HomeserverConfig.RateLimits rl = config.rateLimits();
        return new MediaSettings(
                new MediaUploadPolicy(media.maxUploadBytes(), media.maxPendingUploads(), media.unusedExpiration()),
                rl.enabled(), limit(rl.mediaCreate()), ThumbnailSizes.defaults());
    }

    @Produces
    @Singleton
    UrlPreviewSettings urlPreviewSettings(HomeserverConfig config) {
        HomeserverConfig.UrlPreview preview = config.media().urlPreview();
        return new UrlPreviewSettings(preview.enabled(),
                OutboundAddressPolicy.of(preview.ipRangeBlocklist().orElse(List.of()),
                        preview.ipRangeAllowlist().orElse(List.of())),
                preview.maxBytes(), preview.timeout(), preview.maxRedirects());
    }

    @Produces
    @Singleton
    MediaStoreSettings mediaStoreSettings(HomeserverConfig config) {
        return new MediaStoreSettings(Path.of(media(config)));
    }

    /** The media directory: {@code zhihang.media.store-path}, or {@code media} under the data directory. */
    static String media(HomeserverConfig config) {
        return config.media().storePath().filter(p -> !p.isBlank()).orElse(config.dataDir() + "/media");
    }

    /** {@code zhihang.messages.*}: the recall and edit windows and the edit limit. */
    @Produces
    @Singleton
    LifecyclePolicy lifecyclePolicy(HomeserverConfig config) {
        HomeserverConfig.Messages messages = config.messages();
        return new LifecyclePolicy(messages.recallWindow(), messages.editWindow(), messages.maxEdits());
    }

    @Produces
    @Singleton
    DelayPolicy delayPolicy(HomeserverConfig config) {
        return new DelayPolicy(config.messages().maxDelay(), config.messages().maxScheduledPerUser());
    }

    @Produces
    @Singleton
    InstantSource clock() {
        return InstantSource.system();
    }

    /** {@code http://<server name>:<port>}, unless the server name already carries a port. */
    static String defaultBaseUrl(ServerName serverName, int port) {
        String name = serverName.value();
        boolean hasPort = name.startsWith("[") ? name.contains("]:") : name.contains(":");
        return "http://" + name + (hasPort ? "" : ":" + port);
    }

    private static RateLimit limit(HomeserverConfig.Limit l) {
        return new RateLimit(l.perSecond(), l.burstCount());
    }
}
