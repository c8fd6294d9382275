package io.signflow.callback;

import io.signflow.common.CallbackAddressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The one place a callback host is looked up: the HTTP client connects to the addresses this returns,
 * and this returns them only after the address policy has accepted every one. Checking and connecting
 * use the same answer, so a name that answers a public address to a check and a private one to the
 * connection (DNS rebinding) has no second answer to give.
 */
final class CheckedDnsResolver implements DnsResolver {

    /** The host resolves to an address callbacks may not reach. */
    static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String host) {
            super(host + " resolves to a private address");
        }
    }

    private final DnsResolver dns;
    private final CallbackAddressPolicy policy;

    CheckedDnsResolver(DnsResolver dns, CallbackAddressPolicy policy) {
        this.dns = dns;
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = dns.resolve(host);
        for (InetAddress address : addresses) {
            if (!policy.mayConnect(address)) {
                throw new RefusedAddressException(host);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(host);
    }
}
