package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SealingCapacityTest {

    @Test
    void leavesACoreToRequestsUnlessConfigured() {
        assertThat(SealingCapacity.bound(0, 8)).isEqualTo(7);
        assertThat(SealingCapacity.bound(0, 2)).isEqualTo(1);
        assertThat(SealingCapacity.bound(0, 1)).isEqualTo(1);
        assertThat(SealingCapacity.bound(3, 2)).isEqualTo(3);
    }
}
