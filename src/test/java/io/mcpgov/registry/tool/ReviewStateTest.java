package io.mcpgov.registry.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewStateTest {

    @Test
    void aToolThatRequiresApprovalIsAvailableOnlyOnceApproved() {
        assertThat(ReviewState.APPROVED.available(true)).isTrue();
        assertThat(ReviewState.PENDING.available(true)).isFalse();
        assertThat(ReviewState.REJECTED.available(true)).isFalse();
        assertThat(ReviewState.REVOKED.available(true)).isFalse();
    }

    @Test
    void aFlaggedToolIsAvailableUnlessRejectedOrRevoked() {
        assertThat(ReviewState.NOT_REQUIRED.available(false)).isTrue();
        assertThat(ReviewState.PENDING.available(false)).isTrue();
        assertThat(ReviewState.APPROVED.available(false)).isTrue();
        assertThat(ReviewState.REJECTED.available(false)).isFalse();
        assertThat(ReviewState.REVOKED.available(false)).isFalse();
    }

    @Test
    void approvalFollowsDangerAndFindings() {
        assertThat(ToolEntitlement.approval(false, false, null)).isEqualTo(ReviewState.NOT_REQUIRED);
        assertThat(ToolEntitlement.approval(false, false, "approved")).isEqualTo(ReviewState.NOT_REQUIRED);
        assertThat(ToolEntitlement.approval(true, false, null)).isEqualTo(ReviewState.PENDING);
        assertThat(ToolEntitlement.approval(true, false, "approved")).isEqualTo(ReviewState.APPROVED);
        assertThat(ToolEntitlement.approval(false, true, "rejected")).isEqualTo(ReviewState.REJECTED);
    }
}
