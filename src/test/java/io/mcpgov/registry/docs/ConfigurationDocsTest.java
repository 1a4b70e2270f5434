package io.mcpgov.registry.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every property of a {@code registry.*} config mapping has its row in docs/configuration.md, and every row a property. */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Path CLASSES = Path.of("target/classes");
    private static final String BASE_PACKAGE = "io.mcpgov.registry";
    private static final Pattern DOCUMENTED_ROW = Pattern.compile("^\\| `(registry\\.[a-z0-9.-]+)`", Pattern.MULTILINE);

    @Test
    void everyRegistrySettingIsDocumented() throws IOException {
        Set<String> properties = mappedProperties();
        assertThat(properties).as("registry.* config mappings found").hasSizeGreaterThan(40);
        assertThat(documentedRows()).as("rows of %s", DOC).containsAll(properties);
    }

    @Test
    void everyDocumentedSettingExists() throws IOException {
        assertThat(mappedProperties()).as("properties of the registry.* config mappings").containsAll(documentedRows());
    }

    private static Set<String> documentedRows() throws IOException {
        Set<String> rows = new TreeSet<>();
        Matcher m = DOCUMENTED_ROW.matcher(Files.readString(DOC));
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    private static Set<String> mappedProperties() throws IOException {
        Set<String> properties = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve(BASE_PACKAGE.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Class<?> type = load(file);
                ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                if (mapping != null && mapping.prefix().startsWith("registry")) {
                    collect(type, mapping.prefix(), properties);
                }
            }
        }
        return properties;
    }

    private static void collect(Class<?> group, String prefix, Set<String> into) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class)
                            ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Class<?> nested = groupType(method.getGenericReturnType());
            if (nested != null) {
                collect(nested, name, into);
            } else {
                into.add(name);
            }
        }
    }

    /** The nested group interface a method returns (directly or in an Optional), or null for a leaf value. */
    private static Class<?> groupType(Type type) {
        Type inner = type;
        if (type instanceof ParameterizedType p && p.getRawType() == java.util.Optional.class) {
            inner = p.getActualTypeArguments()[0];
        }
        return inner instanceof Class<?> c && c.isInterface() && c.getName().startsWith(BASE_PACKAGE) ? c : null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Class<?> load(Path file) {
        String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
            return Class.forName(name, false, ConfigurationDocsTest.class.getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException("Cannot load " + name, e);
        }
    }
}
