package io.mcpgov.registry.imports;

import io.mcpgov.registry.common.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The running totals of one import, and the namespace owners it has looked up. Pages are stored concurrently: each
 * counts into a {@link Page} of its own, added to the totals once its transaction has committed.
 */
final class ImportRun {

    private final String importer;
    private final String owningTeam;
    private final int maxReportedRefusals;
    private final Map<String, String> teams = new ConcurrentHashMap<>();
    private final List<ImportResult.Refusal> refusals = new ArrayList<>();
    private final List<String> mapped = new ArrayList<>();
    private int imported;
    private int skipped;
    private int statusesUpdated;
    private int refused;
    private int pages;
    private Instant latestUpdatedAt;

    ImportRun(String importer, String owningTeam, int maxReportedRefusals) {
        this.importer = importer;
        this.owningTeam = owningTeam;
        this.maxReportedRefusals = maxReportedRefusals;
    }

    String importer() {
        return importer;
    }

    String owningTeam() {
        return owningTeam;
    }

    String teamOf(String namespace, Supplier<String> lookup) {
        return teams.computeIfAbsent(namespace, n -> lookup.get());
    }

    boolean knowsNamespace(String namespace) {
        return teams.containsKey(namespace);
    }

    synchronized void mapped(String namespace) {
        mapped.add(namespace);
    }

    synchronized void page() {
        pages++;
    }

    /** Items refused before storing (they failed the checks). */
    synchronized void refuse(String name, String version, List<Violation> errors) {
        refused++;
        if (refusals.size() < maxReportedRefusals) {
            refusals.add(new ImportResult.Refusal(name, version, errors));
        }
    }

    synchronized int imported() {
        return imported;
    }

    synchronized void add(Page page) {
        imported += page.imported;
        skipped += page.skipped;
        statusesUpdated += page.statusesUpdated;
        page.refusals.forEach(r -> refuse(r.name(), r.version(), r.errors()));
    }

    /** What storing one page did; thrown away if its transaction rolls back. */
    static final class Page {
        private int imported;
        private int skipped;
        private int statusesUpdated;
        private final List<ImportResult.Refusal> refusals = new ArrayList<>();

        void imported() {
            imported++;
        }

        void skipped() {
            skipped++;
        }

        void statusUpdated() {
            statusesUpdated++;
        }

        void refuse(String name, String version, List<Violation> errors) {
            refusals.add(new ImportResult.Refusal(name, version, errors));
        }
    }

    synchronized void sawUpdatedAt(String updatedAt) {
        if (updatedAt == null) {
            return;
        }
        try {
            Instant at = OffsetDateTime.parse(updatedAt).toInstant();
            if (latestUpdatedAt == null || at.isAfter(latestUpdatedAt)) {
                latestUpdatedAt = at;
            }
        } catch (DateTimeParseException e) {
            // a source without usable timestamps gives no increment point
        }
    }

    synchronized ImportResult result() {
        return new ImportResult(imported, skipped, statusesUpdated, refused, pages, refusals, mapped,
                latestUpdatedAt == null ? null : latestUpdatedAt.toString());
    }
}
