package io.signflow.secrets;

import org.apache.commons.codec.digest.DigestUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads values stored before key ids and key derivation: base64 of IV, ciphertext and tag, under
 * AES-GCM with the SHA-256 of the master key passphrase as key. Only re-encryption reads them; nothing
 * is written in this format any more.
 */
final class LegacySecrets {

    private static final int IV_BYTES = 12;
    private final List<SecretKeySpec> keys;

    LegacySecrets(List<String> passphrases) {
        this.keys = passphrases.stream().map(p -> new SecretKeySpec(sha256(p), "AES")).toList();
    }

    String decrypt(String stored) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret is in no known format", e);
        }
        for (SecretKeySpec key : keys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
                return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException wrongKey) {
                // the tag does not match: another of the passphrases, or none
            }
        }
        throw new IllegalStateException("A secret stored before key derivation cannot be decrypted with "
                + "SIGNFLOW_MASTER_KEY (or SIGNFLOW_MASTER_KEY_PREVIOUS): is it the key it was stored with?");
    }

    private static byte[] sha256(String text) {
        return DigestUtils.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
