-- Evidence reports (出证报告): requested through the API, produced by the evidence-report process,
-- kept for download. flow_id is set for a one-contract report, null for a whole group's.
create table evidence_report (
    id                    varchar(32)  primary key,
    group_id              varchar(32)  not null references flow_group (id),
    flow_id               varchar(32)  references flow (id),
    owner_organization_id varchar(32)  not null references organization (id),
    organization_id       varchar(32)  not null references organization (id),
    operator_user_id      varchar(32)  not null,
    status                varchar(10)  not null,
    content               bytea,
    sha256                varchar(64),
    page_count            integer,
    created_at            timestamp with time zone not null,
    completed_at          timestamp with time zone,
    constraint evidence_report_status check (status in ('EXECUTING', 'SUCCESS'))
);
create index evidence_report_flow_idx on evidence_report (flow_id);
