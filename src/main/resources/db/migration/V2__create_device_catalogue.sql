create table manufacturer (
    id   bigint generated always as identity primary key,
    name varchar(80) not null unique
);

-- IEEE registry assignments of a manufacturer: MA-L (6 hex digits), MA-M (7) or MA-S (9).
create table manufacturer_oui (
    manufacturer_id bigint      not null references manufacturer (id) on delete cascade,
    prefix          varchar(9)  not null check (prefix ~ '^[0-9A-F]{6}([0-9A-F]|[0-9A-F]{3})?$'),
    primary key (manufacturer_id, prefix)
);
create index manufacturer_oui_prefix_idx on manufacturer_oui (prefix);

create table device_model (
    id                  bigint generated always as identity primary key,
    manufacturer_id     bigint      not null references manufacturer (id),
    model               varchar(80) not null,
    kind                varchar(20) not null check (kind in ('DESK_PHONE', 'CONFERENCE_PHONE', 'DECT_BASE', 'ANALOG_ADAPTER')),
    line_keys           integer     not null check (line_keys between 0 and 200),
    provisioning_family varchar(40) not null check (provisioning_family ~ '^[a-z0-9-]+$'),
    active              boolean     not null default true,
    unique (manufacturer_id, model)
);

create table device_model_country (
    model_id bigint  not null references device_model (id) on delete cascade,
    country  char(2) not null check (country ~ '^[A-Z]{2}$'),
    primary key (model_id, country)
);
create index device_model_country_country_idx on device_model_country (country);
