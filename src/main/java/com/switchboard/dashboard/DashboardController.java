package com.switchboard.dashboard;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import com.switchboard.audit.AuditEvents;
import com.switchboard.device.DeviceInventory;
import com.switchboard.number.Numbers;
import com.switchboard.registrar.Registrar;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.user.Users;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Dashboard: counts, devices by model, recent activity and the getting-started checklist, each
 * read through the query API of the module that owns it.
 */
@Controller
class DashboardController {

    static final int MODELS_SHOWN = 8;
    static final int ACTIVITY_SHOWN = 10;

    private final CustomerScope scope;
    private final Sites sites;
    private final DeviceInventory devices;
    private final Users users;
    private final Numbers numbers;
    private final AuditEvents audit;
    private final Registrar registrar;

    DashboardController(CustomerScope scope, Sites sites, DeviceInventory devices, Users users, Numbers numbers,
                        AuditEvents audit, Registrar registrar) {
        this.scope = scope;
        this.sites = sites;
        this.devices = devices;
        this.users = users;
        this.numbers = numbers;
        this.audit = audit;
        this.registrar = registrar;
    }

    record Counts(long sites, long devicesAssigned, long devicesUnassigned, long users, long numbersAvailable,
                  long numbersAssigned) {

        public long devices() {
            return devicesAssigned + devicesUnassigned;
        }
    }

    /** One bar of the chart: its share of the longest bar, in percent. */
    record Bar(String label, long count, int percent) {
    }

    /** The checklist follows real data: each step is done when what it asks for exists. */
    record Checklist(boolean site, boolean devices, boolean user) {

        public boolean complete() {
            return site && devices && user;
        }
    }

    @GetMapping("/")
    @Transactional(readOnly = true)
    String dashboard(HttpSession session, Model model) {
        Optional<CustomerId> acting = scope.acting(session);
        if (acting.isEmpty()) {
            return "dashboard/dashboard";
        }
        CustomerId customer = acting.get();
        DeviceInventory.Counts deviceCounts = devices.counts(customer);
        Numbers.Counts numberCounts = numbers.counts(customer);
        Counts counts = new Counts(sites.count(customer), deviceCounts.assigned(), deviceCounts.unassigned(),
                users.count(customer), numberCounts.available(), numberCounts.assigned());
        List<DeviceInventory.ModelCount> byModel = devices.countByModel(customer, MODELS_SHOWN);
        long max = byModel.stream().mapToLong(DeviceInventory.ModelCount::count).max().orElse(1);
        model.addAttribute("counts", counts);
        model.addAttribute("registered", registrar.registeredCount(customer));
        model.addAttribute("bars", byModel.stream()
                .map(m -> new Bar(m.model(), m.count(), (int) Math.max(2, Math.round(100.0 * m.count() / max)))).toList());
        model.addAttribute("activity", audit.recent(customer, ACTIVITY_SHOWN));
        model.addAttribute("checklist", new Checklist(counts.sites() > 0, counts.devices() > 0, counts.users() > 0));
        return "dashboard/dashboard";
    }
}
