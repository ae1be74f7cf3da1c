package com.switchboard.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class AuditPagesController {

    private static final int SIZE = 50;

    private final AuditEvents events;
    private final CustomerScope scope;

    AuditPagesController(AuditEvents events, CustomerScope scope) {
        this.events = events;
        this.scope = scope;
    }

    /** Filters that do not parse are dropped, so an edited address still opens the log. */
    @GetMapping("/audit")
    String list(@RequestParam(required = false) String objectType, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "0") String page,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                @Acting CustomerId customer, Model model) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            toDay = null;
        }
        int pageNumber;
        try {
            pageNumber = Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            pageNumber = 0;
        }
        AuditQuery query = new AuditQuery(AuditApiController.blankToNull(objectType), AuditApiController.blankToNull(actor),
                fromDay, toDay, pageNumber, SIZE);
        model.addAttribute("query", query);
        model.addAttribute("result", events.search(customer, query));
        model.addAttribute("objectTypes", events.objectTypes(customer));
        model.addAttribute("previousUrl", url(query, pageNumber - 1));
        model.addAttribute("nextUrl", url(query, pageNumber + 1));
        return htmx != null && restore == null ? "audit/list :: results" : "audit/list";
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String url(AuditQuery q, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/audit");
        if (q.objectType() != null) {
            url.queryParam("objectType", q.objectType());
        }
        if (q.actor() != null) {
            url.queryParam("actor", q.actor());
        }
        if (q.from() != null) {
            url.queryParam("from", q.from());
        }
        if (q.to() != null) {
            url.queryParam("to", q.to());
        }
        if (page > 0) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }
}
