package io.mcpgov.registry.input;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.mcpgov.registry.common.Violation;

/**
 * A JSON body refused while it is read: a limit exceeded or a value PostgreSQL cannot hold. It is a Jackson exception,
 * so every reader of JSON treats it as unreadable input; {@code ProblemMappers} turns it into a 400 (413 for size) naming
 * the JSON pointer.
 */
public class InputRefusal extends StreamConstraintsException {

    private final int status;
    private final String ruleId;
    private final String pointer;
    private final String reason;

    InputRefusal(int status, String ruleId, String pointer, String reason) {
        super(reason);
        this.status = status;
        this.ruleId = ruleId;
        this.pointer = pointer;
        this.reason = reason;
    }

    static InputRefusal of(Violation violation) {
        return new InputRefusal(400, violation.ruleId(), violation.path(), violation.message());
    }

    /** The same refusal at {@code where}, unless it already names a place. */
    InputRefusal at(String where) {
        return pointer != null ? this : new InputRefusal(status, ruleId, where, reason);
    }

    public int status() {
        return status;
    }

    public Violation violation() {
        return new Violation(ruleId, pointer == null ? "" : pointer, reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a refusal of input, not a failure: no stack to record
    }
}
