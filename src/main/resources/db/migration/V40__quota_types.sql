-- Quota of more than one kind in the same accounts and ledger: the contract quota (CloudEnterprise)
-- and the evidence-report quota (CloudProve). An account is now one row per organization and kind;
-- the table is rebuilt because the primary key changes, which H2 and PostgreSQL spell differently.
create table quota_account_by_type (
    organization_id varchar(32) not null references organization (id),
    quota_type      varchar(30) not null,
    total           bigint      not null default 0,
    used            bigint      not null default 0,
    primary key (organization_id, quota_type),
    constraint quota_account_type_bounds check (used >= 0 and used <= total)
);
insert into quota_account_by_type (organization_id, quota_type, total, used)
    select organization_id, 'CloudEnterprise', total, used from quota_account;
insert into quota_account_by_type (organization_id, quota_type, total, used)
    select organization_id, 'CloudProve', 0, 0 from quota_account;
drop table quota_account;
alter table quota_account_by_type rename to quota_account;

-- Every ledger row says which kind it moves; an evidence report's charge names the report, once.
alter table quota_ledger add column quota_type varchar(30) not null default 'CloudEnterprise';
alter table quota_ledger add column report_id varchar(32);
create unique index quota_ledger_report_uq on quota_ledger (report_id);
