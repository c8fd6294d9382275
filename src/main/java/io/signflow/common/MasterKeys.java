package io.signflow.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key passphrases stored secrets are encrypted under: {@code SIGNFLOW_MASTER_KEY}, the
 * current one, and during a rotation {@code SIGNFLOW_MASTER_KEY_PREVIOUS}, which is only read with.
 * Without {@code SIGNFLOW_MASTER_KEY} a single node creates {@code master.key} (32 random bytes) in its
 * data directory on first start; a cluster must set the variable to the same value on every node.
 */
@Component
public class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String current;
    private final String previous;

    public MasterKeys(@Value("${signflow.master-key:}") String masterKey,
                      @Value("${signflow.master-key-previous:}") String previous,
                      @Value("${signflow.data-dir}") String dataDir) {
        this.current = masterKey.isBlank() ? keyFile(Path.of(dataDir, "master.key")) : masterKey;
        this.previous = previous;
    }

    public String current() {
        return current;
    }

    /** Every passphrase stored secrets may be encrypted under, the current one first. */
    public List<String> all() {
        List<String> all = new ArrayList<>(List.of(current));
        if (!previous.isBlank() && !previous.equals(current)) {
            all.add(previous);
        }
        return all;
    }

    private static String keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String generated = Base64.getEncoder().encodeToString(random);
            Files.writeString(file, generated);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions apply
            }
            log.warn("SIGNFLOW_MASTER_KEY is not set: created {} to encrypt stored secrets. Back it up, and set "
                    + "SIGNFLOW_MASTER_KEY on every node of a cluster instead.", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }
}
