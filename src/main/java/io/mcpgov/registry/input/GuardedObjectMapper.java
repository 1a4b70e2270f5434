package io.mcpgov.registry.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The application's ObjectMapper, in place of Quarkus's default one: the same customizers applied in the same order,
 * over a {@link GuardedJsonFactory}, so that every JSON request body is held to {@link InputConfig} and refused when
 * it holds text or numbers PostgreSQL cannot store.
 */
public class GuardedObjectMapper {

    @Produces
    @Singleton
    ObjectMapper objectMapper(InputConfig limits, Instance<ObjectMapperCustomizer> customizers) {
        ObjectMapper mapper = new ObjectMapper(new GuardedJsonFactory(limits));
        List<ObjectMapperCustomizer> ordered = new ArrayList<>();
        customizers.forEach(ordered::add);
        Collections.sort(ordered); // highest priority first, as Quarkus orders them
        ordered.forEach(customizer -> customizer.customize(mapper));
        return mapper;
    }
}
