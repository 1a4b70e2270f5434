package io.mcpgov.registry.common;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;

/**
 * JSON text kept as stored, written out verbatim. Its UTF-8 bytes are taken in one bulk conversion, which a
 * UTF-8 generator then copies as they are, rather than encoding the text again character by character.
 */
public final class StoredJson extends SerializedString {

    private StoredJson(String json) {
        super(json);
        _unquotedUTF8Ref = json.getBytes(StandardCharsets.UTF_8);
    }

    /** A value that serialises as {@code json}, which must be valid JSON. */
    public static RawValue raw(String json) {
        return json == null ? new RawValue((String) null) : new RawValue(new StoredJson(json));
    }
}
