package io.zhihang.application.config;

import io.zhihang.domain.security.ClientAddressPolicy;

import java.time.Duration;

/**
 * The security tools' settings.
 *
 * @param addresses          which address a request comes from (trusted proxies) and whether loopback is exempt
 * @param eventRetention     how long security events (and the audit trail) are kept
 * @param autoBlockThreshold an address whose reputation score falls to this or below is blocked automatically;
 *                           0 switches automatic blocking off (the default)
 * @param autoBlockDuration  how long an automatic block lasts
 */
public record SecuritySettings(ClientAddressPolicy addresses, Duration eventRetention, int autoBlockThreshold,
                               Duration autoBlockDuration) {
}
