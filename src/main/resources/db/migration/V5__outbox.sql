-- Messages leaving the system (signer notifications, callbacks to integrators), written in the same
-- transaction as the state change they announce. A relay delivers them after commit; a message whose
-- first attempts fail is handed to the message-delivery process, whose retry cycle and incidents
-- operators see in Cockpit.
create table outbox_message (
    id              varchar(32)   primary key,
    kind            varchar(20)   not null,
    recipient       varchar(1000) not null,
    organization_id varchar(32),
    group_id        varchar(32),
    flow_id         varchar(32),
    subject         varchar(50)   not null,
    body            varchar(65536) not null,
    link            varchar(1000),
    code            varchar(10),
    channel         varchar(20)   not null,
    status          varchar(10)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint outbox_message_kind check (kind in ('NOTIFICATION', 'CALLBACK')),
    constraint outbox_message_status check (status in ('PENDING', 'RETRYING', 'SENT'))
);
create index outbox_message_due_idx on outbox_message (status, next_attempt_at);
create index outbox_message_recipient_idx on outbox_message (kind, recipient, created_at);
create index outbox_message_flow_idx on outbox_message (flow_id);
