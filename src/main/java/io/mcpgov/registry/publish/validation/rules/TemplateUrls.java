package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns server.json URL templates into URLs that can be checked. */
public final class TemplateUrls {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern LEADING_VARIABLE = Pattern.compile("^\\{([a-zA-Z_][a-zA-Z0-9_]*)}");

    private TemplateUrls() {
    }

    /** Names of the {@code {variables}} a template references, in order of appearance. */
    public static Set<String> variables(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The URLs a remote's template can stand for, for scheme and host checks. Variables inside the URL become a
     * neutral stand-in; a URL that starts with a variable (e.g. {@code {base_url}/mcp}) is expanded with the values
     * the variable declares ({@code choices}, {@code default}, {@code value}). Empty when that cannot be known.
     */
    public static List<String> checkableUrls(String template, JsonNode variables) {
        List<String> expanded = new ArrayList<>();
        Matcher leading = LEADING_VARIABLE.matcher(template);
        if (leading.find()) {
            JsonNode variable = variables == null ? null : variables.get(leading.group(1));
            for (String value : declaredValues(variable)) {
                expanded.add(value + template.substring(leading.end()));
            }
        } else {
            expanded.add(template);
        }
        List<String> result = new ArrayList<>();
        for (String url : expanded) {
            result.add(neutralise(url));
        }
        return result;
    }

    private static String neutralise(String url) {
        return VARIABLE.matcher(url).replaceAll("x");
    }

    private static List<String> declaredValues(JsonNode variable) {
        List<String> values = new ArrayList<>();
        if (variable == null || !variable.isObject()) {
            return values;
        }
        JsonNode choices = variable.get("choices");
        if (choices != null && choices.isArray()) {
            choices.forEach(choice -> {
                if (choice.isTextual() && !choice.asText().isEmpty()) {
                    values.add(choice.asText());
                }
            });
        }
        for (String field : List.of("default", "value")) {
            JsonNode value = variable.get(field);
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                values.add(value.asText());
            }
        }
        return values;
    }
}
