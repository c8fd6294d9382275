package io.signflow.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * The protection ESS applies to callbacks, so existing receivers work unchanged: the body encrypted
 * with AES-256-CBC and PKCS#7 padding, the key being the organization's 32-character key as UTF-8 and
 * the IV its first 16 bytes, sent as {@code {"encrypt":"<base64>"}}; and a
 * {@code Content-Signature: sha256=<hex HMAC-SHA256(token, raw body)>} header.
 */
final class CallbackCrypto {

    private CallbackCrypto() {
    }

    static String encrypt(String plain, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        try {
            // Java names PKCS#7 padding for AES "PKCS5Padding"
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"),
                    new IvParameterSpec(Arrays.copyOf(keyBytes, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the callback", e);
        }
    }

    static String signature(String body, String token) {
        return "sha256=" + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, token).hmacHex(body);
    }
}
