package io.mcpgov.registry.input;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Jackson's read constraints with the registry's limits, enforced while a body is read (a string is refused as it
 * grows past the limit, not after), and refused with a rule id of their own.
 */
final class JsonReadLimits extends StreamReadConstraints {

    static final String NESTING_TOO_DEEP = "nesting-too-deep";
    static final String TOO_MANY_TOKENS = "too-many-tokens";
    static final String STRING_TOO_LONG = "string-too-long";
    static final String NAME_TOO_LONG = "name-too-long";
    static final String NUMBER_TOO_LONG = "number-too-long";

    /** Member names are short in every document the registry reads; a server.json's longest are _meta keys. */
    static final int MAX_NAME_LENGTH = 1024;
    /** Digits of one number, Jackson's default. */
    static final int MAX_NUMBER_LENGTH = 1000;

    JsonReadLimits(InputConfig limits) {
        super(limits.maxJsonDepth(), -1L, MAX_NUMBER_LENGTH, limits.maxJsonStringLength(), MAX_NAME_LENGTH,
                limits.maxJsonTokens());
    }

    @Override
    public void validateNestingDepth(int depth) throws InputRefusal {
        if (depth > _maxNestingDepth) {
            throw refusal(NESTING_TOO_DEEP, "The body nests objects and arrays deeper than " + _maxNestingDepth + " levels.");
        }
    }

    @Override
    public void validateTokenCount(long count) throws InputRefusal {
        if (_maxTokenCount > 0 && count > _maxTokenCount) {
            throw refusal(TOO_MANY_TOKENS, "The body has more than " + _maxTokenCount + " JSON tokens.");
        }
    }

    @Override
    public void validateStringLength(int length) throws InputRefusal {
        if (length > _maxStringLen) {
            throw refusal(STRING_TOO_LONG, "A string value is longer than " + _maxStringLen + " characters.");
        }
    }

    @Override
    public void validateNameLength(int length) throws InputRefusal {
        if (length > _maxNameLen) {
            throw refusal(NAME_TOO_LONG, "A member name is longer than " + _maxNameLen + " characters.");
        }
    }

    @Override
    public void validateIntegerLength(int length) throws InputRefusal {
        checkNumberLength(length);
    }

    @Override
    public void validateFPLength(int length) throws InputRefusal {
        checkNumberLength(length);
    }

    private void checkNumberLength(int length) throws InputRefusal {
        if (length > _maxNumLen) {
            throw refusal(NUMBER_TOO_LONG, "A number has more than " + _maxNumLen + " characters.");
        }
    }

    private static InputRefusal refusal(String ruleId, String message) {
        return new InputRefusal(400, ruleId, null, message);
    }
}
