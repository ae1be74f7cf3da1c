package com.switchboard.assignment;

import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceInventory.DevicePage;
import com.switchboard.device.DeviceQuery;
import com.switchboard.device.DeviceView;
import com.switchboard.number.NumberId;
import com.switchboard.number.NumberQuery;
import com.switchboard.number.NumberView;
import com.switchboard.number.Numbers;
import com.switchboard.number.Numbers.NumberPage;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;
import com.switchboard.user.UserQuery;
import com.switchboard.user.UserView;
import com.switchboard.user.Users;
import com.switchboard.user.Users.UserPage;
import com.switchboard.rules.DomainException;
import com.switchboard.web.Option;
import com.switchboard.web.PickList;
import org.springframework.stereotype.Component;

/**
 * The pick-lists of assignment: a site's free devices, its available numbers, its users, each the
 * first {@link PickList#SIZE} matches of a search, through the same indexed queries as the lists
 * (a customer with 100,000 devices gets a page of 20 choices, not a select of 100,000).
 */
@Component
class Picks {

    private final DeviceInventory devices;
    private final Numbers numbers;
    private final Users users;

    Picks(DeviceInventory devices, Numbers numbers, Users users) {
        this.devices = devices;
        this.numbers = numbers;
        this.users = users;
    }

    /** Unassigned devices of the site matching a MAC in any form or part of one, or a label. */
    PickList freeDevices(CustomerId customer, SiteId site, String query, Long chosenId) {
        String q = PickList.normalise(query);
        DevicePage page = devices.search(customer,
                new DeviceQuery(site.value(), null, null, false, q, DeviceQuery.Sort.MAC, 0, PickList.SIZE));
        Option chosen = chosenId == null ? null : find(() -> devices.get(customer, new DeviceId(chosenId)))
                .filter(d -> d.siteId().equals(site) && d.assignedUserId() == null).map(Picks::option).orElse(null);
        return PickList.of(q, page.items().stream().map(Picks::option).toList(), page.hasNext(), chosen);
    }

    /** Available numbers of the site whose digits contain those typed. */
    PickList availableNumbers(CustomerId customer, SiteId site, String query, Long chosenId) {
        String q = PickList.normalise(query);
        NumberPage page = numbers.search(customer, NumberQuery.of(site.value(), "AVAILABLE", q, 0, PickList.SIZE));
        Option chosen = chosenId == null ? null : find(() -> numbers.get(customer, new NumberId(chosenId)))
                .filter(n -> n.siteId().equals(site) && n.available()).map(Picks::option).orElse(null);
        return PickList.of(q, page.items().stream().map(Picks::option).toList(), page.hasNext(), chosen);
    }

    /** Users of the site matching a name, an email or an extension. */
    PickList usersAt(CustomerId customer, SiteId site, String query, Long chosenId) {
        String q = PickList.normalise(query);
        UserPage page = users.search(customer, UserQuery.of(q, site.value(), "name", 0, PickList.SIZE));
        Option chosen = chosenId == null ? null : find(() -> users.get(customer, new UserId(chosenId)))
                .filter(u -> u.siteId().equals(site)).map(Picks::option).orElse(null);
        return PickList.of(q, page.items().stream().map(Picks::option).toList(), page.hasNext(), chosen);
    }

    static Option option(DeviceView d) {
        return new Option(Long.toString(d.id().value()), d.macAddress().display() + " · " + d.modelDisplayName()
                + (d.label() == null ? "" : " · " + d.label()));
    }

    static Option option(NumberView n) {
        return new Option(Long.toString(n.id().value()), n.number().national());
    }

    static Option option(UserView u) {
        return new Option(Long.toString(u.id().value()), u.lastName() + ", " + u.firstName() + " · " + u.extension());
    }

    /** A chosen id that went away (removed, or of another customer) is simply no longer chosen. */
    private static <T> java.util.Optional<T> find(java.util.function.Supplier<T> lookup) {
        try {
            return java.util.Optional.of(lookup.get());
        } catch (DomainException e) {
            return java.util.Optional.empty();
        }
    }
}
