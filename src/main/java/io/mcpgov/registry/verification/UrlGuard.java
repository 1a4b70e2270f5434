package io.mcpgov.registry.verification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Decides whether a target may be contacted and, if so, at which addresses: every address the host resolves to must
 * be contactable (one bad address refuses the whole host, so a resolver cannot mix a public and a private answer), and
 * plain http is allowed only with the development switch and only when every address is loopback. The addresses
 * returned are the ones the connection must use, so the check and the connection see the same DNS answer.
 */
final class UrlGuard {

    private final HostResolver resolver;
    private final boolean allowHttpLoopback;

    UrlGuard(HostResolver resolver, boolean allowHttpLoopback) {
        this.resolver = resolver;
        this.allowHttpLoopback = allowHttpLoopback;
    }

    /** Checks the scheme before any DNS lookup. */
    void checkScheme(ProbeTarget target) throws UrlRefusedException {
        if (!target.https() && !allowHttpLoopback) {
            throw new UrlRefusedException(UrlRefusedException.NOT_HTTPS, "plain http is refused (https only)");
        }
    }

    /** Resolves (blocking) and checks every address; returns the addresses to connect to, in order. */
    List<InetAddress> admit(ProbeTarget target) throws UrlRefusedException, UnknownHostException {
        checkScheme(target);
        if (target.literal() == null && isLocalhostName(target.host()) && !allowHttpLoopback) {
            throw new UrlRefusedException(AddressCategory.LOOPBACK.ruleId(), "host " + target.host() + " is a loopback"
                    + " name (RFC 6761), whatever a resolver answers");
        }
        List<InetAddress> addresses = target.literal() != null
                ? List.of(target.literal().toInetAddress())
                : resolver.resolve(target.host());
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException("no address for " + target.host());
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            AddressCategory category = target.literal() != null
                    ? AddressClassifier.classify(target.literal())
                    : AddressClassifier.classify(address);
            if (!category.contactable(allowHttpLoopback)) {
                throw new UrlRefusedException(category.ruleId(), describe(target, address) + " is " + category.description());
            }
            allLoopback &= category == AddressCategory.LOOPBACK;
        }
        if (!target.https() && !allLoopback) {
            throw new UrlRefusedException(UrlRefusedException.NOT_HTTPS, "plain http is allowed only to loopback addresses");
        }
        return List.copyOf(addresses);
    }

    /** {@code localhost} and every name under it, which RFC 6761 reserves for the loopback interface. */
    static boolean isLocalhostName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return name.equals("localhost") || name.endsWith(".localhost");
    }

    private static String describe(ProbeTarget target, InetAddress address) {
        String ip = address.getHostAddress();
        return target.literal() != null ? "address " + ip : "host " + target.host() + " resolves to " + ip + ", which";
    }
}
