-- An organization's callback key and token are needed in clear to encrypt and sign each delivery;
-- they are stored encrypted with the master key (see SecretCipher), which needs wider columns.
alter table organization alter column callback_key set data type varchar(200);
alter table organization alter column callback_token set data type varchar(300);
