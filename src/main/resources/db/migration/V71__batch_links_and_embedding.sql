-- Where a signer goes after signing: the JumpUrl of the CreateBatchQuickSignUrl that issued the link.
alter table sign_link add column jump_url varchar(1000);

-- The web origins (scheme, host and port) that may show an organization's signer pages in a frame.
-- None: the pages cannot be framed anywhere.
create table embed_origin (
    organization_id varchar(32)  not null references organization (id),
    origin          varchar(200) not null,
    primary key (organization_id, origin)
);
