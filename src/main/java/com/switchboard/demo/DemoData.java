package com.switchboard.demo;

import java.util.List;

import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.customer.Customer;
import com.switchboard.customer.Customers;
import com.switchboard.device.AddDevice;
import com.switchboard.device.DeviceInventory;
import com.switchboard.security.AdminAccounts;
import com.switchboard.site.Site;
import com.switchboard.site.SiteDetails;
import com.switchboard.site.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a Canadian and a French customer, their sites, admins and a few phones, once, when
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

    DemoData(Customers customers, Sites sites, AdminAccounts admins, Catalogue catalogue, DeviceInventory inventory) {
        this.customers = customers;
        this.sites = sites;
        this.admins = admins;
        this.catalogue = catalogue;
        this.inventory = inventory;
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
        add(erable, montreal, models, "Yealink T46U", "80:5E:C0:1A:2B:01", "Réception");
        add(erable, montreal, models, "Yealink T54W", "80:5E:C0:1A:2B:02", "Salle de conférence");
        add(erable, toronto, models, "Poly Edge E350", "48:25:67:3C:4D:01", "Front desk");
        add(erable, toronto, models, "Cisco 8851", "E0:89:9D:5E:6F:01", null);
        add(lumiere, paris, models, "Snom D785", "00:04:13:7A:8B:01", "Accueil");
        add(lumiere, paris, models, "Yealink T57W", "80:5E:C0:9C:0D:01", "Direction");
        log.info("Demo data loaded: customers {} and {}", CANADIAN, FRENCH);
    }

    private void add(Customer customer, Site site, List<DeviceModel> models, String model, String mac, String label) {
        models.stream().filter(m -> m.displayName().equals(model) && m.availableIn(site.country())).findFirst()
                .ifPresent(m -> inventory.add(new AddDevice(customer.id(), site.id().value(), m.id().value(), mac, label)));
    }
}
