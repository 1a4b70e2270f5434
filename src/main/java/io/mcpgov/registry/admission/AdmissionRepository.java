package io.mcpgov.registry.admission;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AdmissionRepository implements PanacheRepositoryBase<AdmissionRequest, UUID> {
}
