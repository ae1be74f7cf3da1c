package com.switchboard.assignment;

import com.switchboard.site.SiteId;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The options of a pick-list as one types in its search box (htmx): the first matches, never the whole site. */
@Controller
class PickListController {

    private static final String OPTIONS = "fragments/picker :: options";

    private final Picks picks;

    PickListController(Picks picks) {
        this.picks = picks;
    }

    @GetMapping("/pick/devices")
    String devices(@RequestParam long siteId, @RequestParam(required = false) String deviceQ, @Acting CustomerId customer,
                   Model model) {
        model.addAttribute("list", picks.freeDevices(customer, new SiteId(siteId), deviceQ, null));
        model.addAttribute("placeholder", "form.choose");
        return OPTIONS;
    }

    @GetMapping("/pick/numbers")
    String numbers(@RequestParam long siteId, @RequestParam(required = false) String numberQ,
                   @RequestParam(defaultValue = "form.choose") String none, @Acting CustomerId customer, Model model) {
        model.addAttribute("list", picks.availableNumbers(customer, new SiteId(siteId), numberQ, null));
        model.addAttribute("placeholder", "assignment.setup.number.none".equals(none) ? none : "form.choose");
        return OPTIONS;
    }

    @GetMapping("/pick/users")
    String users(@RequestParam long siteId, @RequestParam(required = false) String userQ, @Acting CustomerId customer,
                 Model model) {
        model.addAttribute("list", picks.usersAt(customer, new SiteId(siteId), userQ, null));
        model.addAttribute("placeholder", "form.choose");
        return OPTIONS;
    }
}
