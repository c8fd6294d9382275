package io.signflow.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.common.KeyDerivation;
import io.signflow.common.SecretCipher;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacySecretsTest {

    /** Written by the SecretCipher of before key derivation, with the master key "an old passphrase". */
    static final String OLD_FORMAT = "lLl5Vnhq9diKlN1s1eNurMgD4/Q1HSA8Bp2pnTtQSNSOd17F1cb/9OeKLRoeLs8FePTZgENkWdZTrF4p";
    static final String OLD_PLAIN = "SignflowLegacySecret00000000000A";

    @Test
    void aValueOfTheOldFormatIsReadWithTheSameMasterKeyAndCanBeEncryptedAnew() {
        List<String> keys = List.of("an old passphrase");
        String plain = new LegacySecrets(keys).decrypt(OLD_FORMAT);
        SecretCipher cipher = new SecretCipher(keys, KeyDerivation.fresh());

        assertThat(plain).isEqualTo(OLD_PLAIN);
        assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(OLD_PLAIN);
    }

    @Test
    void theOldFormatIsAlsoReadWithThePreviousMasterKey() {
        assertThat(new LegacySecrets(List.of("a new passphrase", "an old passphrase")).decrypt(OLD_FORMAT))
                .isEqualTo(OLD_PLAIN);
    }

    @Test
    void aWrongMasterKeyOrADamagedValueIsRefused() {
        assertThatThrownBy(() -> new LegacySecrets(List.of("a wrong passphrase")).decrypt(OLD_FORMAT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is it the key it was stored with?");
        String damaged = "A" + OLD_FORMAT.substring(1);
        assertThatThrownBy(() -> new LegacySecrets(List.of("an old passphrase")).decrypt(damaged))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LegacySecrets(List.of("an old passphrase")).decrypt("not base64!"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no known format");
    }
}
