-- PROVISIONED was never set: a device is UNASSIGNED or ASSIGNED (device.DeviceStatus). Whether its phone
-- has fetched its configuration is the provisioning module's concern, kept apart from this status.
update device set status = 'ASSIGNED' where status = 'PROVISIONED';
alter table device drop constraint device_status_check;
alter table device add constraint device_status_check check (status in ('UNASSIGNED', 'ASSIGNED'));
