create table admin_account (
    id            bigint generated always as identity primary key,
    email         varchar(254) not null,
    name          varchar(120) not null,
    password_hash varchar(200) not null,
    role          varchar(20)  not null check (role in ('PROVIDER_ADMIN', 'CUSTOMER_ADMIN')),
    customer_id   bigint references customer (id),
    created_at    timestamptz  not null default now(),
    -- A provider admin belongs to no customer; a customer admin to exactly one.
    check ((role = 'PROVIDER_ADMIN') = (customer_id is null))
);
create unique index admin_account_email_uk on admin_account (lower(email));
create index admin_account_customer_idx on admin_account (customer_id);

create table api_token (
    id           bigint generated always as identity primary key,
    admin_id     bigint       not null references admin_account (id) on delete cascade,
    name         varchar(100) not null,
    -- SHA-256 of the token, hex; the token itself is shown once and never stored.
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_token_admin_idx on api_token (admin_id);

-- Failed sign-ins, counted per account and per client address, shared by every instance.
create table login_throttle (
    key          varchar(300) primary key,
    failures     integer     not null,
    window_start timestamptz not null,
    locked_until timestamptz
);
