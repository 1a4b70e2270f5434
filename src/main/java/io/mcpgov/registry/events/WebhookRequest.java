package io.mcpgov.registry.events;

import java.util.List;

/** Body of a new subscription: a URL, and optionally the event types and namespaces wanted (absent: all). */
public record WebhookRequest(String url, List<String> types, List<String> namespaces) {
}
