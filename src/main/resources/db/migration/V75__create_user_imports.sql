-- One uploaded CSV file of users (with their numbers and phones) and the job that checks and imports it;
-- shaped as device_import (V10), so that the importing module runs both kinds of job alike.
create table user_import (
    id               bigint generated always as identity primary key,
    customer_id      bigint       not null references customer (id),
    file_name        varchar(255) not null,
    file_size        bigint       not null,
    status           varchar(20)  not null default 'QUEUED'
                     check (status in ('QUEUED', 'VALIDATING', 'IMPORTING', 'COMPLETED', 'REJECTED', 'FAILED')),
    total_rows       integer      not null default 0,
    processed_rows   integer      not null default 0,
    added_count      integer      not null default 0,
    unchanged_count  integer      not null default 0,
    error_count      integer      not null default 0,
    unchanged_rows   bytea,
    created_by       bigint,
    created_by_email varchar(254),
    created_by_name  varchar(120),
    created_by_role  varchar(20),
    created_at       timestamptz  not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    claimed_by       varchar(100),
    claimed_until    timestamptz,
    attempts         integer      not null default 0
);
create index user_import_customer_idx on user_import (customer_id, created_at desc, id desc);
create index user_import_pending_idx on user_import (id) where status in ('QUEUED', 'VALIDATING', 'IMPORTING');

create table user_import_file (
    import_id bigint primary key references user_import (id) on delete cascade,
    content   bytea  not null
);

create table user_import_error (
    import_id   bigint       not null references user_import (id) on delete cascade,
    seq         integer      not null,
    row_number  integer,
    column_name varchar(100),
    value       varchar(300),
    code        varchar(80)  not null,
    args        text[]       not null default '{}',
    primary key (import_id, seq)
);
create index user_import_error_row_idx on user_import_error (import_id, row_number nulls first, seq);
