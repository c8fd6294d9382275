-- Uploaded files (UploadFiles) and the page geometry of PDFs. Bytes live in the database so every
-- node of a cluster reads the same file.
create table file_resource (
    id              varchar(32)  primary key,
    organization_id varchar(32)  not null references organization (id),
    business_type   varchar(20)  not null,
    file_name       varchar(200) not null,
    file_type       varchar(10)  not null,
    size_bytes      bigint       not null,
    sha256          varchar(64)  not null,
    page_count      integer,
    content         bytea        not null,
    created_at      timestamp with time zone not null,
    -- after this a file can no longer start new contracts; contracts made from it keep it
    expires_at      timestamp with time zone
);
create index file_resource_organization_idx on file_resource (organization_id);

-- width and height are what a reader sees, in pt: the CropBox turned by /Rotate.
create table file_page (
    file_id  varchar(32)      not null references file_resource (id),
    page_no  integer          not null,
    width    double precision not null,
    height   double precision not null,
    rotation integer          not null,
    origin_x double precision not null,
    origin_y double precision not null,
    primary key (file_id, page_no)
);
