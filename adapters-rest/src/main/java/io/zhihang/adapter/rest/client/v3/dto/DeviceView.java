package io.zhihang.adapter.rest.client.v3.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.zhihang.domain.account.Device;

/** A device as {@code GET /devices} shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceView(String deviceId, String displayName, String lastSeenIp, Long lastSeenTs) {

    public static DeviceView of(Device d) {
        return new DeviceView(d.deviceId().value(), d.displayName(), d.lastSeenIp(),
                d.lastSeenTs() == null ? null : d.lastSeenTs().toEpochMilli());
    }
}
