-- The browser a signer acted from, beside their address: evidence reports list both for every event.
alter table audit_event add column user_agent varchar(300);
