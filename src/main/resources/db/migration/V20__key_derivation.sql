-- How the master key passphrase becomes the keys that encrypt stored secrets (see KeyDerivation):
-- scrypt's salt (base64) and cost, made once per installation by the first node to start (SecretsConfig,
-- which also re-encrypts the secrets stored before). Not secret: without the master key they give
-- nothing away.
create table key_derivation (
    id          varchar(20) primary key,
    salt        varchar(64) not null,
    cost        integer     not null,
    block_size  integer     not null,
    parallelism integer     not null,
    created_at  timestamp with time zone not null
);
