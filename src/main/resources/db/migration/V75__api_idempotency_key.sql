-- Creating actions sent with X-Signflow-Idempotency-Key: the first successful answer per organization
-- and key, with a hash of the request it answered. A retry with the same key and request gets that
-- answer instead of creating again; the row is written in the action's own transaction, so a
-- concurrent retry waits on the key and then finds the answer. Rows are removed after a day.
create table api_idempotency_key (
    organization_id varchar(32)     not null,
    idempotency_key varchar(64)     not null,
    request_hash    varchar(64)     not null,
    response        varchar(1048576),
    created_at      timestamp with time zone not null,
    constraint api_idempotency_key_pk primary key (organization_id, idempotency_key)
);
create index api_idempotency_key_created on api_idempotency_key (created_at);
