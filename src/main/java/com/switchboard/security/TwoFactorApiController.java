package com.switchboard.security;

import java.util.List;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.RequiredFields;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether a customer's admins must sign in with a second factor, and which of them do: what the
 * Administrators page shows and a provider admin sets there. Enrolling is done on the pages only.
 */
@RestController
@Tag(name = "Customer admins")
class TwoFactorApiController {

    private final TwoFactor twoFactor;
    private final CustomerScope scope;

    TwoFactorApiController(TwoFactor twoFactor, CustomerScope scope) {
        this.twoFactor = twoFactor;
        this.scope = scope;
    }

    record TwoFactorPolicy(boolean required, List<Long> enrolledAdminIds) {
    }

    record TwoFactorRequirement(Boolean required) {
    }

    @GetMapping("/api/v1/customers/{customerId}/two-factor")
    TwoFactorPolicy policy(@PathVariable long customerId) {
        return policyOf(scope.require(customerId));
    }

    @PutMapping("/api/v1/customers/{customerId}/two-factor")
    TwoFactorPolicy require(@PathVariable long customerId, @RequestBody TwoFactorRequirement body) {
        CustomerId customer = scope.require(customerId);
        RequiredFields.check("required", body.required());
        twoFactor.require(customer, body.required());
        return policyOf(customer);
    }

    /** A provider admin turns off an admin's second factor (a lost phone and lost recovery codes). */
    @DeleteMapping("/api/v1/customers/{customerId}/admins/{adminId}/two-factor")
    ResponseEntity<Void> reset(@PathVariable long customerId, @PathVariable long adminId) {
        twoFactor.reset(scope.require(customerId), adminId);
        return ResponseEntity.noContent().build();
    }

    private TwoFactorPolicy policyOf(CustomerId customer) {
        return new TwoFactorPolicy(twoFactor.isRequired(customer), twoFactor.enrolledAdmins(customer).stream().sorted().toList());
    }
}
