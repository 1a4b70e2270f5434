package io.mcpgov.registry.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {

    private final FixedResolver resolver = new FixedResolver()
            .map("public.example", "93.184.215.14")
            .map("dual.example", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
            .map("loopback.example", "127.0.0.1")
            .map("private.example", "10.1.2.3")
            .map("metadata.example", "169.254.169.254")
            .map("v6loopback.example", "::1")
            .map("mapped.example", "::ffff:127.0.0.1")
            .map("mappedmeta.example", "::ffff:169.254.169.254")
            .map("ec2v6.example", "fd00:ec2::254")
            .map("cgnat.example", "100.64.1.1")
            .map("mixed.example", "93.184.215.14", "192.168.0.10");

    private final UrlGuard production = new UrlGuard(resolver, false);
    private final UrlGuard development = new UrlGuard(resolver, true);

    @ParameterizedTest
    @ValueSource(strings = {
            "loopback.example", "private.example", "metadata.example", "v6loopback.example", "mapped.example",
            "mappedmeta.example", "ec2v6.example", "cgnat.example", "mixed.example",
    })
    void namesResolvingToNonPublicAddressesAreRefused(String host) throws Exception {
        FetchTarget target = FetchTarget.parse("https://" + host + "/mcp");
        UrlRefusedException refused = assertThrows(UrlRefusedException.class, () -> production.admit(target));
        assertTrue(refused.getMessage().contains("host " + host + " resolves to"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/", "https://10.0.0.1/", "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://[fd00:ec2::254]/",
            "https://0.0.0.0/", "https://[fe80::1]/", "https://100.64.0.1/", "https://224.0.0.1/",
    })
    void nonPublicLiteralsAreRefused(String url) throws Exception {
        FetchTarget target = FetchTarget.parse(url);
        assertThrows(UrlRefusedException.class, () -> production.admit(target));
    }

    @Test
    void publicNamesAreAdmittedWithTheAddressesThatWereChecked() throws Exception {
        List<InetAddress> admitted = production.admit(FetchTarget.parse("https://dual.example/mcp"));
        assertEquals(resolver.resolve("dual.example"), admitted);
    }

    @Test
    void plainHttpIsRefusedBeforeAnyLookupWithoutTheSwitch() throws Exception {
        FetchTarget target = FetchTarget.parse("http://public.example/mcp");
        assertThrows(UrlRefusedException.class, () -> production.admit(target));
        assertEquals(0, resolver.lookups.get());
        assertThrows(UrlRefusedException.class, () -> production.admit(FetchTarget.parse("http://127.0.0.1/")));
    }

    @Test
    void theSwitchAllowsLoopbackOnlyAndPlainHttpOnlyToLoopback() throws Exception {
        development.admit(FetchTarget.parse("http://127.0.0.1:8080/mcp"));
        development.admit(FetchTarget.parse("http://loopback.example/mcp"));
        development.admit(FetchTarget.parse("https://v6loopback.example/mcp"));
        assertThrows(UrlRefusedException.class, () -> development.admit(FetchTarget.parse("http://public.example/")));
        assertThrows(UrlRefusedException.class, () -> development.admit(FetchTarget.parse("https://private.example/")));
        assertThrows(UrlRefusedException.class, () -> development.admit(FetchTarget.parse("https://metadata.example/")));
        assertThrows(UrlRefusedException.class, () -> development.admit(FetchTarget.parse("http://10.0.0.1/")));
    }

    @Test
    void unknownHostsFailResolution() throws Exception {
        FetchTarget target = FetchTarget.parse("https://nowhere.example/");
        assertThrows(UnknownHostException.class, () -> production.admit(target));
    }
}
