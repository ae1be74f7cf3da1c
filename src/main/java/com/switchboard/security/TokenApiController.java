package com.switchboard.security;

import com.switchboard.web.RequiredFields;
import java.net.URI;
import java.util.List;

import com.switchboard.rules.NotPermitted;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication")
class TokenApiController {

    private final ApiTokens tokens;
    private final CustomerScope scope;
    private final TwoFactor twoFactor;

    TokenApiController(ApiTokens tokens, CustomerScope scope, TwoFactor twoFactor) {
        this.tokens = tokens;
        this.scope = scope;
        this.twoFactor = twoFactor;
    }

    record MintRequest(String name, Integer expiresInDays) {
    }

    record Me(long adminId, String email, String name, String role, Long customerId) {
    }

    @PostMapping("/tokens")
    ResponseEntity<ApiTokens.MintedToken> mint(@RequestBody MintRequest request) {
        RequiredFields.check("name", request.name());
        var caller = SecurityContextHolder.getContext().getAuthentication();
        java.time.Instant notAfter = caller != null && caller.getPrincipal() instanceof AdminUser user
                ? user.tokenExpiresAt().orElse(null) : null;
        if (notAfter == null && twoFactor.isOn(scope.current())) {
            // The password alone (HTTP Basic) must not get round the second factor: such an admin mints from the pages.
            throw new NotPermitted("two-factor.token.pages-only");
        }
        ApiTokens.MintedToken token = tokens.mint(scope.current(), request.name(), request.expiresInDays(), notAfter);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id())).body(token);
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenView> list() {
        return tokens.of(scope.current());
    }

    @DeleteMapping("/tokens/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable long tokenId) {
        tokens.revoke(scope.current(), tokenId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Me me() {
        var admin = scope.current();
        return new Me(admin.id(), admin.email(), admin.name(), admin.role().name(),
                admin.customerId() == null ? null : admin.customerId().value());
    }
}
