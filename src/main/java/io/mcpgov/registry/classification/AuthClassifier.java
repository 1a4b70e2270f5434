package io.mcpgov.registry.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mcpgov.registry.classification.scan.CredentialNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies how each remote and package of a server.json authenticates. server.json has no auth field: a remote
 * asks for an API key through a secret or credential-named header (or a secret URL variable), and offers OAuth
 * only through the registry's governance declaration. Reads leniently; run it on validated documents.
 */
public class AuthClassifier {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");

    public AuthProfile classify(JsonNode doc) {
        OAuthDeclaration oauth = GovernanceMeta.locate(doc)
                .map(declaration -> OAuthDeclarations.read(declaration.node()))
                .orElse(null);
        List<RemoteAuth> remotes = new ArrayList<>();
        JsonNode remoteNodes = arrayOrEmpty(doc.path("remotes"));
        for (int i = 0; i < remoteNodes.size(); i++) {
            if (remoteNodes.get(i).isObject()) {
                remotes.add(classifyRemote(i, remoteNodes.get(i), oauth));
            }
        }
        List<PackageAuth> packages = new ArrayList<>();
        JsonNode packageNodes = arrayOrEmpty(doc.path("packages"));
        for (int i = 0; i < packageNodes.size(); i++) {
            if (packageNodes.get(i).isObject()) {
                packages.add(classifyPackage(i, packageNodes.get(i)));
            }
        }
        return new AuthProfile(remotes, packages, oauth);
    }

    private static RemoteAuth classifyRemote(int index, JsonNode remote, OAuthDeclaration oauth) {
        String url = textOrNull(remote, "url");
        Set<String> credentials = new LinkedHashSet<>();
        for (JsonNode header : arrayOrEmpty(remote.path("headers"))) {
            if (isCredentialHeader(header, remote.path("variables"))) {
                credentials.add(header.path("name").asText());
            }
        }
        if (url != null) {
            Matcher m = VARIABLE.matcher(url);
            while (m.find()) {
                if (isSecret(remote.path("variables").path(m.group(1)))) {
                    credentials.add(m.group(1));
                }
            }
        }
        boolean oauthApplies = oauth != null
                && (oauth.appliesExplicitlyTo(url) || (oauth.remotes() == null && credentials.isEmpty()));
        AuthType auth = oauthApplies ? AuthType.OAUTH2 : credentials.isEmpty() ? AuthType.NONE : AuthType.API_KEY;
        return new RemoteAuth(index, textOrNull(remote, "type"), url, auth, List.copyOf(credentials));
    }

    /** Secret, credential-named, or its value pulls in a secret variable (its own or the remote's). */
    private static boolean isCredentialHeader(JsonNode header, JsonNode remoteVariables) {
        if (isSecret(header) || CredentialNames.isCredentialHeader(textOrNull(header, "name"))) {
            return true;
        }
        String value = textOrNull(header, "value");
        if (value == null) {
            return false;
        }
        Matcher m = VARIABLE.matcher(value);
        while (m.find()) {
            String name = m.group(1);
            if (isSecret(header.path("variables").path(name)) || isSecret(remoteVariables.path(name))) {
                return true;
            }
        }
        return false;
    }

    private static PackageAuth classifyPackage(int index, JsonNode pkg) {
        Set<String> credentials = new LinkedHashSet<>();
        for (JsonNode env : arrayOrEmpty(pkg.path("environmentVariables"))) {
            addIfSecret(env, textOrNull(env, "name"), credentials);
        }
        for (String list : List.of("runtimeArguments", "packageArguments")) {
            for (JsonNode argument : arrayOrEmpty(pkg.path(list))) {
                String name = textOrNull(argument, "name");
                addIfSecret(argument, name != null ? name : textOrNull(argument, "valueHint"), credentials);
            }
        }
        for (JsonNode header : arrayOrEmpty(pkg.path("transport").path("headers"))) {
            String name = textOrNull(header, "name");
            if (CredentialNames.isCredentialHeader(name)) {
                credentials.add(name);
            } else {
                addIfSecret(header, name, credentials);
            }
        }
        AuthType auth = credentials.isEmpty() ? AuthType.NONE : AuthType.API_KEY;
        return new PackageAuth(index, textOrNull(pkg, "registryType"), textOrNull(pkg, "identifier"),
                textOrNull(pkg.path("transport"), "type"), auth, List.copyOf(credentials));
    }

    /** The input itself, or one of its variables, is marked secret; records the input's (or variable's) name. */
    private static void addIfSecret(JsonNode input, String name, Set<String> credentials) {
        if (isSecret(input)) {
            credentials.add(name != null ? name : "(unnamed)");
        }
        input.path("variables").fields().forEachRemaining(variable -> {
            if (isSecret(variable.getValue())) {
                credentials.add(name != null ? name : variable.getKey());
            }
        });
    }

    private static JsonNode arrayOrEmpty(JsonNode node) {
        return node.isArray() ? node : MissingNode.getInstance();
    }

    private static boolean isSecret(JsonNode input) {
        return input.path("isSecret").asBoolean(false) && input.path("isSecret").isBoolean();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
