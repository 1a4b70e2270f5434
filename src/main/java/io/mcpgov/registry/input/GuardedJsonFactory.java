package io.mcpgov.registry.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The JSON factory of the application's ObjectMapper and of the server.json parser: every parser it creates is a
 * {@link GuardedParser} held to {@link InputConfig}, and a member named twice in one object is refused (rule
 * {@value #DUPLICATE_KEY}): readers would disagree on which value counts. Every JSON the registry reads passes through
 * it, request bodies first among them.
 */
public final class GuardedJsonFactory extends JsonFactory {

    public static final String DUPLICATE_KEY = "duplicate-key";

    public GuardedJsonFactory(InputConfig limits) {
        setStreamReadConstraints(new JsonReadLimits(limits));
        configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    }

    private GuardedJsonFactory(GuardedJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new GuardedJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new GuardedParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new GuardedParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new GuardedParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new GuardedParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new GuardedParser(super._createParser(input, context));
    }
}
