package io.signflow.tenant;

import io.signflow.api.ApiCredentials;
import io.signflow.common.SecretCipher;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys, with the secret half encrypted at rest; this is where the gateway looks keys up. */
@Repository
class ApiKeyRepository implements ApiCredentials {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public ApiKeyRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void insert(String secretId, String secretKey, String organizationId) {
        jdbc.sql("insert into api_key (secret_id, organization_id, secret_key_enc, created_at) values (?, ?, ?, ?)")
                .params(secretId, organizationId, cipher.encrypt(secretKey), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    public boolean exists(String secretId) {
        return jdbc.sql("select count(*) from api_key where secret_id = ?").param(secretId)
                .query(Integer.class).single() > 0;
    }

    @Override
    public Optional<Credential> find(String secretId) {
        return jdbc.sql("select secret_id, secret_key_enc, organization_id from api_key where secret_id = ?")
                .param(secretId)
                .query((rs, n) -> new Credential(rs.getString(1), cipher.decrypt(rs.getString(2)), rs.getString(3)))
                .optional();
    }
}
