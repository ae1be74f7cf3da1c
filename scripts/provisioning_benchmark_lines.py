"""Writes the SQL that gives 10,000 benchmark devices (the first 10 benchmark customers) a user and a
SIP line, the password encrypted as the portal does (AES-256-GCM: 12-byte nonce, ciphertext, tag)
with the portal's SWITCHBOARD_SECRET_KEY. One password for all: the cost per fetch is the same."""
import base64
import os
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

key, sql_file = base64.b64decode(sys.argv[1]), sys.argv[2]
password = "BenchPassword2026BenchPw"
nonce = os.urandom(12)
encrypted = (nonce + AESGCM(key).encrypt(nonce, password.encode(), None)).hex()

with open(sql_file, "w") as out:
    out.write(f"""
insert into customer_sip (customer_id, sip_domain, provisioning_key)
select c.id, 'bench-' || c.id || '.sip.switchboard.local', 'benchkey' || lpad(c.id::text, 24, '0')
from (select id from customer where name like 'Benchmark customer %' order by id limit 10) c;

insert into app_user (customer_id, site_id, first_name, last_name, email, extension)
select d.customer_id, d.site_id, 'Émilie', 'Bench ' || d.id, 'u' || d.id || '@bench.example',
       (1000 + row_number() over (partition by d.customer_id order by d.id))::text
from device d join customer_sip s on s.customer_id = d.customer_id;

update device d set assigned_user_id = u.id, status = 'ASSIGNED'
from app_user u where u.email = 'u' || d.id || '@bench.example';

insert into line (customer_id, device_id, user_id, username, domain, password_enc, ha1, ha1b)
select d.customer_id, d.id, d.assigned_user_id, 'bench' || lpad(d.id::text, 15, '0'), s.sip_domain,
       decode('{encrypted}', 'hex'),
       md5('bench' || lpad(d.id::text, 15, '0') || ':' || s.sip_domain || ':{password}'),
       md5('bench' || lpad(d.id::text, 15, '0') || '@' || s.sip_domain || ':' || s.sip_domain || ':{password}')
from device d join customer_sip s on s.customer_id = d.customer_id;

vacuum analyze app_user;
vacuum analyze line;
vacuum analyze customer_sip;
""")
