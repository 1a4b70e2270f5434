package io.mcpgov.registry.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mcpgov.registry.common.Pointers;
import io.mcpgov.registry.common.Violation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds credentials written into a server.json, where only placeholders belong: the {@code value} and
 * {@code default} of remote headers and variables, package environment variables, arguments and transport
 * headers (and of their {@code variables}), and the query string and user-info of transport URLs.
 * {@code placeholder}, {@code description} and {@code choices} are not scanned. Each finding points at the field
 * and names the kind of credential; no message contains the value or any part of it.
 */
public class SecretScanner {

    public static final String RULE_ID = "hardcoded-secret";

    private static final List<String> VALUE_FIELDS = List.of("value", "default");

    public List<Violation> scan(JsonNode doc) {
        List<Violation> found = new ArrayList<>();
        List<JsonNode> remotes = elements(doc.path("remotes"));
        for (int i = 0; i < remotes.size(); i++) {
            JsonNode remote = remotes.get(i);
            scanHeaders(remote.path("headers"), Pointers.of("remotes", i, "headers"), found);
            scanVariables(remote.path("variables"), Pointers.of("remotes", i, "variables"), false, found);
            scanUrl(remote.path("url"), Pointers.of("remotes", i, "url"), found);
        }
        List<JsonNode> packages = elements(doc.path("packages"));
        for (int i = 0; i < packages.size(); i++) {
            JsonNode pkg = packages.get(i);
            List<JsonNode> envs = elements(pkg.path("environmentVariables"));
            for (int j = 0; j < envs.size(); j++) {
                JsonNode env = envs.get(j);
                boolean secret = isSecret(env) || CredentialNames.soundsSecret(env.path("name").asText(""));
                scanInput(env, Pointers.of("packages", i, "environmentVariables", j), secret, found);
            }
            for (String list : List.of("runtimeArguments", "packageArguments")) {
                List<JsonNode> arguments = elements(pkg.path(list));
                for (int j = 0; j < arguments.size(); j++) {
                    JsonNode argument = arguments.get(j);
                    boolean secret = isSecret(argument)
                            || CredentialNames.soundsSecret(argument.path("name").asText(""))
                            || CredentialNames.soundsSecret(argument.path("valueHint").asText(""));
                    scanInput(argument, Pointers.of("packages", i, list, j), secret, found);
                }
            }
            scanHeaders(pkg.path("transport").path("headers"), Pointers.of("packages", i, "transport", "headers"), found);
            scanUrl(pkg.path("transport").path("url"), Pointers.of("packages", i, "transport", "url"), found);
        }
        return found;
    }

    private static void scanHeaders(JsonNode headerArray, String path, List<Violation> found) {
        List<JsonNode> headers = elements(headerArray);
        for (int j = 0; j < headers.size(); j++) {
            JsonNode header = headers.get(j);
            boolean secret = isSecret(header) || CredentialNames.isCredentialHeader(header.path("name").asText(""));
            scanInput(header, Pointers.append(path, j), secret, found);
        }
    }

    private static void scanInput(JsonNode input, String path, boolean secret, List<Violation> found) {
        for (String field : VALUE_FIELDS) {
            scanValue(input.get(field), Pointers.append(path, field), secret, found);
        }
        scanVariables(input.path("variables"), Pointers.append(path, "variables"), secret, found);
    }

    private static void scanVariables(JsonNode variables, String path, boolean parentSecret, List<Violation> found) {
        if (!variables.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = variables.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> variable = entries.next();
            boolean secret = parentSecret || isSecret(variable.getValue()) || CredentialNames.soundsSecret(variable.getKey());
            for (String field : VALUE_FIELDS) {
                scanValue(variable.getValue().get(field), Pointers.append(path, variable.getKey(), field), secret, found);
            }
        }
    }

    private static void scanValue(JsonNode value, String path, boolean secret, List<Violation> found) {
        if (value != null && value.isTextual()) {
            SecretDetector.detect(value.asText(), secret).ifPresent(kind -> found.add(violation(path, "", kind)));
        }
    }

    private static void scanUrl(JsonNode url, String path, List<Violation> found) {
        if (url == null || !url.isTextual()) {
            return;
        }
        String text = url.asText();
        int fragment = text.indexOf('#');
        if (fragment >= 0) {
            text = text.substring(0, fragment);
        }
        userInfo(text).flatMap(SecretDetector::detectUserInfo)
                .ifPresent(kind -> found.add(violation(path, "the URL's user-info ", kind)));
        int query = text.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String parameter : text.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals >= 0 ? decode(parameter.substring(0, equals)) : "";
            String value = decode(equals >= 0 ? parameter.substring(equals + 1) : parameter);
            boolean secret = CredentialNames.soundsSecret(name);
            Optional<SecretKind> kind = SecretDetector.detect(value, secret);
            if (kind.isPresent()) {
                String where = equals >= 0 && !name.isBlank() && name.length() <= 64
                        ? "query parameter '" + name + "' " : "a query parameter ";
                found.add(violation(path, where, kind.get()));
                return;
            }
        }
    }

    private static Optional<String> userInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int authorityStart = scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = url.lastIndexOf('@', authorityEnd - 1);
        return at >= authorityStart ? Optional.of(url.substring(authorityStart, at)) : Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Violation violation(String path, String where, SecretKind kind) {
        String subject = where.isEmpty() ? "this value " : where;
        return new Violation(RULE_ID, path, subject + "looks like " + kind.description()
                + "; server.json must not contain credentials: declare the input with isSecret and leave the value "
                + "to the client");
    }

    /** The elements of an array, each a JSON object or else a missing node; nothing for a non-array. */
    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(element -> elements.add(element.isObject() ? element : MissingNode.getInstance()));
        }
        return elements;
    }

    private static boolean isSecret(JsonNode input) {
        return input.path("isSecret").isBoolean() && input.path("isSecret").asBoolean();
    }
}
