package io.zhihang.server.wiring;

import io.quarkus.runtime.StartupEvent;
import io.zhihang.adapter.rest.http.HttpSettings;
import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.RoomSettings;
import io.zhihang.application.config.UrlPreviewSettings;
import io.zhihang.application.service.auth.RateLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Builds the settings at start, so that a wrong value (an invalid server name, an impossible password policy)
 * stops the server with its message instead of failing every request later; and warns about risky choices.
 */
@Singleton
public class StartupChecks {
    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    void check(@Observes @Priority(2) StartupEvent event, HomeserverSettings settings, RateLimits rateLimits,
               HttpSettings http, RoomSettings rooms, UrlPreviewSettings urlPreviews) {
        LOG.infof("Server name %s, clients reach it at %s", settings.serverName(), settings.publicBaseUrl());
        if (settings.registrationEnabled() && !settings.registrationTokens().required()
                && !settings.serverName().value().startsWith("localhost")) {
            LOG.warnf("Registration is open to anyone (zhihang.registration.enabled=true, no token required). "
                    + "Set ZHIHANG_REGISTRATION_ENABLED=false or require registration tokens on a public server.");
        }
        if (urlPreviews.enabled() && !urlPreviews.addresses().allowed().isEmpty()) {
            LOG.infof("URL previews may reach these otherwise blocked ranges: %s", urlPreviews.addresses().allowed());
        }
    }
}
