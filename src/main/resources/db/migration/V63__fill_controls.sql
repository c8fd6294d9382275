-- A DYNAMIC_TABLE's value is ESS's table JSON (headers, rowCount, body.cells), which outgrows 4000
-- characters: a hundred rows of a few columns is well over that.
alter table component alter column component_value set data type varchar(65535);

-- Images a signer uploads on the signer page for one of their ATTACHMENT controls. Only that signer
-- (through their link) can add, see or remove them, and only while the contract waits for them;
-- signing keeps the ones the control's value names and removes the rest. The control's value lists
-- the ids, as ESS lists FileIds.
create table signer_attachment (
    id            varchar(32)  primary key,
    component_id  bigint       not null references component (id),
    signer_id     varchar(32)  not null references signer (id),
    file_name     varchar(200) not null,
    content_type  varchar(20)  not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    content       bytea        not null,
    created_at    timestamp with time zone not null
);
create index signer_attachment_component_idx on signer_attachment (component_id, signer_id);
