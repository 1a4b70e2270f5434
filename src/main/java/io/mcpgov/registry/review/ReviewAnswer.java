package io.mcpgov.registry.review;

/** An owner's answer; the note is required when flagging changes. */
public record ReviewAnswer(String note) {
}
