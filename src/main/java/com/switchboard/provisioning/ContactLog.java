package com.switchboard.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.switchboard.device.DeviceContact;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each device's last contact (time, address, user agent), kept at most once a minute per device and
 * written once a second in one transaction, off the request thread: a boot storm is not a write storm.
 * The device module also refuses a contact less than a minute after the last one, so several servers
 * write a device at most about once a minute together.
 */
@Component
class ContactLog {

    static final long EVERY_MILLIS = 60_000;

    private final DeviceInventory inventory;
    private final Map<DeviceId, Long> lastQueued = new ConcurrentHashMap<>();
    private final Map<DeviceId, DeviceContact> unwritten = new ConcurrentHashMap<>();
    private long flushes;

    ContactLog(DeviceInventory inventory) {
        this.inventory = inventory;
    }

    void seen(DeviceId deviceId, String address, String userAgent) {
        long now = System.currentTimeMillis();
        Long last = lastQueued.get(deviceId);
        if (last != null && now - last < EVERY_MILLIS) {
            return;
        }
        lastQueued.put(deviceId, now);
        unwritten.put(deviceId, new DeviceContact(deviceId, address, userAgent));
    }

    /** Synchronized: a reader that flushes first waits for a batch the scheduler is writing. */
    @Scheduled(fixedDelay = 1000)
    synchronized void flush() {
        List<DeviceContact> batch = new ArrayList<>();
        for (DeviceId deviceId : List.copyOf(unwritten.keySet())) {
            DeviceContact contact = unwritten.remove(deviceId);
            if (contact != null) {
                batch.add(contact);
            }
        }
        if (!batch.isEmpty()) {
            inventory.recordContacts(batch);
        }
        long now = System.currentTimeMillis();
        if (++flushes % 10 == 0 || lastQueued.size() > 10_000) {
            lastQueued.values().removeIf(at -> now - at >= EVERY_MILLIS);
        }
    }
}
