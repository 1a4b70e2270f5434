package io.mcpgov.registry.input;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on what a request may carry, checked before any work proportional to it. The request body as a whole is
 * bounded by {@code quarkus.http.limits.max-body-size}, a server.json by {@code registry.publish.max-document-bytes}.
 */
@ConfigMapping(prefix = "registry.input")
public interface InputConfig {

    String DEFAULT_MAX_PARAMETER_LENGTH = "1024";
    String DEFAULT_MAX_JSON_DEPTH = "72";
    String DEFAULT_MAX_JSON_TOKENS = "1000000";
    String DEFAULT_MAX_JSON_STRING_LENGTH = "524288";

    /** Longest name or value of a path or query parameter, in characters. */
    @WithDefault(DEFAULT_MAX_PARAMETER_LENGTH)
    int maxParameterLength();

    /**
     * Deepest nesting of objects and arrays in a JSON body (a server.json alone may nest 64 levels, and an import
     * wraps it in three more).
     */
    @WithDefault(DEFAULT_MAX_JSON_DEPTH)
    int maxJsonDepth();

    /** Most tokens (member names, values, brackets) in one JSON body, or in one page read from a source registry. */
    @WithDefault(DEFAULT_MAX_JSON_TOKENS)
    long maxJsonTokens();

    /** Longest string value in a JSON body, in characters. */
    @WithDefault(DEFAULT_MAX_JSON_STRING_LENGTH)
    int maxJsonStringLength();

    /** The defaults, for code that runs without the application's configuration (unit tests, tools). */
    static InputConfig defaults() {
        return new InputConfig() {
            @Override
            public int maxParameterLength() {
                return Integer.parseInt(DEFAULT_MAX_PARAMETER_LENGTH);
            }

            @Override
            public int maxJsonDepth() {
                return Integer.parseInt(DEFAULT_MAX_JSON_DEPTH);
            }

            @Override
            public long maxJsonTokens() {
                return Long.parseLong(DEFAULT_MAX_JSON_TOKENS);
            }

            @Override
            public int maxJsonStringLength() {
                return Integer.parseInt(DEFAULT_MAX_JSON_STRING_LENGTH);
            }
        };
    }
}
