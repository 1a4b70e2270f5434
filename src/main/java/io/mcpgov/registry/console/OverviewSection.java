package io.mcpgov.registry.console;

import io.mcpgov.registry.console.Views.Panel;
import java.util.Optional;

/**
 * One panel of the governance overview. A feature adds a panel by adding an {@code @ApplicationScoped} bean (for
 * instance orphaned servers, once ownership is recorded); the page shows every bean's panel in {@link #order()}.
 * Read through the registry's services or read-only queries, and show only what the signed-in user may see.
 */
public interface OverviewSection {

    /** Position on the page, lowest first. */
    int order();

    /** The panel for the signed-in user, or empty when it is not for them. */
    Optional<Panel> panel();
}
