package com.switchboard.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.switchboard.customer.Customers;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.tenancy.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator accounts: a provider's, and each customer's. */
@Service
public class AdminAccounts {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AdminAccountRepository repository;
    private final PasswordEncoder passwords;
    private final Customers customers;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AdminAccounts(AdminAccountRepository repository, PasswordEncoder passwords, Customers customers,
                  CustomerScope scope, FindByIndexNameSessionRepository<? extends Session> sessions,
                  ApplicationEventPublisher events) {
        this.repository = repository;
        this.passwords = passwords;
        this.customers = customers;
        this.scope = scope;
        this.events = events;
        this.sessions = sessions;
    }

    public record NewAdmin(String email, String name, String password) {
    }

    @Transactional(readOnly = true)
    public List<AdminAccount> ofCustomer(CustomerId customerId) {
        customers.get(customerId);
        return repository.findByCustomer(customerId);
    }

    @Transactional
    public AdminAccount addCustomerAdmin(CustomerId customerId, NewAdmin admin) {
        customers.get(customerId);
        long id = insert(admin, Role.CUSTOMER_ADMIN, customerId);
        events.publishEvent(new AdminAdded(customerId, id, admin.email().trim(), scope.actor()));
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public AdminAccount addProviderAdmin(NewAdmin admin) {
        long id = insert(admin, Role.PROVIDER_ADMIN, null);
        events.publishEvent(new AdminAdded(null, id, admin.email().trim(), scope.actor()));
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public void removeCustomerAdmin(CustomerId customerId, long adminId) {
        AdminAccount account = repository.find(adminId)
                .filter(a -> customerId.equals(a.customerId()))
                .orElseThrow(() -> new NotFound("admin.not-found"));
        if (scope.current().id() == account.id()) {
            throw new Conflict("admin.delete.self");
        }
        repository.delete(adminId);
        // Its tokens go with the account (cascade); its signed-in pages must go too.
        sessions.findByPrincipalName(account.email()).keySet().forEach(sessions::deleteById);
        events.publishEvent(new AdminRemoved(customerId, adminId, account.email(), scope.actor()));
    }

    /**
     * The signed-in admin changes their own password, after typing the current one. Their other
     * signed-in pages are signed out.
     */
    @Transactional
    public void changeOwnPassword(String current, String replacement, String sessionToKeep) {
        var me = scope.current();
        if (current == null || !passwords.matches(current, repository.passwordHash(me.id()))) {
            throw Refused.field("currentPassword", "admin.password.wrong");
        }
        checkPassword(replacement, me.email(), "newPassword");
        repository.updatePassword(me.id(), passwords.encode(replacement));
        sessions.findByPrincipalName(me.email()).keySet().stream().filter(id -> !id.equals(sessionToKeep))
                .forEach(sessions::deleteById);
        events.publishEvent(new AdminPasswordChanged(me.customerId(), me.id(), me.email(), scope.actor()));
    }

    /**
     * A provider admin gives a customer admin a new password, generated, returned once to be passed
     * on; the account's signed-in pages are signed out.
     */
    @Transactional
    public String resetCustomerAdminPassword(CustomerId customerId, long adminId) {
        AdminAccount account = repository.find(adminId)
                .filter(a -> customerId.equals(a.customerId()))
                .orElseThrow(() -> new NotFound("admin.not-found"));
        if (scope.current().role() != Role.PROVIDER_ADMIN) {
            throw new com.switchboard.rules.NotPermitted("admin.password.reset.provider-only");
        }
        return reset(account);
    }

    /**
     * From the server's command line ({@code --reset-password=EMAIL}), when a password is lost: any
     * admin, provider or customer. The new password is returned once; the audit log records it
     * (never the password) with the actor "system".
     */
    @Transactional
    public String resetPasswordFromServer(String email) {
        return reset(repository.findByEmail(email == null ? "" : email).orElseThrow(() -> new NotFound("admin.not-found")));
    }

    private String reset(AdminAccount account) {
        String password = GeneratedPassword.next();
        repository.updatePassword(account.id(), passwords.encode(password));
        sessions.findByPrincipalName(account.email()).keySet().forEach(sessions::deleteById);
        events.publishEvent(new AdminPasswordReset(account.customerId(), account.id(), account.email(), scope.actor()));
        return password;
    }

    @Transactional(readOnly = true)
    public boolean anyProviderAdmin() {
        return repository.anyProviderAdmin();
    }

    private static java.util.Optional<FieldProblem> passwordProblem(String password, String email, String field) {
        String p = password == null ? "" : password;
        if (p.length() < MIN_PASSWORD_LENGTH) {
            return java.util.Optional.of(new FieldProblem(field, "admin.password.too-short", MIN_PASSWORD_LENGTH));
        }
        if (p.length() > 128) {
            return java.util.Optional.of(new FieldProblem(field, "validation.too-long", 128));
        }
        if (!PasswordStrength.isStrong(p, email)) {
            return java.util.Optional.of(new FieldProblem(field, "admin.password.weak"));
        }
        return java.util.Optional.empty();
    }

    private static void checkPassword(String password, String email, String field) {
        passwordProblem(password, email, field).ifPresent(p -> {
            throw new Refused("request.invalid", List.of(p));
        });
    }

    private long insert(NewAdmin admin, Role role, CustomerId customerId) {
        String email = admin.email() == null ? "" : admin.email().trim();
        String name = admin.name() == null ? "" : admin.name().trim();
        String password = admin.password() == null ? "" : admin.password();
        List<FieldProblem> problems = new ArrayList<>();
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "validation.required"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "validation.email"));
        }
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (name.length() > 120) {
            problems.add(new FieldProblem("name", "validation.too-long", 120));
        }
        passwordProblem(password, email, "password").ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new Refused("request.invalid", problems);
        }
        try {
            return repository.insert(email, name, passwords.encode(password), role, customerId);
        } catch (AdminAccountRepository.AdminEmailTaken e) {
            throw Conflict.field("email", "admin.email.taken");
        }
    }
}
