-- Sealing reads a contract's signatures by the contract (sealing.SealingSources). Without an index
-- that read scanned every signature ever recorded, and grew with them: 14.5 ms a sealed contract with
-- 60,000 contracts open, 58 ms later in a longer run (BENCHMARKS.md, eleventh series).
create index signature_record_flow_idx on signature_record (flow_id);
