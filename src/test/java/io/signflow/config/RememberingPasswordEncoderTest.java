package io.signflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    });

    @Test
    void aPasswordThatMatchedIsNotCheckedWithBcryptAgain() {
        String hash = encoder.encode("admin-password");
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(encoder.matches("admin-password", hash)).isTrue();
        assertThat(encoder.matches("admin-password", hash)).isTrue();
        assertThat(encoder.matches("admin-password", hash)).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndCheckedEveryTime() {
        String hash = encoder.encode("admin-password");
        assertThat(encoder.matches("admin-password", hash)).isTrue();
        assertThat(encoder.matches("admin-passwore", hash)).isFalse();
        assertThat(encoder.matches("admin-passwore", hash)).isFalse();
        assertThat(encoder.matches("", hash)).isFalse();
        assertThat(checks).hasValue(4);
    }

    @Test
    void aMatchIsRememberedForItsOwnHashOnly() {
        String hash = encoder.encode("admin-password");
        String otherHash = encoder.encode("other-password");
        assertThat(encoder.matches("admin-password", hash)).isTrue();
        assertThat(encoder.matches("admin-password", otherHash)).isFalse();
        assertThat(encoder.matches("other-password", otherHash)).isTrue();
    }
}
