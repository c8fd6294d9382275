package io.signflow.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets we must keep in the database in a usable form (API secret keys, callback keys
 * and tokens, the platform signing key) with AES-256-GCM under keys derived from the master key
 * ({@link MasterKeys}, {@link KeyDerivation}), which never enters the database.
 *
 * <p>A stored value reads {@code v2:<key id>:<base64 of IV, ciphertext and tag>}. The key id names the
 * master key it was encrypted under (it is derived from it, so it gives the key away no more than the
 * ciphertext does), which lets a rotation find what is still under an old key and lets a wrong
 * {@code SIGNFLOW_MASTER_KEY} be told apart from a damaged value. The prefix is authenticated with the
 * value, so a value cannot be passed off as another key's.
 */
public final class SecretCipher {

    static final String FORMAT = "v2";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(String id, byte[] root, SecretKeySpec aes) {
    }

    private final Key current;
    private final Map<String, Key> readable = new LinkedHashMap<>();

    /** {@code passphrases}: the current master key first, then those that may only be read with. */
    public SecretCipher(List<String> passphrases, KeyDerivation derivation) {
        for (String passphrase : passphrases) {
            byte[] root = derivation.rootKey(passphrase);
            String id = HexFormat.of().formatHex(KeyDerivation.subkey(root, "signflow key id"), 0, 8);
            readable.putIfAbsent(id, new Key(id, root, new SecretKeySpec(KeyDerivation.subkey(root,
                    "signflow stored secrets"), "AES")));
        }
        this.current = readable.values().iterator().next();
    }

    public String currentKeyId() {
        return current.id();
    }

    /** The id of the key a stored value is encrypted under, or null when it is not in this format. */
    public static String keyIdOf(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 && parts[0].equals(FORMAT) ? parts[1] : null;
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            String header = FORMAT + ":" + current.id();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.aes(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return header + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        String keyId = keyIdOf(stored);
        if (keyId == null) {
            throw new IllegalStateException("A stored secret is not in the expected format");
        }
        Key key = readable.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A stored secret is encrypted under master key " + keyId + ", but "
                    + "SIGNFLOW_MASTER_KEY is key " + current.id() + " (and SIGNFLOW_MASTER_KEY_PREVIOUS, if set, "
                    + "is not " + keyId + " either)");
        }
        try {
            String header = FORMAT + ":" + keyId;
            byte[] in = Base64.getDecoder().decode(stored.substring(header.length() + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.aes(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret encrypted under master key " + keyId + " is damaged", e);
        }
    }

    /** True when the value is encrypted under the current master key: a rotation leaves it alone. */
    public boolean isCurrent(String stored) {
        return current.id().equals(keyIdOf(stored));
    }

    /**
     * A key for one purpose (e.g. signing download links) derived from the current master key, so every
     * node of a cluster computes the same one and none is stored.
     */
    public byte[] derivedKey(String purpose) {
        return KeyDerivation.subkey(current.root(), purpose);
    }
}
