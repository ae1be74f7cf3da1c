-- Device catalogue: manufacturers, their MAC address prefixes, the desk-phone platform models
-- the portal can provision, and the countries where each model is sold.
--
-- OUI prefixes come from the IEEE MA-L registry (https://standards-oui.ieee.org/oui/oui.txt):
-- every prefix below is assigned to the manufacturer in that registry, and all are unicast,
-- globally administered MA-L blocks (6 hex digits, upper case, no separators).
-- Cisco owns well over a thousand MA-L blocks; only blocks seen on Cisco IP phones are listed.
--
-- line_keys: programmable line/DSS keys as the vendor's provisioning counts them (all pages);
-- for conference phones the number of SIP lines, for DECT bases the number of handsets
-- (and accounts) a base serves, for analog adapters the number of FXS ports.

insert into manufacturer (name)
values ('Yealink'),
       ('Poly'),
       ('Cisco'),
       ('Grandstream'),
       ('Snom');

-- Yealink(Xiamen) Network Technology Co., Ltd.
insert into manufacturer_oui (manufacturer_id, prefix)
select id, p
from manufacturer,
     unnest(array ['001565', '249AD8', '3497D7', '44DBD2', '644F56', '805E0C',
                   '805EC0', 'B061A9', 'C4FC22', 'EC1DA9', 'F01653']) p
where name = 'Yealink';

-- Polycom (desk phones) and Poly.
insert into manufacturer_oui (manufacturer_id, prefix)
select id, p
from manufacturer,
     unnest(array ['0004F2', '64167F', '482567']) p
where name = 'Poly';

-- Cisco Systems, Inc: blocks used by Cisco IP phones (68xx, 78xx, 88xx and earlier families).
insert into manufacturer_oui (manufacturer_id, prefix)
select id, p
from manufacturer,
     unnest(array ['00036B', '001BD4', '001D45', '002155', '002699', '00562B',
                   '00D6FE', '1CDF0F', '3CCE73', '5475D0', '58BFEA', '74A02F',
                   '7802B1', 'AC7E8A', 'C4C603', 'E05FB9', 'E0899D']) p
where name = 'Cisco';

-- Grandstream Networks, Inc.
insert into manufacturer_oui (manufacturer_id, prefix)
select id, p
from manufacturer,
     unnest(array ['000B82', '144CFF', 'C074AD', 'EC74D7']) p
where name = 'Grandstream';

-- snom technology GmbH
insert into manufacturer_oui (manufacturer_id, prefix)
select id, p
from manufacturer,
     unnest(array ['000413', '1C7126']) p
where name = 'Snom';

insert into device_model (manufacturer_id, model, kind, line_keys, provisioning_family, active)
select (select f.id from manufacturer f where f.name = v.manufacturer),
       v.model, v.kind, v.line_keys, v.provisioning_family, v.active
from (values
          -- Yealink
          ('Yealink',     'T31P',      'DESK_PHONE',        2, 'yealink',     true),
          ('Yealink',     'T33G',      'DESK_PHONE',        4, 'yealink',     true),
          ('Yealink',     'T43U',      'DESK_PHONE',       21, 'yealink',     true),
          ('Yealink',     'T46U',      'DESK_PHONE',       27, 'yealink',     true),
          ('Yealink',     'T46S',      'DESK_PHONE',       27, 'yealink',     false), -- end of life, replaced by T46U
          ('Yealink',     'T48U',      'DESK_PHONE',       29, 'yealink',     true),
          ('Yealink',     'T54W',      'DESK_PHONE',       27, 'yealink',     true),
          ('Yealink',     'T57W',      'DESK_PHONE',       29, 'yealink',     true),
          ('Yealink',     'W70B',      'DECT_BASE',        10, 'yealink',     true),  -- base of the W73P/W76P/W79P kits
          ('Yealink',     'CP925',     'CONFERENCE_PHONE',  1, 'yealink',     true),
          -- Poly
          ('Poly',        'VVX 150',   'DESK_PHONE',        2, 'poly',        false), -- end of sale
          ('Poly',        'VVX 250',   'DESK_PHONE',        4, 'poly',        true),
          ('Poly',        'VVX 350',   'DESK_PHONE',        6, 'poly',        true),
          ('Poly',        'VVX 450',   'DESK_PHONE',       12, 'poly',        true),
          ('Poly',        'Edge E220', 'DESK_PHONE',        4, 'poly',        true),
          ('Poly',        'Edge E350', 'DESK_PHONE',        8, 'poly',        true),
          ('Poly',        'Edge E450', 'DESK_PHONE',       16, 'poly',        true),
          ('Poly',        'Trio C60',  'CONFERENCE_PHONE',  1, 'poly',        true),
          -- Cisco IP Phone Multiplatform (MPP / 3PCC firmware)
          ('Cisco',       '6821',      'DESK_PHONE',        2, 'cisco-mpp',   true),
          ('Cisco',       '6841',      'DESK_PHONE',        4, 'cisco-mpp',   true),
          ('Cisco',       '6851',      'DESK_PHONE',        4, 'cisco-mpp',   true),
          ('Cisco',       '7841',      'DESK_PHONE',        4, 'cisco-mpp',   true),
          ('Cisco',       '7861',      'DESK_PHONE',       16, 'cisco-mpp',   true),
          ('Cisco',       '8841',      'DESK_PHONE',       10, 'cisco-mpp',   true),
          ('Cisco',       '8851',      'DESK_PHONE',       10, 'cisco-mpp',   true),
          ('Cisco',       '8861',      'DESK_PHONE',       10, 'cisco-mpp',   true),
          ('Cisco',       'ATA 192',   'ANALOG_ADAPTER',    2, 'cisco-mpp',   true),
          -- Grandstream
          ('Grandstream', 'GRP2601',   'DESK_PHONE',        2, 'grandstream', true),
          ('Grandstream', 'GRP2612',   'DESK_PHONE',        4, 'grandstream', true),
          ('Grandstream', 'GRP2614',   'DESK_PHONE',        4, 'grandstream', true),
          ('Grandstream', 'GRP2616',   'DESK_PHONE',        6, 'grandstream', true),
          ('Grandstream', 'HT812',     'ANALOG_ADAPTER',    2, 'grandstream', true),
          -- Snom
          ('Snom',        'D717',      'DESK_PHONE',        3, 'snom',        true),
          ('Snom',        'D735',      'DESK_PHONE',       32, 'snom',        true),
          ('Snom',        'D785',      'DESK_PHONE',       24, 'snom',        true),
          ('Snom',        'M400',      'DECT_BASE',        20, 'snom',        true)
     ) as v (manufacturer, model, kind, line_keys, provisioning_family, active);

-- Countries (ISO 3166-1 alpha-2) where each model is sold.
insert into device_model_country (model_id, country)
select m.id, c
from (values
          -- Yealink: sold worldwide
          ('Yealink',     'T31P',      array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Yealink',     'T33G',      array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Yealink',     'T43U',      array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Yealink',     'T46U',      array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Yealink',     'T46S',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Yealink',     'T48U',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Yealink',     'T54W',      array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Yealink',     'T57W',      array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Yealink',     'W70B',      array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Yealink',     'CP925',     array ['CA', 'US', 'FR', 'DE', 'GB']),
          -- Poly: VVX range kept for North America and the UK, Edge E and Trio everywhere
          ('Poly',        'VVX 150',   array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Poly',        'VVX 250',   array ['CA', 'US', 'GB']),
          ('Poly',        'VVX 350',   array ['CA', 'US', 'GB']),
          ('Poly',        'VVX 450',   array ['CA', 'US', 'DE', 'GB']),
          ('Poly',        'Edge E220', array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Poly',        'Edge E350', array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Poly',        'Edge E450', array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Poly',        'Trio C60',  array ['CA', 'US', 'FR', 'DE', 'GB']),
          -- Cisco MPP: North America plus the larger European markets
          ('Cisco',       '6821',      array ['CA', 'US']),
          ('Cisco',       '6841',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Cisco',       '6851',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Cisco',       '7841',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Cisco',       '7861',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Cisco',       '8841',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Cisco',       '8851',      array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Cisco',       '8861',      array ['CA', 'US', 'GB']),
          ('Cisco',       'ATA 192',   array ['CA', 'US']),
          -- Grandstream
          ('Grandstream', 'GRP2601',   array ['CA', 'US', 'FR', 'BE', 'DE']),
          ('Grandstream', 'GRP2612',   array ['CA', 'US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Grandstream', 'GRP2614',   array ['CA', 'US', 'FR', 'DE', 'GB']),
          ('Grandstream', 'GRP2616',   array ['CA', 'US', 'FR', 'GB']),
          ('Grandstream', 'HT812',     array ['CA', 'US', 'FR', 'BE', 'DE', 'GB']),
          -- Snom: European range
          ('Snom',        'D717',      array ['FR', 'BE', 'CH', 'DE', 'GB']),
          ('Snom',        'D735',      array ['US', 'FR', 'BE', 'CH', 'DE', 'GB']),
          ('Snom',        'D785',      array ['FR', 'BE', 'CH', 'DE', 'GB']),
          ('Snom',        'M400',      array ['FR', 'BE', 'CH', 'DE', 'GB'])
     ) as v (manufacturer, model, countries)
         join manufacturer f on f.name = v.manufacturer
         join device_model m on m.manufacturer_id = f.id and m.model = v.model
         cross join unnest(v.countries) as c;
