/**
 * The master key: its derivation (scrypt with a stored salt, then HKDF per use), the one-time
 * re-encryption of secrets stored in the old format, and key rotation. It re-encrypts in place the
 * encrypted columns that other modules own ({@link io.signflow.secrets.EncryptedColumn}), the one
 * place that writes another module's table, because a rotation must change every secret in one
 * transaction.
 */
@ApplicationModule(displayName = "Secrets", allowedDependencies = {"common"})
package io.signflow.secrets;

import org.springframework.modulith.ApplicationModule;
