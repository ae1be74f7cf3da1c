package com.switchboard.assignment;

import jakarta.servlet.http.HttpSession;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The options of a pick-list as one types in its search box (htmx): the first matches, never the whole site. */
@Controller
class PickListController {

    private static final String OPTIONS = "fragments/picker :: options";

    private final Picks picks;
    private final CustomerScope scope;

    PickListController(Picks picks, CustomerScope scope) {
        this.picks = picks;
        this.scope = scope;
    }

    @GetMapping("/pick/devices")
    String devices(@RequestParam long siteId, @RequestParam(required = false) String deviceQ, HttpSession session,
                   Model model) {
        model.addAttribute("list", picks.freeDevices(scope.requireActing(session), new SiteId(siteId), deviceQ, null));
        model.addAttribute("placeholder", "form.choose");
        return OPTIONS;
    }

    @GetMapping("/pick/numbers")
    String numbers(@RequestParam long siteId, @RequestParam(required = false) String numberQ,
                   @RequestParam(defaultValue = "form.choose") String none, HttpSession session, Model model) {
        model.addAttribute("list", picks.availableNumbers(scope.requireActing(session), new SiteId(siteId), numberQ, null));
        model.addAttribute("placeholder", "assignment.setup.number.none".equals(none) ? none : "form.choose");
        return OPTIONS;
    }

    @GetMapping("/pick/users")
    String users(@RequestParam long siteId, @RequestParam(required = false) String userQ, HttpSession session,
                 Model model) {
        model.addAttribute("list", picks.usersAt(scope.requireActing(session), new SiteId(siteId), userQ, null));
        model.addAttribute("placeholder", "form.choose");
        return OPTIONS;
    }
}
