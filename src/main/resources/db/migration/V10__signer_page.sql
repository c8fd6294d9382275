-- Verification codes for the signer page: one live code per signer, stored hashed, with the
-- attempts made against it and a lock after too many wrong ones.
create table verification_code (
    signer_id    varchar(32) primary key references signer (id),
    code_hash    varchar(64) not null,
    sent_at      timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    attempts     integer     not null default 0,
    sent_today   integer     not null default 1,
    sent_day     date        not null,
    locked_until timestamp with time zone
);

-- when a link was first opened, for the audit trail's LINK_OPENED
alter table sign_link add column first_opened_at timestamp with time zone;

-- reminders sent (CreateFlowReminds allows three per signer and contract)
alter table approver add column reminded integer not null default 0;
