package com.switchboard.security;

import com.switchboard.web.RequiredFields;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's admin accounts: managed by a provider admin, or by an admin of that customer. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/admins")
@Tag(name = "Customer admins")
class AdminApiController {

    private final AdminAccounts accounts;
    private final CustomerScope scope;

    AdminApiController(AdminAccounts accounts, CustomerScope scope) {
        this.accounts = accounts;
        this.scope = scope;
    }

    record AdminBody(long id, String email, String name, String role, Long customerId, Instant createdAt) {
        static AdminBody of(AdminAccount a) {
            return new AdminBody(a.id(), a.email(), a.name(), a.role().name(),
                    a.customerId() == null ? null : a.customerId().value(), a.createdAt());
        }
    }

    record CreateAdmin(String email, String name, String password) {
    }

    @GetMapping
    List<AdminBody> list(@PathVariable long customerId) {
        return accounts.ofCustomer(scope.require(customerId)).stream().map(AdminBody::of).toList();
    }

    @PostMapping
    ResponseEntity<AdminBody> create(@PathVariable long customerId, @RequestBody CreateAdmin body) {
        CustomerId customer = scope.require(customerId);
        RequiredFields.check("email", body.email(), "name", body.name(), "password", body.password());
        AdminAccount admin = accounts.addCustomerAdmin(customer, new AdminAccounts.NewAdmin(body.email(), body.name(), body.password()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/admins/" + admin.id()))
                .body(AdminBody.of(admin));
    }

    @DeleteMapping("/{adminId}")
    ResponseEntity<Void> delete(@PathVariable long customerId, @PathVariable long adminId) {
        accounts.removeCustomerAdmin(scope.require(customerId), adminId);
        return ResponseEntity.noContent().build();
    }
}
