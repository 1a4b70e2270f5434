package io.mcpgov.registry.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses to check and connect to. Production uses {@link #system()}; tests inject a
 * fixed table so that "a name that resolves to 169.254.169.254" can be tried without touching DNS. It is called only
 * for host names, never for IP literals, and may block (it runs on the fetcher's resolver threads).
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
