create table customer (
    id         bigint generated always as identity primary key,
    name       varchar(120) not null check (length(trim(name)) > 0),
    country    char(2)      not null check (country ~ '^[A-Z]{2}$'),
    language   varchar(2)   not null default 'en' check (language in ('en', 'fr')),
    created_at timestamptz  not null default now()
);
create unique index customer_name_uk on customer (lower(name));

create table site (
    id          bigint generated always as identity primary key,
    customer_id bigint       not null references customer (id),
    name        varchar(100) not null check (length(trim(name)) > 0),
    address     varchar(300),
    country     char(2)      not null check (country ~ '^[A-Z]{2}$'),
    region      varchar(100),
    time_zone   varchar(64)  not null,
    language    varchar(2) check (language in ('en', 'fr')),
    created_at  timestamptz  not null default now()
);
-- Site names are unique per customer whatever their letter case.
create unique index site_customer_name_uk on site (customer_id, lower(name));
