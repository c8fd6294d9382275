package io.signflow.tenant;

import jakarta.validation.constraints.NotNull;

/** The employee performing an API call (Operator). Channel, OpenId, ClientIp and ProxyIp are accepted and ignored. */
public record UserInfo(@NotNull String userId, String channel, String openId, String clientIp, String proxyIp) {
}
