package io.mcpgov.registry.verification;

/**
 * What an IP address is, as far as outbound probing is concerned. Only {@link #PUBLIC} addresses are contacted, plus
 * {@link #LOOPBACK} when the development switch is on.
 */
public enum AddressCategory {
    PUBLIC("public", "a public address"),
    LOOPBACK("loopback", "a loopback address"),
    PRIVATE("private", "a private-network address"),
    LINK_LOCAL("link-local", "a link-local address"),
    CLOUD_METADATA("cloud-metadata", "a cloud metadata address"),
    CARRIER_GRADE_NAT("carrier-grade-nat", "a carrier-grade NAT address (100.64.0.0/10)"),
    THIS_NETWORK("this-network", "an unspecified or \"this network\" address"),
    UNIQUE_LOCAL("unique-local", "a unique-local IPv6 address (fc00::/7)"),
    MULTICAST("multicast", "a multicast address"),
    BROADCAST("broadcast", "the broadcast address"),
    DOCUMENTATION("documentation", "a documentation address"),
    BENCHMARKING("benchmarking", "a benchmarking address"),
    RESERVED("reserved", "a reserved or special-purpose address");

    private final String ruleId;
    private final String description;

    AddressCategory(String ruleId, String description) {
        this.ruleId = ruleId;
        this.description = description;
    }

    /** The stable rule id of a refusal for an address of this category, e.g. {@code link-local}. */
    public String ruleId() {
        return ruleId;
    }

    public String description() {
        return description;
    }

    public boolean contactable(boolean allowLoopback) {
        return this == PUBLIC || (allowLoopback && this == LOOPBACK);
    }
}
