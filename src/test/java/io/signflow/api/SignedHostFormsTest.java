package io.signflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignedHostFormsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "127.0.0.1:8080, 127.0.0.1",
            "localhost:8080, localhost",
            "ess.example.com, ess.example.com",
            "[::1]:8080, [::1]",
            "[::1], [::1]",
            "host:notaport, host:notaport",
            "host:, host:"
    })
    void aPortIsDroppedForTheSecondFormOnly(String host, String withoutPort) {
        assertThat(SignedHostForms.of(host)).first().isEqualTo(host);
        assertThat(SignedHostForms.of(host)).last().isEqualTo(withoutPort);
        assertThat(SignedHostForms.of(host)).hasSize(host.equals(withoutPort) ? 1 : 2);
    }
}
