package io.mcpgov.registry.verification;

/**
 * What an IP address is, as far as outbound probing is concerned. Only {@link #PUBLIC} addresses are contacted, plus
 * {@link #LOOPBACK} when the development switch is on.
 */
public enum AddressCategory {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    PRIVATE("a private-network address"),
    LINK_LOCAL("a link-local address"),
    CLOUD_METADATA("a cloud metadata address"),
    CARRIER_GRADE_NAT("a carrier-grade NAT address (100.64.0.0/10)"),
    THIS_NETWORK("an unspecified or \"this network\" address"),
    UNIQUE_LOCAL("a unique-local IPv6 address (fc00::/7)"),
    MULTICAST("a multicast address"),
    BROADCAST("the broadcast address"),
    DOCUMENTATION("a documentation address"),
    BENCHMARKING("a benchmarking address"),
    RESERVED("a reserved or special-purpose address");

    private final String description;

    AddressCategory(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean contactable(boolean allowLoopback) {
        return this == PUBLIC || (allowLoopback && this == LOOPBACK);
    }
}
