package io.mcpgov.registry.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One outbound request. {@code readBody == false} completes as soon as the status line and headers arrive and then
 * drops the connection: enough for an MCP endpoint that may answer with an endless event stream.
 */
public record FetchRequest(String method, String url, Map<String, String> headers, String body, boolean readBody) {

    public FetchRequest {
        headers = Map.copyOf(headers);
    }

    public static FetchRequest get(String url, String accept) {
        return new FetchRequest("GET", url, Map.of("Accept", accept), null, true);
    }

    public static FetchRequest post(String url, Map<String, String> headers, String body) {
        return new FetchRequest("POST", url, headers, body, true);
    }

    public FetchRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new FetchRequest(method, url, copy, body, readBody);
    }

    public FetchRequest headersOnly() {
        return new FetchRequest(method, url, headers, body, false);
    }

    /** The request to send to a redirect target, following what browsers and fetch() do. */
    FetchRequest redirectedTo(String location, int status, boolean crossOrigin) {
        boolean becomesGet = status == 303 || ((status == 301 || status == 302) && method.equals("POST"));
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (crossOrigin) {
            copy.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
        }
        if (becomesGet) {
            copy.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
            return new FetchRequest("GET", location, copy, null, readBody);
        }
        return new FetchRequest(method, location, copy, body, readBody);
    }
}
