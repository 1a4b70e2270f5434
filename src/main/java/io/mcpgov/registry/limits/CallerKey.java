package io.mcpgov.registry.limits;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Whose budget a request is counted against: a token's subject with its client id, or a source address. One holder
 * of an IPv6 network gets many addresses, so an IPv6 address counts by its /64.
 *
 * @param value   the key in the budget maps, never in metrics or logs
 * @param address true when the caller is known by its address only
 */
public record CallerKey(String value, boolean address) {

    private static final int IPV6_NETWORK = 64;

    /** The caller of a valid token. */
    public static CallerKey token(String subject, String clientId) {
        return new CallerKey("token\n" + subject + "\n" + (clientId == null ? "" : clientId), false);
    }

    /** A caller known by its source address (no token, or a refused one); null stands for an unknown address. */
    public static CallerKey address(String sourceAddress) {
        if (sourceAddress == null) {
            return new CallerKey("address\n?", true);
        }
        IPAddress ip = new IPAddressString(sourceAddress).getAddress();
        if (ip != null && ip.isIPv6()) {
            if (!ip.toIPv6().isIPv4Mapped()) {
                return new CallerKey("address\n" + ip.toIPv6().removeZone().toPrefixBlock(IPV6_NETWORK)
                        .toCanonicalString(), true);
            }
            ip = ip.toIPv6().getEmbeddedIPv4Address();
        }
        return new CallerKey("address\n" + (ip == null ? sourceAddress : ip.toCanonicalString()), true);
    }

    /** The metric tag that says what kind of caller this is (never who). */
    String kind() {
        return address ? "address" : "token";
    }
}
