-- A signer whose contracts hold both a seal and a handwritten signature field applies both in one
-- action; the record says so instead of naming only the seal.
alter table signature_record drop constraint signature_record_method;
alter table signature_record add constraint signature_record_method
    check (method in ('AUTO_SEAL', 'SEAL', 'HANDWRITTEN', 'SEAL_AND_HANDWRITTEN'));
