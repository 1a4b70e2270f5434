package io.mcpgov.registry.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.console.Views.Bar;
import io.mcpgov.registry.console.Views.Chart;
import io.mcpgov.registry.console.Views.Panel;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The governance overview: charts of the servers' latest versions, then every {@link OverviewSection}'s panel. */
@ApplicationScoped
public class GovernanceOverview {

    /** Servers counted at most; the page says when there are more. */
    static final int MAX_SERVERS = 5000;
    private static final int BAR_HEIGHT = 32;

    private final ConsoleServers servers;
    private final List<OverviewSection> sections;

    GovernanceOverview(ConsoleServers servers, @All List<OverviewSection> sections) {
        this.servers = servers;
        this.sections = sections.stream().sorted(Comparator.comparingInt(OverviewSection::order)).toList();
    }

    public record Overview(long servers, boolean truncated, List<Chart> charts, List<Panel> panels) {
    }

    public Overview build() {
        Map<String, Long> auth = ordered("oauth2", "api-key", "none");
        Map<String, Long> verification = ordered("verified", "unverified", "unreachable", "failed", "not-applicable");
        Map<String, Long> listing = ordered("listed");
        AllLatest all = AllLatest.read(servers, MAX_SERVERS);
        for (JsonNode item : all.items()) {
            JsonNode governance = ConsoleServers.governance(item);
            auth.merge(Text.text(governance, "authType"), 1L, Long::sum);
            verification.merge(ConsoleServers.verificationState(governance), 1L, Long::sum);
            if (governance.path("listed").asBoolean(false)) {
                listing.merge("listed", 1L, Long::sum);
            }
            for (JsonNode reason : governance.path("reasons")) {
                listing.merge("hidden: " + Text.text(reason, "ruleId"), 1L, Long::sum);
            }
        }
        List<Chart> charts = List.of(
                chart("auth", "Servers by auth type", auth),
                chart("verification", "Servers by verification of their OAuth claim", verification),
                chart("listing", "Listing: listed, or hidden by a rule", listing));
        List<Panel> panels = new ArrayList<>();
        sections.forEach(s -> s.panel().ifPresent(panels::add));
        return new Overview(all.items().size(), all.truncated(), charts, panels);
    }

    private static Map<String, Long> ordered(String... keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (String key : keys) {
            map.put(key, 0L);
        }
        return map;
    }

    private static Chart chart(String id, String title, Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long total = 0;
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (var e : counts.entrySet()) {
            int percent = max == 0 ? 0 : (int) Math.max(e.getValue() > 0 ? 1 : 0, e.getValue() * 100 / max);
            bars.add(new Bar(e.getKey(), e.getValue(), percent, css(e.getKey()), y));
            y += BAR_HEIGHT;
            total += id.equals("listing") ? 0 : e.getValue();
        }
        return new Chart(id, title, bars, Math.max(y, BAR_HEIGHT), total);
    }

    /** A colour class per value; every bar also carries its label and count as text. */
    static String css(String value) {
        return switch (value) {
            case "oauth2", "verified", "listed" -> "good";
            case "api-key", "unreachable", "unverified" -> "warn";
            case "failed" -> "bad";
            default -> value.startsWith("hidden") ? "bad" : "muted";
        };
    }

    /** Latest versions visible to the signed-in user, page by page, up to a bound. */
    record AllLatest(List<JsonNode> items, boolean truncated) {

        static AllLatest read(ConsoleServers servers, int max) {
            List<JsonNode> items = new ArrayList<>();
            String cursor = null;
            do {
                Page<JsonNode> page = servers.latest(null, cursor, 100);
                items.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null && items.size() < max);
            return new AllLatest(items, cursor != null);
        }
    }
}
