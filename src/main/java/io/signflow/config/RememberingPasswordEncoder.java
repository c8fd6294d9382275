package io.signflow.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that checks a password against its hash once and then remembers that it matched.
 * The admin API and the actuator are called with HTTP Basic and no session, so every call checked the
 * admin password with bcrypt again: about 75 ms of CPU each, a monitoring scrape every second taking
 * a few per cent of a two-core node from the requests and the jobs. Only matches are remembered
 * (as a SHA-256 of hash and password, in memory, as the admin password itself is); a wrong
 * password costs its bcrypt every time, as before.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    /** Only the admin account checks passwords here; a bound keeps memory flat whatever happens. */
    private static final int REMEMBERED = 16;

    private final PasswordEncoder encoder;
    private final Set<String> matched = ConcurrentHashMap.newKeySet();

    RememberingPasswordEncoder(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        String key = digest(encodedPassword, rawPassword);
        if (matched.contains(key)) {
            return true;
        }
        boolean matches = encoder.matches(rawPassword, encodedPassword);
        if (matches && matched.size() < REMEMBERED) {
            matched.add(key);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private static String digest(String encodedPassword, CharSequence rawPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
