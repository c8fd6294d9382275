package io.signflow.api;

import java.util.List;

/**
 * The forms of the Host header a client may have signed. The Java SDK signs the endpoint as it was
 * configured, port included; the Node.js SDK signs the URL's host name alone while sending the port in
 * Host. Real ESS is never reached on a port, so it never had to choose; a self-hosted server is, so it
 * accepts both. Only the host line of the signed text differs between the two; everything else is
 * checked as sent.
 */
final class SignedHostForms {

    private SignedHostForms() {
    }

    /** The Host header as sent and, when it names a port, the host without it. */
    static List<String> of(String host) {
        String withoutPort = withoutPort(host);
        return withoutPort.equals(host) ? List.of(host) : List.of(host, withoutPort);
    }

    private static String withoutPort(String host) {
        // "[::1]:8080" keeps its brackets, as URL.hostname does; a bare IPv6 address has no port
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.indexOf(':');
        if (colon <= 0 || (!host.startsWith("[") && host.indexOf(':', colon + 1) >= 0)) {
            return host;
        }
        String port = host.substring(colon + 1);
        return !port.isEmpty() && port.chars().allMatch(Character::isDigit) ? host.substring(0, colon) : host;
    }
}
