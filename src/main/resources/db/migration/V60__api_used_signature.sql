-- Signature v1 requests (HmacSHA1/HmacSHA256) carry a Nonce so that each signed request is good once.
-- Every node of a cluster records the signatures it accepts here, so a request replayed to another
-- node is refused too; a row is kept while its timestamp is still within the tolerated window.
create table api_used_signature (
    secret_id  varchar(128) not null,
    signature  varchar(64)  not null,
    expires_at timestamp with time zone not null,
    constraint api_used_signature_pk primary key (secret_id, signature)
);
create index api_used_signature_expires on api_used_signature (expires_at);
