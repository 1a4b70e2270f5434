package io.mcpgov.registry.report;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Until the registry verifies servers, every server is {@code unverified}. */
@ApplicationScoped
@DefaultBean
public class UnverifiedStates implements VerificationStates {

    @Override
    public String stateSql() {
        return "'unverified'";
    }
}
