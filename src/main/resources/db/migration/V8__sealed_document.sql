-- The platform's signing identity, shared by every node: the private key (PKCS#8, encrypted with the
-- master key, see SecretCipher) and its certificate chain (PEM, signing certificate first).
create table platform_identity (
    id                varchar(20)   primary key,
    private_key_enc   varchar(4000) not null,
    certificate_chain varchar(8000) not null,
    created_at        timestamp with time zone not null
);

-- The final PDF of a completed contract: every mark drawn, the certificate of completion appended and
-- the platform's PAdES signature applied. Written once by the sealing step of sign-flow.
create table sealed_document (
    flow_id    varchar(32) primary key references flow (id),
    content    bytea       not null,
    sha256     varchar(64) not null,
    page_count integer     not null,
    sealed_at  timestamp with time zone not null
);
