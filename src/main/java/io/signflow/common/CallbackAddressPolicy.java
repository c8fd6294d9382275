package io.signflow.common;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where callbacks may go: absolute http or https URLs whose host is a public address. Loopback,
 * private, link-local and other special ranges are refused unless {@code SIGNFLOW_CALLBACK_ALLOW_PRIVATE}
 * is true, so that a tenant cannot make the server call into its own network. Checked when an address
 * is set and again, after DNS resolution, before every delivery.
 */
@Component
public class CallbackAddressPolicy {

    private final boolean allowPrivate;

    public CallbackAddressPolicy(@Value("${signflow.callback.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The reason the URL is refused, or null when it is acceptable as far as can be told without DNS. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must start with http:// or https://";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getUserInfo() != null) {
            return "must name a host, without user information";
        }
        if (url.length() > 1000) {
            return "must be at most 1000 characters";
        }
        if (!allowPrivate && (host.equalsIgnoreCase("localhost") || host.toLowerCase(Locale.ROOT).endsWith(".localhost")
                || isLiteralAddress(host) && isPrivate(literal(host)))) {
            return "points to a private or loopback address";
        }
        return null;
    }

    /** The resolved address a delivery is about to connect to. */
    public boolean mayConnect(InetAddress address) {
        return allowPrivate || !isPrivate(address);
    }

    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || cgnat || uniqueLocalV6
                || b.length == 4 && (b[0] & 0xff) == 0;
    }

    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }

    private static InetAddress literal(String host) {
        try {
            // a literal is parsed, not looked up
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
