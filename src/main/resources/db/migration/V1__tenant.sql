-- Organizations, their employees, seals and API keys. A group enterprise is an organization that
-- other organizations name as parent; only one level of nesting is allowed (checked by the service).
create table organization (
    id                varchar(32)  primary key,
    name              varchar(200) not null,
    parent_id         varchar(32)  references organization (id),
    activated         boolean      not null default true,
    auto_sign_enabled boolean      not null default true,
    callback_url      varchar(1000),
    callback_key      varchar(64),
    callback_token    varchar(128),
    created_at        timestamp with time zone not null
);
create unique index organization_name_uq on organization (name);
create index organization_parent_idx on organization (parent_id);

create table employee (
    id              varchar(32) primary key,
    organization_id varchar(32) not null references organization (id),
    name            varchar(50) not null,
    mobile          varchar(11) not null,
    verified        boolean     not null default true,
    api_enabled     boolean     not null default true,
    created_at      timestamp with time zone not null
);
create index employee_organization_idx on employee (organization_id);

create table seal (
    id                varchar(32) primary key,
    organization_id   varchar(32) not null references organization (id),
    name              varchar(50) not null,
    seal_type         varchar(20) not null,
    auto_sign_allowed boolean     not null default true,
    image_png         bytea       not null,
    created_at        timestamp with time zone not null
);
create index seal_organization_idx on seal (organization_id);

-- The secret key is needed in clear to check HMAC signatures; it is stored encrypted with the
-- master key (see SecretCipher) and shown to the operator once, when the key is created.
create table api_key (
    secret_id        varchar(64)  primary key,
    organization_id  varchar(32)  not null references organization (id),
    secret_key_enc   varchar(200) not null,
    created_at       timestamp with time zone not null
);
create index api_key_organization_idx on api_key (organization_id);
