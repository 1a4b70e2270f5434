package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mcpgov.registry.common.Pointers;
import io.mcpgov.registry.common.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One of the registry's JSON Schemas (draft-07, loaded from the classpath) turned into {@link Violation}s whose rule
 * id is a prefix and the failed keyword in kebab case ({@code schema-required}, {@code governance-pattern}, ...).
 */
public final class JsonSchemaCheck {

    public static final String SERVER_SCHEMA = "registry-schema/server.schema.json";
    public static final String GOVERNANCE_SCHEMA = "registry-schema/governance.schema.json";

    private final JsonSchema schema;
    private final String rulePrefix;

    public JsonSchemaCheck(String classpathLocation, String rulePrefix) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:" + classpathLocation), readSchema(classpathLocation), config);
        this.schema.initializeValidators();
        this.rulePrefix = rulePrefix;
    }

    /**
     * Read with this class's loader, which sees the application's resources also where the validator library sits
     * in a parent class loader (Quarkus dev and test mode).
     */
    private static JsonNode readSchema(String classpathLocation) {
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + classpathLocation);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + classpathLocation, e);
        }
    }

    /** Violations of {@code node}, with paths relative to {@code basePointer} (the node's place in the document). */
    public List<Violation> check(JsonNode node, String basePointer) {
        Set<ValidationMessage> messages = schema.validate(node);
        List<Violation> violations = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            if (isReservedVersion(message)) {
                continue; // reported with a clearer message by the version-latest-reserved rule
            }
            violations.add(toViolation(message, basePointer));
        }
        violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::ruleId));
        return violations;
    }

    private Violation toViolation(ValidationMessage message, String basePointer) {
        String keyword = message.getType();
        String path = basePointer + message.getInstanceLocation().toString();
        if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && message.getProperty() != null) {
            path = path + "/" + Pointers.escape(message.getProperty());
        }
        return new Violation(rulePrefix + "-" + kebab(keyword), path, describe(message));
    }

    private static String describe(ValidationMessage message) {
        switch (message.getType()) {
            case "format":
                return "is not a valid " + message.getSchemaNode().asText() + " (format check failed)";
            case "false":
                return "property '" + forbiddenMember(message) + "' is not allowed here";
            case "required":
                if (message.getEvaluationPath().toString().contains("anyOf")) {
                    return message.getError() + " (one of the alternatives is required)";
                }
                return message.getError();
            default:
                return message.getError();
        }
    }

    /** The member a {@code false} schema refuses: the last token of where it is (such a message names no property). */
    private static String forbiddenMember(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        return at.substring(at.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    /** The only {@code not} in the server schema is {@code not: {const: latest}} on package versions. */
    private static boolean isReservedVersion(ValidationMessage message) {
        return "not".equals(message.getType())
                && message.getInstanceNode() != null
                && "latest".equals(message.getInstanceNode().asText());
    }

    static String kebab(String keyword) {
        if ("false".equals(keyword)) {
            return "not-allowed";
        }
        return keyword.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
