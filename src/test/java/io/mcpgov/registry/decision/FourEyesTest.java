package io.mcpgov.registry.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FourEyesTest {

    private static final List<Party> PARTIES = List.of(
            new Party("annika", Involvement.REQUESTER),
            new Party("bob", Involvement.PUBLISHER),
            new Party("annika", Involvement.PUBLISHER),
            new Party("cy", Involvement.ACCOUNTABLE_OWNER));

    @Test
    void everyInvolvementOfTheSubjectIsFound() {
        assertThat(FourEyes.involvementOf("annika", PARTIES)).containsExactlyInAnyOrder(Involvement.REQUESTER,
                Involvement.PUBLISHER);
        assertThat(FourEyes.involvementOf("cy", PARTIES)).containsExactly(Involvement.ACCOUNTABLE_OWNER);
        assertThat(FourEyes.involvementOf("dee", PARTIES)).isEmpty();
    }

    @Test
    void aPartyIsRefusedWithOneViolationPerInvolvementThatNamesItButNotThePerson() {
        ProblemException refusal = catchThrowableOfType(ProblemException.class,
                () -> FourEyes.check("annika", PARTIES, i -> "you did " + i.wire()));
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.errors()).extracting(Violation::ruleId).containsOnly("four-eyes");
        assertThat(refusal.errors()).extracting(Violation::message)
                .containsExactly("requester: you did requester.", "publisher: you did publisher.");
        assertThat(refusal.detail()).doesNotContain("annika");
    }

    @Test
    void someoneWhoIsNoPartyPasses() {
        assertThatCode(() -> FourEyes.check("dee", PARTIES, i -> "x")).doesNotThrowAnyException();
        assertThatCode(() -> FourEyes.check("dee", List.of(new Party(null, Involvement.REQUESTER)), i -> "x"))
                .doesNotThrowAnyException();
    }
}
