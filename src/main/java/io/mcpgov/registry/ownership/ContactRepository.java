package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;

/** Operational contacts as stored: one jsonb value shared by every version of a server. */
@ApplicationScoped
public class ContactRepository {

    private final EntityManager em;
    private final ObjectMapper json;

    ContactRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Sets the contact of every version of the server. */
    void setForServer(String name, JsonNode contact) {
        em.createNativeQuery("UPDATE server_version SET contact = CAST(?1 AS jsonb) WHERE name = ?2")
                .setParameter(1, text(contact)).setParameter(2, name).executeUpdate();
    }

    /** A contact as stored. */
    String text(JsonNode contact) {
        try {
            return json.writeValueAsString(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode parse(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contact is not JSON", e);
        }
    }

    /** The audit trail's before and after of a contact change. */
    static Map<String, Object> state(JsonNode contact) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("contact", contact);
        return state;
    }
}
