-- What phones fetched with a customer's provisioning key: the Provisioning page's latest fetches,
-- phones not (yet) in the inventory included (device_id null). No foreign key to device: the log
-- outlives a removed device. Only the latest rows matter; older ones are trimmed by the portal.
create table provisioning_fetch (
    id          bigint generated always as identity primary key,
    customer_id bigint       not null references customer (id),
    at          timestamptz  not null default now(),
    address     varchar(45)  not null,
    user_agent  varchar(300),
    mac         char(12) check (mac ~ '^[0-9A-F]{12}$'),
    file        varchar(120) not null,
    status      smallint     not null,
    device_id   bigint
);
create index provisioning_fetch_customer_at_idx on provisioning_fetch (customer_id, at desc, id desc);
create index provisioning_fetch_unknown_idx on provisioning_fetch (customer_id, at desc) where device_id is null and mac is not null;

-- Misses (404s) per client address in the current window, shared by every server of the platform.
-- Unlogged: a crash that forgets the counts only lifts the throttle early.
create unlogged table provisioning_miss (
    address      varchar(45) primary key,
    window_start timestamptz not null,
    misses       integer     not null
);
