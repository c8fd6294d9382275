-- Delivered messages are removed after signflow.outbox.retention (OutboxRetention): find them by age.
create index outbox_message_sent_idx on outbox_message (status, sent_at);
