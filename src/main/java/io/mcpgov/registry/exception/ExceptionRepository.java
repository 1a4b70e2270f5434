package io.mcpgov.registry.exception;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ExceptionRepository implements PanacheRepositoryBase<ExceptionEntry, UUID> {
}
