package com.switchboard.dashboard;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import com.switchboard.registrar.Registrar;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Dashboard: counts, devices by model, recent activity and the getting-started checklist. */
@Controller
class DashboardController {

    static final int MODELS_SHOWN = 8;
    static final int ACTIVITY_SHOWN = 10;

    private final DashboardRepository repository;
    private final CustomerScope scope;
    private final Registrar registrar;

    DashboardController(DashboardRepository repository, CustomerScope scope, Registrar registrar) {
        this.repository = repository;
        this.scope = scope;
        this.registrar = registrar;
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
        DashboardRepository.Counts counts = repository.counts(acting.get());
        List<DashboardRepository.ModelCount> byModel = repository.devicesByModel(acting.get(), MODELS_SHOWN);
        long max = byModel.stream().mapToLong(DashboardRepository.ModelCount::count).max().orElse(1);
        model.addAttribute("counts", counts);
        model.addAttribute("registered", registrar.registeredCount(acting.get()));
        model.addAttribute("bars", byModel.stream()
                .map(m -> new Bar(m.model(), m.count(), (int) Math.max(2, Math.round(100.0 * m.count() / max)))).toList());
        model.addAttribute("activity", repository.recentActivity(acting.get(), ACTIVITY_SHOWN));
        model.addAttribute("checklist", new Checklist(counts.sites() > 0, counts.devices() > 0, counts.users() > 0));
        return "dashboard/dashboard";
    }
}
