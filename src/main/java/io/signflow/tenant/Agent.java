package io.signflow.tenant;

/**
 * A group enterprise acting for one of its sub-organizations: {@code ProxyOrganizationId} names it.
 * AppId, ProxyAppId and ProxyOperator belong to the channel edition and are ignored.
 */
public record Agent(String appId, String proxyAppId, String proxyOrganizationId, UserInfo proxyOperator) {

    public boolean proxies() {
        return proxyOrganizationId != null && !proxyOrganizationId.isBlank();
    }
}
