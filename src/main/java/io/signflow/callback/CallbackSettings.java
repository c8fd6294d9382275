package io.signflow.callback;

import io.signflow.common.SecretCipher;
import io.signflow.tenant.OrganizationRepository;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organization's default callback address with its AES key and signing token (both stored encrypted). */
@Repository
class CallbackSettings {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final OrganizationRepository organizations;

    public CallbackSettings(JdbcClient jdbc, SecretCipher cipher, OrganizationRepository organizations) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.organizations = organizations;
    }

    public record Target(String url, String key, String token) {

        @Override
        public String toString() {
            return "Target[" + url + "]";
        }
    }

    /** False when the organization does not exist. */
    public boolean set(String organizationId, Target target) {
        return organizations.setCallback(organizationId, target.url(), cipher.encrypt(target.key()),
                cipher.encrypt(target.token()));
    }

    public Optional<Target> of(String organizationId) {
        return jdbc.sql("select callback_url, callback_key, callback_token from organization where id = ? "
                        + "and callback_url is not null")
                .param(organizationId)
                .query((rs, n) -> new Target(rs.getString(1), decrypt(rs.getString(2)), decrypt(rs.getString(3))))
                .optional();
    }

    private String decrypt(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
