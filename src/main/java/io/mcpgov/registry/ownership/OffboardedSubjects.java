package io.mcpgov.registry.ownership;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OffboardedSubjects implements PanacheRepositoryBase<OffboardedSubject, String> {

    public boolean isOffboarded(String subject) {
        return subject != null && count("subject", subject) > 0;
    }
}
