-- CreateFlowByFiles with NeedPreview: what the contract would look like, shown read-only through a
-- link valid for 300 seconds. No contract exists; only the token's SHA-256 is kept.
create table flow_preview (
    token_hash      varchar(64)  primary key,
    organization_id varchar(32)  not null references organization (id),
    file_id         varchar(32)  not null references file_resource (id),
    content         bytea        not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index flow_preview_expiry_idx on flow_preview (expires_at);
