package com.switchboard.registrar;

import com.switchboard.provisioning.ProviderSettings;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.provisioning.RegistrarAttachment;
import com.switchboard.rules.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registrar as the rest of the portal sees it: is one attached, which phones are registered, restart and resync. */
@Service
public class Registrar implements RegistrarAttachment {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);

    /** What a NOTIFY asks of the phone. */
    public enum Command {
        /**
         * Reboot (and fetch the configuration). {@code Event: check-sync;reboot=true}: Yealink reboots on
         * it (Yealink T5 Administrator's Guide, "How to reboot the IP phone remotely?"; our Yealink file sets
         * {@code sip.notify_reboot_enable = 0} so that only this variant reboots); Gigaset and Technicolor
         * document the same parameter (Gigaset pro wiki "SIP: Check-sync message", Technicolor TB30s SIP
         * Administrator Guide). A Cisco MPP phone takes {@code Event: reboot_now} instead (see {@link #event}).
         */
        RESTART("check-sync;reboot=true", "reboot_now", "device.restarted"),
        /**
         * Fetch the configuration again without a reboot ({@code reboot=false}); a Cisco MPP phone takes
         * {@code Event: resync}.
         */
        RESYNC("check-sync;reboot=false", "resync", "device.resynced");

        private final String event;
        private final String ciscoEvent;
        private final String auditAction;

        Command(String event, String ciscoEvent, String auditAction) {
            this.event = event;
            this.ciscoEvent = ciscoEvent;
            this.auditAction = auditAction;
        }

        /** The action the audit log records for it. */
        String auditAction() {
            return auditAction;
        }

        /**
         * The Event header for a phone of this provisioning family. Cisco's multiplatform (MPP/3PCC)
         * firmware, like the SPA phones it descends from, resyncs on {@code Event: resync} when
         * Resync_From_SIP is on (its default: Cisco IP Phone 6800 Series Multiplatform Phones
         * Administration Guide, "Resync From SIP") and restarts on {@code Event: reboot_now} (cold) or
         * {@code restart_now} (warm) (Cisco Small Business SPA Provisioning Guide, "Enables"); it
         * challenges such a NOTIFY with 401 unless told otherwise. Every other family takes check-sync
         * (wazo-provd-plugins: {@code synchronize.standard_sip_synchronize}'s default event, used by its
         * Yealink, Snom, Poly and Grandstream plugins).
         */
        public String event(String family) {
            return "cisco-mpp".equals(family) ? ciscoEvent : event;
        }
    }

    private final ManagedKamailio kamailio;
    private final KamailioRpc rpc;
    private final RegistrationRepository registrations;
    private final DeviceInventory devices;
    private final ProviderSettings sip;
    private final ApplicationEventPublisher events;
    private final CustomerScope scope;

    Registrar(ManagedKamailio kamailio, KamailioRpc rpc, RegistrationRepository registrations, DeviceInventory devices,
              ProviderSettings sip, ApplicationEventPublisher events, CustomerScope scope) {
        this.kamailio = kamailio;
        this.rpc = rpc;
        this.registrations = registrations;
        this.devices = devices;
        this.sip = sip;
        this.events = events;
        this.scope = scope;
    }

    public RegistrarStatus status() {
        return kamailio.status();
    }

    @Override
    public boolean attached() {
        return status().attached();
    }

    @Transactional(readOnly = true)
    public Registration registration(DeviceId device) {
        return registrations.of(java.util.List.of(device)).getOrDefault(device, Registration.NEVER);
    }

    /** The registration of each of these devices (a device never registered maps to not registered, never seen). */
    @Transactional(readOnly = true)
    public Map<DeviceId, Registration> registrations(Collection<DeviceId> ids) {
        Map<DeviceId, Registration> found = registrations.of(ids);
        ids.forEach(id -> found.putIfAbsent(id, Registration.NEVER));
        return found;
    }

    @Transactional(readOnly = true)
    public long registeredCount(CustomerId customerId) {
        return registrations.registeredCount(customerId);
    }

    /**
     * Sends the NOTIFY to the device's registered phone through Kamailio, addressed to the line's AOR
     * with Kamailio as next hop, so that whichever node receives it finds the contact in the shared
     * location table, and waits for the phone's answer. Refused with {@code device.not-registered}
     * when the phone is not registered.
     */
    @Transactional
    public void send(CustomerId customerId, DeviceId deviceId, Command command) {
        notify(customerId, deviceId, command, true);
    }

    /**
     * The same for several devices, without waiting for each phone's answer; the devices whose phone
     * is not registered are left alone. Returns how many NOTIFYs were sent.
     */
    @Transactional
    public int sendToRegistered(CustomerId customerId, Collection<DeviceId> deviceIds, Command command) {
        int sent = 0;
        for (DeviceId id : deviceIds) {
            if (registration(id).registered()) {
                notify(customerId, id, command, false);
                sent++;
            }
        }
        return sent;
    }

    private void notify(CustomerId customerId, DeviceId deviceId, Command command, boolean wait) {
        DeviceView device = devices.get(customerId, deviceId);
        var line = registrations.line(customerId, deviceId)
                .filter(l -> registration(deviceId).registered())
                .orElseThrow(() -> new Conflict("device.not-registered", device.macAddress().display()));
        if (!status().attached()) {
            throw new Conflict("registrar.not-attached");
        }
        String aor = "sip:" + line.username() + "@" + line.domain();
        // tm adds Call-ID, CSeq, Via, Max-Forwards and Content-Length itself (a second one breaks parsing).
        String headers = "From: <sip:provisioning@" + line.domain() + ">\r\n"
                + "To: <" + aor + ">\r\n"
                + "Event: " + command.event(line.family()) + "\r\n"
                + "Subscription-State: terminated\r\n";
        String nextHop = "sip:" + kamailio.sipAddress() + ":" + sip.sipPort();
        String outcome;
        try {
            if (wait) {
                outcome = "SIP " + rpc.sendRequest("NOTIFY", aor, nextHop, headers);
            } else {
                rpc.startRequest("NOTIFY", aor, nextHop, headers);
                outcome = "sent";
            }
        } catch (IOException e) {
            log.warn("Registrar: NOTIFY {} to device {} not sent: {}", command, deviceId.value(), e.getMessage());
            throw new Conflict("registrar.notify-failed");
        }
        log.info("Registrar: NOTIFY {} to device {}: {}", command, deviceId.value(), outcome);
        events.publishEvent(new PhoneCommandSent(customerId, deviceId, device.macAddress(), command, outcome, scope.actor()));
    }
}
