package io.signflow.common;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * How keys come from a master key passphrase. The passphrase may be something a person chose, so it
 * is stretched with scrypt under a salt kept in the database (one per installation): guessing it from
 * a stolen database then costs 32 MiB and about 0.1 s per guess, not one SHA-256. Each use (encrypting
 * secrets, naming the key, signing download links) takes its own key from that root with HKDF-SHA256,
 * so a key for one use says nothing about another.
 *
 * @param salt        random, 16 bytes
 * @param cost        scrypt's N (CPU and memory cost, a power of two)
 * @param blockSize   scrypt's r
 * @param parallelism scrypt's p
 */
public record KeyDerivation(byte[] salt, int cost, int blockSize, int parallelism) {

    /** RFC 7914's interactive-login parameters: N = 2^15, r = 8, p = 1 (32 MiB). */
    public static KeyDerivation fresh() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new KeyDerivation(salt, 1 << 15, 8, 1);
    }

    public byte[] rootKey(String passphrase) {
        return SCrypt.generate(passphrase.getBytes(StandardCharsets.UTF_8), salt, cost, blockSize, parallelism, 32);
    }

    /** A 32-byte key for one purpose, from a root key. */
    public static byte[] subkey(byte[] rootKey, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(rootKey, null, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }
}
