-- The heavy requests (CSV downloads, uploads) running now in every portal instance, one row each while it runs,
-- so that the limits per caller and per customer hold across instances. Unlogged: after a crash the table starts
-- empty, which is right, since no request survives it. A lease expires by itself if its instance dies.
create unlogged table heavy_request_lease (
    id           bigint generated always as identity primary key,
    caller_key   varchar(80)  not null,
    customer_key varchar(80),
    expires_at   timestamptz  not null
);
create index heavy_request_lease_caller_idx on heavy_request_lease (caller_key);
create index heavy_request_lease_customer_idx on heavy_request_lease (customer_key);
