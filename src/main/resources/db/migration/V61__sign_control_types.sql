-- The legal representative's seal a signer applied on SIGN_LEGAL_PERSON_SEAL controls (a seal of
-- type LEGAL_PERSON_SEAL), beside the organization's seal of SIGN_SEAL controls.
alter table signature_record add column legal_person_seal_id varchar(32);
-- How the signature picture of SIGN_SIGNATURE and SIGN_PAGING_SIGNATURE controls was made: HANDWRITE
-- (drawn on the signer page) or SYSTEM_ESIGN (generated from the signer's name).
alter table signature_record add column signature_kind varchar(20);
-- When the signer proved with a one-time code that they may view contracts whose ApproverVerifyTypes
-- ask for it (2, the mobile check).
alter table signer add column view_verified_at timestamp with time zone;
