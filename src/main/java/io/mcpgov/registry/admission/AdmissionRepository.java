package io.mcpgov.registry.admission;

import io.mcpgov.registry.decision.DecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AdmissionRepository implements DecisionRepository<AdmissionRequest> {
}
