package io.mcpgov.registry.common;

/**
 * An exception raised while input is read that already says why the input is refused and where: {@link JsonRefusals}
 * answers with its status and violation wherever a JSON reader wrapped it.
 */
public interface RefusedInput {

    /** 400, or 413 for input too large. */
    int status();

    /** The reason, with the JSON pointer of the refused place. */
    Violation violation();
}
