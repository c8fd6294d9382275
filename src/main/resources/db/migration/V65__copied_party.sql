-- Copied parties of a contract (CcInfos, 抄送方): they read the contract and sign nothing. One row per
-- party and contract; notify_when is the contract's CcNotifyType (0 as it starts, 1 once it is signed),
-- notified_at when they were told.
create table copied_party (
    id           varchar(32)  primary key,
    flow_id      varchar(32)  not null references flow (id),
    group_id     varchar(32)  not null references flow_group (id),
    position     integer      not null,
    cc_type      integer      not null,
    name         varchar(50)  not null,
    mobile       varchar(11)  not null,
    permission   integer      not null,
    notify_type  varchar(10)  not null,
    notify_when  integer      not null,
    notified_at  timestamp with time zone,
    constraint copied_party_cc_type check (cc_type in (0, 1)),
    constraint copied_party_permission check (permission in (0, 1)),
    constraint copied_party_notify_when check (notify_when in (0, 1))
);
create index copied_party_flow_idx on copied_party (flow_id, position);
create index copied_party_reader_idx on copied_party (group_id, mobile, name);
