package io.mcpgov.registry.exception;

import io.mcpgov.registry.publish.VersionPublished;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Records which versions each exception covers, so that the listing gate can check coverage with one indexed join.
 * Coverage is written when an exception is requested (for existing versions) and when a version is published (for
 * the server's open exceptions); whether it counts is decided at read time from the exception's state and end.
 */
@ApplicationScoped
public class ExceptionCoverage {

    private final ExceptionCoverageRepository coverage;
    private final ServerVersionRepository versions;

    ExceptionCoverage(ExceptionCoverageRepository coverage, ServerVersionRepository versions) {
        this.coverage = coverage;
        this.versions = versions;
    }

    /** A new version joins the open exceptions whose range covers it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void coverNewVersion(@Observes VersionPublished published) {
        ServerVersion version = published.entry();
        coverage.openExceptions(version.name).stream()
                .filter(open -> VersionRange.covers(open.versionRange(), version.version))
                .forEach(open -> coverage.cover(open.id(), version.id));
    }

    /** Covers the existing versions in the exception's range; returns them, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ServerVersion> coverExisting(ExceptionEntry exception) {
        List<ServerVersion> covered = versions.allVersions(exception.serverName).stream()
                .filter(v -> VersionRange.covers(exception.versionRange, v.version))
                .toList();
        covered.forEach(v -> coverage.cover(exception.id, v.id));
        return covered;
    }
}
