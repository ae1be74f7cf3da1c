package com.switchboard.demo;

import java.util.List;

import com.switchboard.assignment.UserSetup;
import com.switchboard.assignment.UserSetups;
import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.customer.Customer;
import com.switchboard.customer.Customers;
import com.switchboard.device.AddDevice;
import com.switchboard.device.DeviceInventory;
import com.switchboard.number.NumberView;
import com.switchboard.number.Numbers;
import com.switchboard.security.AdminAccounts;
import com.switchboard.site.Site;
import com.switchboard.site.SiteDetails;
import com.switchboard.site.Sites;
import com.switchboard.user.UserRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a Canadian and a French customer, their sites, admins, a few phones, numbers and users, once, when
 * SWITCHBOARD_DEMO_DATA=true. The accounts are listed in the README.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "switchboard.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String CANADIAN = "Érable Logistique";
    static final String FRENCH = "Atelier Lumière";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Customers customers;
    private final Sites sites;
    private final AdminAccounts admins;
    private final Catalogue catalogue;
    private final DeviceInventory inventory;
    private final Numbers numbers;
    private final UserSetups setups;

    DemoData(Customers customers, Sites sites, AdminAccounts admins, Catalogue catalogue, DeviceInventory inventory,
             Numbers numbers, UserSetups setups) {
        this.customers = customers;
        this.sites = sites;
        this.admins = admins;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.numbers = numbers;
        this.setups = setups;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (customers.findByName(CANADIAN).isPresent()) {
            return;
        }
        Customer erable = customers.create(new Customers.NewCustomer(CANADIAN, "CA", "fr"));
        Site montreal = sites.add(erable.id(), SiteDetails.of("Montréal", "1250 boulevard René-Lévesque O, Montréal QC",
                "CA", "QC", "America/Toronto", "fr"));
        Site toronto = sites.add(erable.id(), SiteDetails.of("Toronto", "100 King St W, Toronto ON", "CA", "ON",
                "America/Toronto", "en"));
        admins.addCustomerAdmin(erable.id(), new AdminAccounts.NewAdmin("admin@erable.example", "Julie Tremblay",
                "Erable-Demo-2026"));

        Customer lumiere = customers.create(new Customers.NewCustomer(FRENCH, "FR", "fr"));
        Site paris = sites.add(lumiere.id(), SiteDetails.of("Paris", "12 rue de Rivoli, 75004 Paris", "FR",
                "Île-de-France", "Europe/Paris", "fr"));
        admins.addCustomerAdmin(lumiere.id(), new AdminAccounts.NewAdmin("admin@lumiere.example", "Camille Martin",
                "Lumiere-Demo-2026"));

        List<DeviceModel> models = catalogue.all();
        Long reception = add(erable, montreal, models, "Yealink T46U", "80:5E:C0:1A:2B:01", "Réception");
        add(erable, montreal, models, "Yealink T54W", "80:5E:C0:1A:2B:02", "Salle de conférence");
        Long frontDesk = add(erable, toronto, models, "Poly Edge E350", "48:25:67:3C:4D:01", "Front desk");
        add(erable, toronto, models, "Cisco 8851", "E0:89:9D:5E:6F:01", null);
        Long accueil = add(lumiere, paris, models, "Snom D785", "00:04:13:7A:8B:01", "Accueil");
        add(lumiere, paris, models, "Yealink T57W", "80:5E:C0:9C:0D:01", "Direction");

        // Fictional numbers: 555-01xx in North America, the range France reserves for fiction.
        List<NumberView> montrealNumbers = numbers.addRange(erable.id(), montreal.id().value(), "+1 514 555 0100", "0119");
        List<NumberView> torontoNumbers = numbers.addRange(erable.id(), toronto.id().value(), "+1 416 555 0100", "0119");
        List<NumberView> parisNumbers = numbers.addRange(lumiere.id(), paris.id().value(), "+33 1 99 00 01 00", "0119");

        setUp(erable, montreal, "Marie", "Gagnon", "marie.gagnon@erable.example", "101", "fr", montrealNumbers.get(0), reception);
        setUp(erable, montreal, "Luc", "Bouchard", "luc.bouchard@erable.example", "102", "fr", montrealNumbers.get(1), null);
        setUp(erable, toronto, "Emily", "Chen", "emily.chen@erable.example", "201", "en", torontoNumbers.get(0), frontDesk);
        setUp(erable, toronto, "James", "Wilson", "james.wilson@erable.example", "202", "en", null, null);
        setUp(lumiere, paris, "Sophie", "Bernard", "sophie.bernard@lumiere.example", "101", "fr", parisNumbers.get(0), accueil);
        setUp(lumiere, paris, "Thomas", "Petit", "thomas.petit@lumiere.example", "102", "fr", parisNumbers.get(1), null);
        log.info("Demo data loaded: customers {} and {}", CANADIAN, FRENCH);
    }

    private Long add(Customer customer, Site site, List<DeviceModel> models, String model, String mac, String label) {
        return models.stream().filter(m -> m.displayName().equals(model) && m.availableIn(site.country())).findFirst()
                .map(m -> inventory.add(new AddDevice(customer.id(), site.id(), m.id(), mac, label)).id().value())
                .orElse(null);
    }

    private void setUp(Customer customer, Site site, String first, String last, String email, String extension,
                       String language, NumberView number, Long deviceId) {
        setups.create(customer.id(), new UserSetup(new UserRequest(first, last, email, site.id().value(), extension, language),
                number == null ? null : number.id().value(), deviceId, null));
    }
}
