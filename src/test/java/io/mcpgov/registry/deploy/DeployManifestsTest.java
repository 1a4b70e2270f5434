package io.mcpgov.registry.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Everything under deploy/ parses, and the Kubernetes objects hang together: names, references, images, no secret
 * values. Plain JUnit: no application is started.
 */
class DeployManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PERSON_NAME_FORBIDDEN = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()]");

    private static Path deploy;
    /** Every YAML document in deploy/, by file. */
    private static Map<Path, List<Object>> yaml;

    @BeforeAll
    static void load() throws IOException {
        deploy = projectRoot().resolve("deploy");
        assertTrue(Files.isDirectory(deploy), "deploy/ not found from " + Path.of("").toAbsolutePath());
        yaml = new java.util.TreeMap<>();
        for (Path file : files("yaml", "yml")) {
            try (Reader reader = Files.newBufferedReader(file)) {
                List<Object> documents = new ArrayList<>();
                for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                    if (document != null) {
                        documents.add(document);
                    }
                }
                yaml.put(file, documents);
            } catch (RuntimeException e) {
                fail(deploy.relativize(file) + " is not valid YAML: " + e.getMessage());
            }
        }
    }

    @Test
    void everyYamlFileHoldsObjects() {
        assertFalse(yaml.isEmpty());
        yaml.forEach((file, documents) -> {
            assertFalse(documents.isEmpty(), name(file) + " holds no document");
            documents.forEach(d -> assertInstanceOf(Map.class, d, name(file) + ": a document is not a mapping"));
        });
    }

    @Test
    void everyJsonFileParses() throws IOException {
        List<Path> json = files("json");
        assertFalse(json.isEmpty());
        for (Path file : json) {
            try {
                assertNotNull(JSON.readTree(file.toFile()));
            } catch (IOException e) {
                fail(name(file) + " is not valid JSON: " + e.getMessage());
            }
        }
    }

    @Test
    void everyKubernetesObjectHasApiVersionKindAndName() {
        List<Map<String, Object>> objects = kubernetesObjects();
        assertTrue(objects.size() >= 15, "expected the registry's objects, found " + objects.size());
        for (Map<String, Object> object : objects) {
            String where = object.get("kind") + " in " + object.get("__file");
            assertNonBlank(object.get("apiVersion"), where + ": apiVersion");
            assertNonBlank(object.get("kind"), where + ": kind");
            assertInstanceOf(Map.class, object.get("metadata"), where + ": metadata");
            assertNonBlank(map(object.get("metadata")).get("name"), where + ": metadata.name");
            assertTrue(String.valueOf(object.get("apiVersion")).matches("([a-z0-9.-]+/)?v[0-9]+([a-z]+[0-9]+)?"),
                    where + ": apiVersion " + object.get("apiVersion"));
        }
    }

    @Test
    void everyObjectIsInTheRegistryNamespace() {
        for (Map<String, Object> object : kubernetesObjects()) {
            if ("Namespace".equals(object.get("kind"))) {
                assertEquals("mcp-registry", map(object.get("metadata")).get("name"));
            } else {
                assertEquals("mcp-registry", map(object.get("metadata")).get("namespace"),
                        object.get("kind") + " in " + object.get("__file"));
            }
        }
    }

    @Test
    void kustomizationsListFilesThatExist() throws IOException {
        List<Path> kustomizations = files("yaml").stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        assertEquals(5, kustomizations.size(), "base, migrate, monitoring, network, ingress");
        Set<Path> listed = new HashSet<>();
        for (Path kustomization : kustomizations) {
            Map<String, Object> k = map(yaml.get(kustomization).get(0));
            assertEquals("kustomize.config.k8s.io/v1beta1", k.get("apiVersion"), name(kustomization));
            assertEquals("Kustomization", k.get("kind"), name(kustomization));
            for (Object resource : list(k.get("resources"))) {
                Path file = kustomization.resolveSibling(String.valueOf(resource));
                assertTrue(Files.isRegularFile(file), name(kustomization) + " lists a missing " + resource);
                listed.add(file.normalize());
            }
        }
        // Every manifest under deploy/kubernetes is applied by some kustomization, except the Secret template.
        try (Stream<Path> manifests = Files.walk(deploy.resolve("kubernetes"))) {
            // (deploy/validate's node_modules is outside deploy/kubernetes)
            for (Path file : manifests.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String n = file.getFileName().toString();
                if (n.equals("kustomization.yaml") || n.equals("secrets.template.yaml")) {
                    continue;
                }
                assertTrue(listed.contains(file.normalize()), name(file) + " is in no kustomization");
            }
        }
        assertFalse(listed.contains(deploy.resolve("kubernetes/secrets.template.yaml").normalize()),
                "the Secret template must never be applied");
    }

    @Test
    void migrationJobAndDeploymentRunTheSameImage() {
        Object base = map(yaml.get(deploy.resolve("kubernetes/base/kustomization.yaml")).get(0)).get("images");
        Object migrate = map(yaml.get(deploy.resolve("kubernetes/migrate/kustomization.yaml")).get(0)).get("images");
        assertNotNull(base);
        assertEquals(base, migrate, "set the same image and tag in base/ and migrate/");
    }

    @Test
    void noSecretValueInAnyManifest() {
        for (Map<String, Object> object : kubernetesObjects()) {
            if (!"Secret".equals(object.get("kind"))) {
                continue;
            }
            assertTrue(String.valueOf(object.get("__file")).endsWith("secrets.template.yaml"),
                    "a Secret outside the template: " + object.get("__file"));
            for (String field : List.of("data", "stringData")) {
                Object values = object.get(field);
                if (values != null) {
                    // A role name is not a secret; every other key must be empty.
                    map(values).forEach((key, value) -> assertTrue(key.equals("username") || value == null
                                    || String.valueOf(value).isEmpty(),
                            "Secret " + map(object.get("metadata")).get("name") + " key " + key + " holds a value"));
                }
            }
        }
    }

    @Test
    void configMapValuesAreStringsAndNameEveryRequiredSetting() {
        Map<String, Object> configMap = object("ConfigMap", "registry-config");
        Map<String, Object> data = map(configMap.get("data"));
        data.forEach((key, value) -> assertInstanceOf(String.class, value, "ConfigMap value of " + key + " must be quoted"));
        for (String key : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
                "QUARKUS_OIDC_TOKEN_AUDIENCE", "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH", "REGISTRY_SECURITY_TEAM_CLAIM",
                "REGISTRY_SECURITY_ROLES_AGENT", "REGISTRY_SECURITY_ROLES_PUBLISHER", "REGISTRY_SECURITY_ROLES_REVIEWER",
                "REGISTRY_SECURITY_ROLES_ADMIN", "REGISTRY_SECURITY_ROLES_AUDITOR", "REGISTRY_READ_ANONYMOUS")) {
            assertTrue(data.containsKey(key), "ConfigMap lacks " + key);
        }
        assertTrue(String.valueOf(data.get("QUARKUS_DATASOURCE_JDBC_URL")).contains("sslmode=verify-full"));
        for (Object value : data.values()) {
            assertFalse(String.valueOf(value).toLowerCase().contains("password="), "a password in the ConfigMap");
        }
    }

    @Test
    void workloadsReferenceOnlyObjectsThatAreDocumented() {
        Set<String> secrets = Set.of("registry-db-runtime", "registry-db-app", "registry-db-ca", "registry-console-oidc");
        for (String kind : List.of("Deployment", "Job")) {
            Map<String, Object> workload = kubernetesObjects().stream().filter(o -> kind.equals(o.get("kind")))
                    .findFirst().orElseThrow();
            Map<String, Object> pod = map(map(map(workload.get("spec")).get("template")).get("spec"));
            Map<String, Object> container = map(list(pod.get("containers")).get(0));
            Set<String> referenced = new TreeSet<>();
            for (Object env : list(container.get("env"))) {
                Map<String, Object> e = map(env);
                if (e.containsKey("value")) {
                    assertInstanceOf(String.class, e.get("value"), kind + " env " + e.get("name") + " must be quoted");
                } else {
                    referenced.add(String.valueOf(map(map(e.get("valueFrom")).get("secretKeyRef")).get("name")));
                }
            }
            for (Object volume : list(pod.get("volumes"))) {
                Map<String, Object> v = map(volume);
                if (v.containsKey("secret")) {
                    referenced.add(String.valueOf(map(v.get("secret")).get("secretName")));
                }
            }
            assertTrue(secrets.containsAll(referenced), kind + " references " + referenced);
            assertEquals("registry-config",
                    map(map(list(container.get("envFrom")).get(0)).get("configMapRef")).get("name"));
            Map<String, Object> security = map(container.get("securityContext"));
            assertEquals(true, security.get("readOnlyRootFilesystem"), kind);
            assertEquals(false, security.get("allowPrivilegeEscalation"), kind);
            assertEquals(List.of("ALL"), map(security.get("capabilities")).get("drop"), kind);
            assertEquals(true, map(pod.get("securityContext")).get("runAsNonRoot"), kind);
            Map<String, String> env = envValues(container);
            assertEquals("Job".equals(kind) ? "true" : "false", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), kind);
        }
        assertEquals("true", envValues(firstContainer("Job")).get("QUARKUS_INIT_AND_EXIT"));
    }

    @Test
    void deploymentProbesPointAtHealthEndpoints() {
        Map<String, Object> container = firstContainer("Deployment");
        assertEquals("/q/health/ready", probePath(container, "readinessProbe"));
        assertEquals("/q/health/live", probePath(container, "livenessProbe"));
        assertEquals("/q/health/started", probePath(container, "startupProbe"));
        Map<String, Object> limits = map(map(container.get("resources")).get("limits"));
        assertEquals("512Mi", limits.get("memory"));
        Map<String, Object> deployment = object("Deployment", "mcp-registry");
        assertTrue(((Number) map(deployment.get("spec")).get("replicas")).intValue() >= 2);
    }

    @Test
    void selectorsMatchThePodLabels() {
        Map<String, Object> deployment = object("Deployment", "mcp-registry");
        Map<String, Object> podLabels = map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("labels"));
        List<Map<String, Object>> selectors = List.of(
                map(object("Service", "mcp-registry").get("spec")).entrySet().stream()
                        .filter(e -> e.getKey().equals("selector")).map(e -> map(e.getValue())).findFirst().orElseThrow(),
                map(map(map(object("PodDisruptionBudget", "mcp-registry").get("spec")).get("selector")).get("matchLabels")),
                map(map(map(deployment.get("spec")).get("selector")).get("matchLabels")));
        for (Map<String, Object> selector : selectors) {
            selector.forEach((key, value) -> assertEquals(value, podLabels.get(key), "selector " + key));
        }
        Map<String, Object> endpoint = map(list(map(object("ServiceMonitor", "mcp-registry").get("spec")).get("endpoints")).get(0));
        assertEquals("/q/metrics", endpoint.get("path"));
        Object servicePort = map(list(map(object("Service", "mcp-registry").get("spec")).get("ports")).get(0)).get("name");
        assertEquals(servicePort, endpoint.get("port"));
    }

    @Test
    void keycloakRealmImportsAndHasWhatTheDemoNeeds() throws IOException {
        Path file = deploy.resolve("keycloak/mcp-registry-realm.json");
        JsonNode realm = JSON.readTree(file.toFile());
        // kc.sh --import-realm refuses a file not named <realm>-realm.json
        assertEquals(realm.path("realm").asText() + "-realm.json", file.getFileName().toString());
        Set<String> roles = names(realm.path("roles").path("realm"), "name");
        assertTrue(roles.containsAll(Set.of("agent", "publisher", "reviewer", "admin", "auditor")), roles.toString());
        assertTrue(names(realm.path("groups"), "name").containsAll(Set.of("team-weather", "team-payments")));
        Map<String, JsonNode> clients = new java.util.HashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        assertTrue(clients.get("registry-agent").path("serviceAccountsEnabled").asBoolean());
        assertTrue(clients.get("registry-cli").path("directAccessGrantsEnabled").asBoolean());
        assertTrue(clients.get("registry-cli").path("publicClient").asBoolean());
        for (String client : List.of("registry-agent", "registry-cli")) {
            assertTrue(mappers(clients.get(client)).contains("oidc-audience-mapper"), client + " needs the audience mapper");
        }
        assertTrue(mappers(clients.get("registry-cli")).contains("oidc-group-membership-mapper"));

        int publishersInWeather = 0;
        int reviewers = 0;
        Set<String> covered = new TreeSet<>();
        for (JsonNode user : realm.path("users")) {
            Set<String> userRoles = new TreeSet<>();
            user.path("realmRoles").forEach(r -> userRoles.add(r.asText()));
            covered.addAll(userRoles);
            if (user.has("serviceAccountClientId")) {
                assertEquals(Set.of("agent"), userRoles);
                continue;
            }
            // Keycloak's user profile: a missing or invalid attribute makes every login fail ("Account is not fully set up").
            for (String attribute : List.of("firstName", "lastName", "email")) {
                assertFalse(user.path(attribute).asText().isBlank(), user.path("username") + " lacks " + attribute);
            }
            for (String attribute : List.of("firstName", "lastName")) {
                assertFalse(PERSON_NAME_FORBIDDEN.matcher(user.path(attribute).asText()).find(),
                        user.path("username") + ": Keycloak forbids these characters in " + attribute);
            }
            if (userRoles.contains("publisher") && user.path("groups").toString().contains("/team-weather")) {
                publishersInWeather++;
            }
            if (userRoles.contains("reviewer")) {
                reviewers++;
            }
        }
        assertEquals(roles.stream().filter(r -> !r.startsWith("default-roles")).collect(Collectors.toSet()), covered);
        assertTrue(publishersInWeather >= 2, "two publishers in team-weather");
        assertTrue(reviewers >= 2, "two reviewers for four eyes");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "no pom.xml above " + Path.of("").toAbsolutePath());
        return dir;
    }

    private static List<Path> files(String... extensions) throws IOException {
        try (Stream<Path> walk = Files.walk(deploy)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !deploy.relativize(p).toString().contains("node_modules"))
                    .filter(p -> Stream.of(extensions).anyMatch(e -> p.getFileName().toString().endsWith("." + e)))
                    .sorted().toList();
        }
    }

    /** Objects of every YAML file except kustomizations, each tagged with its file under "__file". */
    private static List<Map<String, Object>> kubernetesObjects() {
        List<Map<String, Object>> objects = new ArrayList<>();
        yaml.forEach((file, documents) -> {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                return;
            }
            for (Object document : documents) {
                Map<String, Object> object = new java.util.LinkedHashMap<>(map(document));
                object.put("__file", name(file));
                objects.add(object);
            }
        });
        return objects;
    }

    private static Map<String, Object> object(String kind, String name) {
        return kubernetesObjects().stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> firstContainer(String kind) {
        Map<String, Object> workload = kubernetesObjects().stream().filter(o -> kind.equals(o.get("kind")))
                .findFirst().orElseThrow();
        return map(list(map(map(map(workload.get("spec")).get("template")).get("spec")).get("containers")).get(0));
    }

    private static Map<String, String> envValues(Map<String, Object> container) {
        Map<String, String> values = new java.util.HashMap<>();
        for (Object env : list(container.get("env"))) {
            Map<String, Object> e = map(env);
            if (e.get("value") != null) {
                values.put(String.valueOf(e.get("name")), String.valueOf(e.get("value")));
            }
        }
        return values;
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container.get(probe)).get("httpGet")).get("path"));
    }

    private static Set<String> mappers(JsonNode client) {
        Set<String> out = new TreeSet<>();
        client.path("protocolMappers").forEach(m -> out.add(m.path("protocolMapper").asText()));
        return out;
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static void assertNonBlank(Object value, String what) {
        assertTrue(value instanceof String s && !s.isBlank(), what + " is missing");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertInstanceOf(Map.class, value);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static String name(Path file) {
        return deploy.getParent().relativize(file).toString();
    }
}
