-- What becomes of a group's other contracts when one of them is rejected, expires or is cancelled:
-- 'independent' (they go on) or 'all-or-nothing' (they are cancelled). Set by an operator per organization.
alter table organization add column flow_group_policy varchar(20) default 'independent' not null;
