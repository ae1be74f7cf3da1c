create table device (
    id               bigint generated always as identity primary key,
    customer_id      bigint       not null references customer (id),
    site_id          bigint       not null references site (id),
    model_id         bigint       not null references device_model (id),
    -- Canonical form: 12 upper-case hex digits, no separators.
    mac              char(12)     not null check (mac ~ '^[0-9A-F]{12}$'),
    label            varchar(100),
    status           varchar(20)  not null default 'UNASSIGNED' check (status in ('UNASSIGNED', 'ASSIGNED', 'PROVISIONED')),
    assigned_user_id bigint,
    created_at       timestamptz  not null default now(),
    created_by       bigint,
    last_fetch_at    timestamptz,
    last_fetch_ip    varchar(45),
    last_fetch_agent varchar(300)
);
-- A MAC address is unique on the whole platform, across customers.
create unique index device_mac_uk on device (mac);
create index device_customer_created_idx on device (customer_id, created_at desc, id desc);
create index device_site_idx on device (site_id);
