package io.mcpgov.registry.outbound;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Classifies addresses with the ipaddress library (never by parsing text by hand). The lists follow the IANA
 * special-purpose address registries; the first matching block wins, so specific blocks come first. IPv6 forms that
 * carry an IPv4 address (mapped, compatible, NAT64 well-known prefix, 6to4) are judged by the IPv4 address they carry,
 * and any other IPv6 address outside global unicast (2000::/3) is refused as reserved.
 */
public final class AddressClassifier {

    private record Block(IPAddress block, AddressCategory category) {
        boolean contains(IPAddress address) {
            return block.contains(address);
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("169.254.169.254/32", AddressCategory.CLOUD_METADATA),
            block("100.100.100.200/32", AddressCategory.CLOUD_METADATA),
            block("192.0.0.192/32", AddressCategory.CLOUD_METADATA),
            block("0.0.0.0/8", AddressCategory.THIS_NETWORK),
            block("10.0.0.0/8", AddressCategory.PRIVATE),
            block("100.64.0.0/10", AddressCategory.CARRIER_GRADE_NAT),
            block("127.0.0.0/8", AddressCategory.LOOPBACK),
            block("169.254.0.0/16", AddressCategory.LINK_LOCAL),
            block("172.16.0.0/12", AddressCategory.PRIVATE),
            block("192.0.0.0/24", AddressCategory.RESERVED),
            block("192.0.2.0/24", AddressCategory.DOCUMENTATION),
            block("192.88.99.0/24", AddressCategory.RESERVED),
            block("192.168.0.0/16", AddressCategory.PRIVATE),
            block("198.18.0.0/15", AddressCategory.BENCHMARKING),
            block("198.51.100.0/24", AddressCategory.DOCUMENTATION),
            block("203.0.113.0/24", AddressCategory.DOCUMENTATION),
            block("224.0.0.0/4", AddressCategory.MULTICAST),
            block("255.255.255.255/32", AddressCategory.BROADCAST),
            block("240.0.0.0/4", AddressCategory.RESERVED));

    private static final List<Block> IPV6 = List.of(
            block("fd00:ec2::254/128", AddressCategory.CLOUD_METADATA),
            block("::/128", AddressCategory.THIS_NETWORK),
            block("::1/128", AddressCategory.LOOPBACK),
            block("64:ff9b:1::/48", AddressCategory.PRIVATE),
            block("100::/64", AddressCategory.RESERVED),
            block("2001:2::/48", AddressCategory.BENCHMARKING),
            block("2001::/23", AddressCategory.RESERVED),
            block("2001:db8::/32", AddressCategory.DOCUMENTATION),
            block("3fff::/20", AddressCategory.DOCUMENTATION),
            block("fc00::/7", AddressCategory.UNIQUE_LOCAL),
            block("fe80::/10", AddressCategory.LINK_LOCAL),
            block("fec0::/10", AddressCategory.PRIVATE),
            block("ff00::/8", AddressCategory.MULTICAST));

    private static final IPAddress GLOBAL_UNICAST = new IPAddressString("2000::/3").getAddress();
    private static final IPAddress NAT64_WELL_KNOWN = new IPAddressString("64:ff9b::/96").getAddress();
    private static final IPAddressGenerator GENERATOR = new IPAddressGenerator();

    private AddressClassifier() {
    }

    /** Whether the URL names its host by a canonical IP literal that is a loopback address (false for any other). */
    public static boolean isLoopbackLiteral(String url) {
        try {
            FetchTarget target = FetchTarget.parse(url);
            return target.literal() != null && classify(target.literal()) == AddressCategory.LOOPBACK;
        } catch (UrlRefusedException e) {
            return false;
        }
    }

    public static AddressCategory classify(InetAddress address) {
        return classify(GENERATOR.from(address));
    }

    public static AddressCategory classify(IPAddress address) {
        if (address.isIPv4()) {
            return classifyV4(address.toIPv4());
        }
        return classifyV6(address.toIPv6());
    }

    private static AddressCategory classifyV4(IPv4Address address) {
        return firstMatch(IPV4, address, AddressCategory.PUBLIC);
    }

    private static AddressCategory classifyV6(IPv6Address address) {
        IPv6Address plain = address.removeZone();
        AddressCategory listed = firstMatch(IPV6, plain, null);
        if (listed != null) {
            return listed;
        }
        if (plain.isIPv4Mapped() || plain.isIPv4Compatible() || NAT64_WELL_KNOWN.contains(plain)) {
            return classifyV4(plain.getEmbeddedIPv4Address());
        }
        if (plain.is6To4()) {
            return classifyV4(plain.get6To4IPv4Address());
        }
        if (!GLOBAL_UNICAST.contains(plain)) {
            return AddressCategory.RESERVED;
        }
        return AddressCategory.PUBLIC;
    }

    private static AddressCategory firstMatch(List<Block> blocks, IPAddress address, AddressCategory otherwise) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return block.category();
            }
        }
        return otherwise;
    }

    private static Block block(String cidr, AddressCategory category) {
        return new Block(new IPAddressString(cidr).getAddress().toPrefixBlock(), category);
    }
}
