package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    /** Stored parameters like an installation's, at a lower cost so that the tests run fast. */
    private static final KeyDerivation DERIVATION = cheap(KeyDerivation.fresh());
    private static final SecretCipher CIPHER = new SecretCipher(List.of("the master key"), DERIVATION);

    @Test
    void eachInstallationGetsItsOwnSaltAndRfc7914sInteractiveCost() {
        KeyDerivation one = KeyDerivation.fresh();
        KeyDerivation other = KeyDerivation.fresh();

        assertThat(one.salt()).hasSize(16).isNotEqualTo(other.salt());
        assertThat(List.of(one.cost(), one.blockSize(), one.parallelism())).containsExactly(1 << 15, 8, 1);
        assertThat(one.rootKey("the master key")).hasSize(32).isNotEqualTo(other.rootKey("the master key"))
                .isEqualTo(new KeyDerivation(one.salt(), 1 << 15, 8, 1).rootKey("the master key"));
    }

    @Test
    void aSecretComesBackAsItWasAndIsStoredWithItsKeyId() {
        String stored = CIPHER.encrypt("SignflowSecretKey0000000000000001");

        assertThat(stored).startsWith("v2:" + CIPHER.currentKeyId() + ":").doesNotContain("SignflowSecretKey");
        assertThat(CIPHER.decrypt(stored)).isEqualTo("SignflowSecretKey0000000000000001");
        assertThat(CIPHER.encrypt("SignflowSecretKey0000000000000001")).as("a fresh IV each time").isNotEqualTo(stored);
        assertThat(CIPHER.isCurrent(stored)).isTrue();
    }

    @Test
    void anotherMasterKeyIsRefusedAndNamed() {
        String stored = CIPHER.encrypt("secret");
        SecretCipher other = new SecretCipher(List.of("another master key"), DERIVATION);

        assertThat(other.currentKeyId()).isNotEqualTo(CIPHER.currentKeyId());
        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encrypted under master key " + CIPHER.currentKeyId())
                .hasMessageContaining("SIGNFLOW_MASTER_KEY is key " + other.currentKeyId());
    }

    @Test
    void theSamePassphraseUnderAnotherInstallationsSaltIsAnotherKey() {
        SecretCipher elsewhere = new SecretCipher(List.of("the master key"), cheap(KeyDerivation.fresh()));

        assertThat(elsewhere.currentKeyId()).isNotEqualTo(CIPHER.currentKeyId());
        assertThatThrownBy(() -> elsewhere.decrypt(CIPHER.encrypt("secret"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueIsRefused() {
        String stored = CIPHER.encrypt("secret");
        String prefix = "v2:" + CIPHER.currentKeyId() + ":";
        byte[] sealed = Base64.getDecoder().decode(stored.substring(prefix.length()));
        sealed[sealed.length - 20] ^= 1;

        assertThatThrownBy(() -> CIPHER.decrypt(prefix + Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is damaged");
        assertThatThrownBy(() -> CIPHER.decrypt(stored.substring(0, stored.length() - 4)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CIPHER.decrypt("v3" + stored.substring(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in the expected format");
    }

    @Test
    void theKeyIdIsAuthenticatedWithTheValue() {
        SecretCipher rotated = new SecretCipher(List.of("the new master key", "the master key"), DERIVATION);
        String underOld = CIPHER.encrypt("secret");
        String relabelled = underOld.replace(CIPHER.currentKeyId(), rotated.currentKeyId());

        assertThat(rotated.decrypt(underOld)).isEqualTo("secret");
        assertThatThrownBy(() -> rotated.decrypt(relabelled)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void duringARotationBothKeysAreReadAndOnlyTheNewOneWritten() {
        SecretCipher rotated = new SecretCipher(List.of("the new master key", "the master key"), DERIVATION);
        String underOld = CIPHER.encrypt("secret");
        String underNew = rotated.encrypt("secret");

        assertThat(rotated.decrypt(underOld)).isEqualTo("secret");
        assertThat(rotated.isCurrent(underOld)).isFalse();
        assertThat(rotated.isCurrent(underNew)).isTrue();
        assertThatThrownBy(() -> CIPHER.decrypt(underNew)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysForOtherPurposesDifferFromEachOtherAndFollowTheMasterKey() {
        byte[] links = CIPHER.derivedKey("download-links");

        assertThat(links).hasSize(32).isEqualTo(new SecretCipher(List.of("the master key"), DERIVATION)
                .derivedKey("download-links"));
        assertThat(CIPHER.derivedKey("something else")).isNotEqualTo(links);
        assertThat(new SecretCipher(List.of("another master key"), DERIVATION).derivedKey("download-links"))
                .isNotEqualTo(links);
    }

    private static KeyDerivation cheap(KeyDerivation derivation) {
        return new KeyDerivation(derivation.salt(), 1 << 10, 8, 1);
    }
}
