-- The generated identity's root key, encrypted like the signing key, so the platform can issue the
-- revocation list for its signing certificate that final PDFs carry. Null for identities made before.
alter table platform_identity add column root_key_enc varchar(4000);
