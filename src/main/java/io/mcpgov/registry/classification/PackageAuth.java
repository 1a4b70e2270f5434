package io.mcpgov.registry.classification;

import java.util.List;

/** Whether package number {@code index} needs a standing secret, and the names of the inputs that hold it. */
public record PackageAuth(int index, String registryType, String identifier, String transport, AuthType auth,
        List<String> credentials) {

    public PackageAuth {
        credentials = List.copyOf(credentials);
    }
}
