-- A signer's controls are looked up by recipient alone (auto-signing, the signer page, filling a
-- dynamic signer). Without this index each lookup scanned the whole table, and creation slowed as
-- contracts piled up (BENCHMARKS.md, soak).
create index component_recipient_idx on component (recipient_id);
