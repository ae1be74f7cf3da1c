-- One uploaded CSV file of devices and the background job that checks and imports it.
create table device_import (
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
    -- Spreadsheet rows found unchanged (a bit set indexed by row number), for the results file.
    unchanged_rows   bytea,
    -- Who uploaded: the job runs later, outside the request, and acts on that admin's behalf.
    created_by       bigint,
    created_by_email varchar(254),
    created_by_name  varchar(120),
    created_by_role  varchar(20),
    created_at       timestamptz  not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    -- The claim of a worker: a job whose lease ran out (its worker died) is claimed again from scratch.
    claimed_by       varchar(100),
    claimed_until    timestamptz,
    attempts         integer      not null default 0
);
create index device_import_customer_idx on device_import (customer_id, created_at desc, id desc);
create index device_import_pending_idx on device_import (id) where status in ('QUEUED', 'VALIDATING', 'IMPORTING');

-- The uploaded bytes, apart so that listing imports never reads them.
create table device_import_file (
    import_id bigint primary key references device_import (id) on delete cascade,
    content   bytea  not null
);

-- Every problem found: file-level ones have no row; message arguments are kept so any language can render them.
create table device_import_error (
    import_id   bigint       not null references device_import (id) on delete cascade,
    seq         integer      not null,
    row_number  integer,
    column_name varchar(100),
    value       varchar(300),
    code        varchar(80)  not null,
    args        text[]       not null default '{}',
    primary key (import_id, seq)
);
-- File-level errors (no row) come first, then by row: the order of the pages and of the API.
create index device_import_error_row_idx on device_import_error (import_id, row_number nulls first, seq);
