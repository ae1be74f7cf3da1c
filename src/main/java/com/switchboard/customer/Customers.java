package com.switchboard.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.tenancy.KnownCustomers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The platform's customers. Only a provider admin lists or adds them. */
@Service
public class Customers implements KnownCustomers {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final CustomerRepository repository;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    Customers(CustomerRepository repository, CustomerScope scope, ApplicationEventPublisher events) {
        this.repository = repository;
        this.scope = scope;
        this.events = events;
    }

    public record NewCustomer(String name, String country, String language) {
    }

    /** @throws DomainException "customer.not-found" when it does not exist */
    @Transactional(readOnly = true)
    public Customer get(CustomerId id) {
        return repository.find(id).orElseThrow(() -> new NotFound("customer.not-found"));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(CustomerId id) {
        return repository.find(id).isPresent();
    }

    @Transactional(readOnly = true)
    public List<Customer> all() {
        scope.requireProvider();
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByName(String name) {
        return repository.findByName(name);
    }

    @Transactional
    public Customer add(NewCustomer customer) {
        scope.requireProvider();
        return create(customer);
    }

    /** Adds a customer without a signed-in provider admin: first start and demo data. */
    @Transactional
    public Customer create(NewCustomer customer) {
        String name = customer.name() == null ? "" : customer.name().trim();
        String country = customer.country() == null ? "" : customer.country().trim().toUpperCase(Locale.ROOT);
        String language = customer.language() == null || customer.language().isBlank() ? "en"
                : customer.language().trim().toLowerCase(Locale.ROOT);
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (name.length() > 120) {
            problems.add(new FieldProblem("name", "validation.too-long", 120));
        }
        if (!COUNTRIES.contains(country)) {
            problems.add(new FieldProblem("country", "validation.country"));
        }
        if (!language.equals("en") && !language.equals("fr")) {
            problems.add(new FieldProblem("language", "validation.language"));
        }
        if (!problems.isEmpty()) {
            throw new Refused("request.invalid", problems);
        }
        try {
            CustomerId id = repository.insert(name, country, language);
            events.publishEvent(new CustomerCreated(id, name, scope.actor()));
            return get(id);
        } catch (CustomerRepository.NameTaken e) {
            throw Conflict.field("name", "customer.name.taken");
        }
    }
}
