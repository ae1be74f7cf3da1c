-- An admin's TOTP secret (RFC 6238), encrypted like line passwords (AES-256-GCM: nonce, ciphertext, tag).
-- Unconfirmed until the admin types a first code; last_step is the last time step accepted, so that a
-- code is never accepted twice.
create table admin_two_factor (
    admin_id     bigint primary key references admin_account (id) on delete cascade,
    secret_enc   bytea       not null,
    created_at   timestamptz not null default now(),
    confirmed_at timestamptz,
    last_step    bigint      not null default 0
);

-- One-time recovery codes: SHA-256 of the code, hex; the codes themselves are shown once.
create table admin_recovery_code (
    admin_id  bigint   not null references admin_account (id) on delete cascade,
    code_hash char(64) not null,
    used_at   timestamptz,
    primary key (admin_id, code_hash)
);

-- Customers whose admins must sign in with a second factor (set by a provider admin).
create table customer_two_factor (
    customer_id bigint primary key references customer (id) on delete cascade,
    required_at timestamptz not null default now()
);
