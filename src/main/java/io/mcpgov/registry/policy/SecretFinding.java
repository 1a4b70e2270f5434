package io.mcpgov.registry.policy;

/**
 * One credential found in a document: the JSON pointer of the string (or of the object whose member name holds it),
 * the kind, and where inside the string it sits ({@code "query parameter 'api_key'"}, empty for the whole value).
 * Never the value.
 */
public record SecretFinding(String path, SecretKind kind, String where) {

    public String message() {
        String subject = where.isEmpty() ? "this value" : where;
        return subject + " looks like " + kind.description() + " (" + kind.id() + "); server.json must not contain"
                + " credentials: declare the input with isSecret and leave the value to the client";
    }
}
