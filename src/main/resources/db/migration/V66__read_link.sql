-- Read-only links of copied parties: one reader (a name and mobile copied in a group) reaches the
-- contracts of that group they are copied on, and nothing else. Only the token's SHA-256 is kept.
create table read_link (
    token_hash      varchar(64) primary key,
    group_id        varchar(32) not null references flow_group (id),
    name            varchar(50) not null,
    mobile          varchar(11) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    first_opened_at timestamp with time zone
);
create index read_link_reader_idx on read_link (group_id, mobile);
