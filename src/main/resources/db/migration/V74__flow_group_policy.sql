-- The organization's group policy as it stood when the group was created: changing the organization's
-- policy later leaves running groups as they were started.
alter table flow_group add column policy varchar(20) default 'independent' not null;
