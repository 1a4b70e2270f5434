package io.mcpgov.registry.outbound;

import inet.ipaddr.IPAddressString;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A resolver with a fixed table, counting lookups. IPv6 answers stay IPv6 (an IPv4-mapped answer is not unmapped). */
public final class FixedResolver implements HostResolver {

    private final Map<String, List<InetAddress>> table = new HashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    public FixedResolver map(String host, String... addresses) {
        List<InetAddress> answers = new ArrayList<>();
        for (String address : addresses) {
            answers.add(address(address));
        }
        table.put(host, answers);
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.incrementAndGet();
        List<InetAddress> answers = table.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        return answers;
    }

    public static InetAddress address(String text) {
        try {
            byte[] bytes = new IPAddressString(text).getAddress().getBytes();
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
