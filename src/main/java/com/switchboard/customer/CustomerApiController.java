package com.switchboard.customer;

import com.switchboard.web.RequiredFields;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerApiController {

    private final Customers customers;
    private final CustomerScope scope;

    CustomerApiController(Customers customers, CustomerScope scope) {
        this.customers = customers;
        this.scope = scope;
    }

    record CustomerBody(long id, String name, String country, String language, Instant createdAt) {
        static CustomerBody of(Customer c) {
            return new CustomerBody(c.id().value(), c.name(), c.country(), c.language(), c.createdAt());
        }
    }

    record CreateCustomer(String name, String country, String language) {
    }

    @GetMapping
    List<CustomerBody> list() {
        return customers.all().stream().map(CustomerBody::of).toList();
    }

    @PostMapping
    ResponseEntity<CustomerBody> create(@RequestBody CreateCustomer body) {
        RequiredFields.check("name", body.name(), "country", body.country());
        Customer customer = customers.add(new Customers.NewCustomer(body.name(), body.country(), body.language()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id())).body(CustomerBody.of(customer));
    }

    @GetMapping("/{customerId}")
    CustomerBody one(@PathVariable long customerId) {
        return CustomerBody.of(customers.get(scope.require(customerId)));
    }
}
