package io.mcpgov.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class GenerationFenceTest {

    @Inject
    GenerationFence fence;

    @Inject
    ChangeCounter counter;

    @Test
    void aReadSeesTheCounterAsTheDatabaseHadItAfterTheReadArrived() throws Exception {
        long before = fence.current().generation();
        // as a change committed by another instance
        QuarkusTransaction.requiringNew().run(counter::moveAtCommit);

        assertThat(fence.next().toCompletableFuture().get(10, TimeUnit.SECONDS).generation()).isGreaterThan(before);
    }
}
