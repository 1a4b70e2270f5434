package io.mcpgov.registry.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.128.0.1, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "169.254.169.254, CLOUD_METADATA",
            "100.100.100.200, CLOUD_METADATA",
            "169.254.1.1, LINK_LOCAL",
            "100.64.0.1, CARRIER_GRADE_NAT",
            "100.127.255.255, CARRIER_GRADE_NAT",
            "0.0.0.0, THIS_NETWORK",
            "0.1.2.3, THIS_NETWORK",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "255.255.255.255, BROADCAST",
            "240.0.0.1, RESERVED",
            "192.0.2.10, DOCUMENTATION",
            "198.51.100.10, DOCUMENTATION",
            "203.0.113.10, DOCUMENTATION",
            "198.18.0.1, BENCHMARKING",
            "192.0.0.8, RESERVED",
    })
    void ipv4(String address, AddressCategory expected) {
        assertEquals(expected, AddressClassifier.classify(FixedResolver.address(address)));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2606:4700:4700::1111, PUBLIC",
            "2a00:1450:4001::200e, PUBLIC",
            "::1, LOOPBACK",
            "::, THIS_NETWORK",
            "fd00:ec2::254, CLOUD_METADATA",
            "fc00::1, UNIQUE_LOCAL",
            "fd12:3456::1, UNIQUE_LOCAL",
            "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "2001:db8::1, DOCUMENTATION",
            "3fff::1, DOCUMENTATION",
            "2001::1, RESERVED",
            "2001:2::1, BENCHMARKING",
            "100::1, RESERVED",
            "64:ff9b:1::1, PRIVATE",
            "4000::1, RESERVED",
            // IPv4 carried inside IPv6: judged by the IPv4 address
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:7f00:1, LOOPBACK",
            "::ffff:169.254.169.254, CLOUD_METADATA",
            "::ffff:10.1.2.3, PRIVATE",
            "::ffff:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "::10.0.0.1, PRIVATE",
            "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
            "64:ff9b::808:808, PUBLIC",
            "2002:7f00:1::1, LOOPBACK",
            "2002:0a00:0001::1, PRIVATE",
            "2002:0808:0808::1, PUBLIC",
    })
    void ipv6(String address, AddressCategory expected) {
        assertEquals(expected, AddressClassifier.classify(FixedResolver.address(address)));
    }

    @Test
    void mappedAddressesStayIpv6InTheTestResolverSoTheMappedBranchIsExercised() {
        assertInstanceOf(Inet6Address.class, FixedResolver.address("::ffff:127.0.0.1"));
    }

    @Test
    void onlyPublicIsContactableAndLoopbackOnlyBehindTheSwitch() {
        assertTrue(AddressCategory.PUBLIC.contactable(false));
        assertFalse(AddressCategory.LOOPBACK.contactable(false));
        assertTrue(AddressCategory.LOOPBACK.contactable(true));
        for (AddressCategory category : AddressCategory.values()) {
            if (category != AddressCategory.PUBLIC && category != AddressCategory.LOOPBACK) {
                assertFalse(category.contactable(true), category.name());
            }
        }
    }
}
