package io.mcpgov.registry.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenamedSettingsTest {

    private static SmallRyeConfig configWith(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withInterceptors(new RenamedSettings())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }

    @Test
    void anEarlierNameStillSetsTheSetting() {
        SmallRyeConfig config = configWith(Map.of("registry.verification.allow-http-loopback", "true",
                "registry.verification.connect-timeout", "7s"));

        assertThat(config.getOptionalValue("registry.outbound.allow-http-loopback", Boolean.class)).contains(true);
        assertThat(config.getOptionalValue("registry.outbound.connect-timeout", String.class)).contains("7s");
    }

    @Test
    void anEarlierNameWorksInAProfile() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withInterceptors(new RenamedSettings())
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        Map.of("%prod.registry.verification.connect-timeout", "9s"), "test", 100))
                .build();

        assertThat(config.getOptionalValue("registry.outbound.connect-timeout", String.class)).contains("9s");
    }

    @Test
    void theCurrentNameWinsWhenBothAreSet() {
        SmallRyeConfig config = configWith(Map.of("registry.verification.allow-http-loopback", "true",
                "registry.outbound.allow-http-loopback", "false"));

        assertThat(config.getOptionalValue("registry.outbound.allow-http-loopback", Boolean.class)).contains(false);
    }

    @Test
    void otherNamesAreLeftAlone() {
        SmallRyeConfig config = configWith(Map.of("registry.verification.enabled", "false"));

        assertThat(config.getOptionalValue("registry.outbound.enabled", String.class)).isEmpty();
        assertThat(config.getOptionalValue("registry.verification.enabled", Boolean.class)).contains(false);
    }

    @Test
    void theApplicationRegistersIt() throws Exception {
        String services = Files.readString(
                Path.of("src/main/resources/META-INF/services/io.smallrye.config.ConfigSourceInterceptor"));
        assertThat(services.lines()).contains(RenamedSettings.class.getName());
    }

    @Test
    void everyRenameIsDocumentedForOperators() throws Exception {
        String upgrading = Files.readString(Path.of("docs/operations.md"));
        RenamedSettings.EARLIER_NAMES.forEach((current, earlier) ->
                assertThat(upgrading).contains("`" + earlier + "` → `" + current + "`"));
    }
}
