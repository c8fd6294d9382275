package io.signflow.secrets;

import io.signflow.common.MasterKeys;
import io.signflow.common.SecretCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration
class SecretsConfig {

    /** Made once per node: deriving the keys costs scrypt's 32 MiB and about 0.1 s per master key. */
    @Bean
    SecretCipher secretCipher(JdbcClient jdbc, MasterKeys keys) {
        return new SecretCipher(keys.all(), KeyDerivationTable.read(jdbc));
    }
}
