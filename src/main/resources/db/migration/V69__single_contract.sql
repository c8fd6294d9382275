-- A contract created on its own (CreateFlowByFiles) keeps the group machinery (signers, links, audit
-- trail, reports are all per group) through a group row of its own, marked single. The API never
-- shows that row: it is no FlowGroupId, gets no group callback and is not a group's in reports.
alter table flow_group add column single boolean not null default false;
