package io.mcpgov.registry.events;

import java.util.List;

/** The stable CloudEvents {@code type} of each kind of governance event. */
public final class EventTypes {

    private static final String PREFIX = "io.mcpgov.registry.";

    public static final String ENTRY_LISTED = PREFIX + "entry.listed";
    public static final String ENTRY_HIDDEN = PREFIX + "entry.hidden";
    public static final String EXCEPTION_APPROVED = PREFIX + "exception.approved";
    public static final String EXCEPTION_REJECTED = PREFIX + "exception.rejected";
    public static final String EXCEPTION_REVOKED = PREFIX + "exception.revoked";
    public static final String EXCEPTION_EXPIRED = PREFIX + "exception.expired";
    public static final String TOOL_APPROVED = PREFIX + "tool.approved";
    public static final String TOOL_WITHDRAWN = PREFIX + "tool.withdrawn";
    public static final String OWNER_OFFBOARDED = PREFIX + "owner.offboarded";
    public static final String VERIFICATION_FAILED = PREFIX + "verification.failed";
    public static final String ADMISSION_ADMITTED = PREFIX + "admission.admitted";
    public static final String ADMISSION_REJECTED = PREFIX + "admission.rejected";
    public static final String SECRET_FOUND = PREFIX + "secret.found";

    public static final List<String> ALL = List.of(ENTRY_LISTED, ENTRY_HIDDEN, EXCEPTION_APPROVED,
            EXCEPTION_REJECTED, EXCEPTION_REVOKED, EXCEPTION_EXPIRED, TOOL_APPROVED, TOOL_WITHDRAWN, OWNER_OFFBOARDED,
            VERIFICATION_FAILED, ADMISSION_ADMITTED, ADMISSION_REJECTED, SECRET_FOUND);

    private EventTypes() {
    }
}
