-- The SIP side of a customer: its SIP domain (the tenant boundary in SIP, as customer_id is in the
-- portal) and the secret key in the provisioning URL its phones are given.
create table customer_sip (
    customer_id      bigint       primary key references customer (id),
    sip_domain       varchar(253) not null check (sip_domain ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$'),
    provisioning_key varchar(64)  not null,
    key_created_at   timestamptz  not null default now()
);
create unique index customer_sip_domain_uk on customer_sip (sip_domain);
create unique index customer_sip_key_uk on customer_sip (provisioning_key);

-- A SIP line: what an assigned device needs to register. One per assigned device; it ends (the row
-- goes) when the device is unassigned, moved or removed, or its user is removed.
create table line (
    id                  bigint generated always as identity primary key,
    customer_id         bigint       not null references customer (id),
    device_id           bigint       not null references device (id) on delete cascade,
    user_id             bigint       not null references app_user (id) on delete cascade,
    -- Opaque and unique on the whole platform: it names no person and no customer.
    username            varchar(64)  not null check (username ~ '^[a-z0-9]{8,64}$'),
    -- The customer's SIP domain when the line was made; also the digest realm.
    domain              varchar(253) not null,
    -- AES-GCM: a 12-byte nonce followed by the ciphertext and its 16-byte tag.
    password_enc        bytea        not null,
    -- For the registrar: md5(username:domain:password) and md5(username@domain:domain:password).
    ha1                 char(32)     not null,
    ha1b                char(32)     not null,
    created_at          timestamptz  not null default now(),
    password_changed_at timestamptz  not null default now()
);
create unique index line_username_uk on line (username);
create unique index line_device_uk on line (device_id);
create index line_user_idx on line (user_id);
create index line_customer_idx on line (customer_id);
