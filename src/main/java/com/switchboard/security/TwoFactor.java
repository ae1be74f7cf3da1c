package com.switchboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.switchboard.customer.Customers;
import com.switchboard.database.SecretCipher;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins' optional second factor: time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits,
 * 30-second steps, the parameters every authenticator app reads from an {@code otpauth://} URI),
 * and ten one-time recovery codes. The secret is stored encrypted and shown only while it is being
 * enrolled; a code is accepted once, one step either side of now for clocks that drift
 * (RFC 6238 §5.2); the recovery codes are kept as SHA-256 digests. Wrong codes are throttled like
 * wrong passwords. A provider admin may require a second factor for a customer's admins.
 */
@Service
class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final int DIGITS = 6;
    private static final long PERIOD_SECONDS = 30;
    /** 32 Base32 characters: a 160-bit secret, the length RFC 4226 §4 recommends. */
    private static final int SECRET_CHARACTERS = 32;
    private static final int FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
    private static final int FAILURES_PER_ACCOUNT = 20;

    private final TwoFactorRepository repository;
    private final AdminAccountRepository accounts;
    private final SecretCipher cipher;
    private final LoginThrottle throttle;
    private final Customers customers;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;
    private final String issuer;
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(SECRET_CHARACTERS);
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

    TwoFactor(TwoFactorRepository repository, AdminAccountRepository accounts, SecretCipher cipher, LoginThrottle throttle, Customers customers,
              CustomerScope scope, ApplicationEventPublisher events,
              @Value("${switchboard.two-factor.issuer:Switchboard}") String issuer) {
        this.repository = repository;
        this.accounts = accounts;
        this.cipher = cipher;
        this.throttle = throttle;
        this.customers = customers;
        this.scope = scope;
        this.events = events;
        this.issuer = issuer;
    }

    /** What a sign-in of this admin asks after the password. */
    enum Step { NONE, CODE, ENROL }

    /** A secret being enrolled, shown this once: for the authenticator app's camera, or typed. */
    record Enrolment(String secret, String uri, String qrCode) {
    }

    /** How a code was taken: accepted, wrong, or not even checked because this caller must wait. */
    record Check(boolean accepted, Duration waitFor) {
        static final Check ACCEPTED = new Check(true, null);
        static final Check WRONG = new Check(false, null);

        boolean throttled() {
            return waitFor != null;
        }
    }

    @Transactional(readOnly = true)
    public Step stepAfterPassword(CurrentAdmin admin) {
        if (repository.isOn(admin.id())) {
            return Step.CODE;
        }
        return repository.isRequired(admin.customerId()) ? Step.ENROL : Step.NONE;
    }

    @Transactional(readOnly = true)
    public boolean isOn(CurrentAdmin admin) {
        return repository.isOn(admin.id());
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft(CurrentAdmin admin) {
        return repository.recoveryCodesLeft(admin.id());
    }

    @Transactional(readOnly = true)
    public boolean isRequired(CustomerId customerId) {
        return repository.isRequired(customerId);
    }

    /** A fresh secret for this admin, replacing one not yet confirmed. */
    @Transactional
    public Enrolment start(CurrentAdmin admin) {
        String secret = secrets.generate();
        if (repository.saveUnconfirmed(admin.id(), cipher.encrypt(secret)) == 0) {
            throw new Conflict("two-factor.already-on");
        }
        return enrolment(admin, secret);
    }

    /** The secret being enrolled, again (a wrong first code: the app may already hold it). */
    @Transactional(readOnly = true)
    public Optional<Enrolment> enrolment(CurrentAdmin admin) {
        return repository.secret(admin.id(), false).map(stored -> enrolment(admin, cipher.decrypt(stored)));
    }

    private Enrolment enrolment(CurrentAdmin admin, String secret) {
        QrData data = new QrData.Builder().label(admin.email()).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period((int) PERIOD_SECONDS).build();
        try {
            byte[] png = new ZxingPngQrGenerator().generate(data);
            return new Enrolment(secret, data.getUri(), Utils.getDataUriForImage(png, "image/png"));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("The enrolment QR code could not be drawn", e);
        }
    }

    /**
     * The first code from the app turns the second factor on, and gives the recovery codes, shown
     * this once.
     *
     * @throws Refused {@code two-factor.code.wrong} on the field {@code code}, or {@code security.throttled}
     */
    @Transactional
    public List<String> confirm(CurrentAdmin admin, String code, String address, Actor actor) {
        byte[] pending = repository.secret(admin.id(), false).orElseThrow(() -> new Conflict("two-factor.not-started"));
        Check check = throttled(admin, address, () -> matchesTimeCode(admin.id(), cipher.decrypt(pending), code));
        refuseUnless(check);
        repository.confirm(admin.id());
        List<String> recovery = List.of(recoveryCodes.generateCodes(RECOVERY_CODES));
        repository.replaceRecoveryCodes(admin.id(), recovery.stream().map(TwoFactor::digest).toList());
        events.publishEvent(new AdminTwoFactorChanged(admin.customerId(), admin.id(), admin.email(), true, actor));
        return recovery;
    }

    /** The second step of a sign-in: a code of the app, or one of the recovery codes (used up). */
    @Transactional
    public Check signIn(CurrentAdmin admin, String code, String address) {
        byte[] stored = repository.secret(admin.id(), true).orElseThrow(() -> new Conflict("two-factor.not-on"));
        return throttled(admin, address, () -> matchesTimeCode(admin.id(), cipher.decrypt(stored), code)
                || repository.useRecoveryCode(admin.id(), digest(recoveryForm(code))));
    }

    /** The admin turns it off with a current code, unless their customer requires it. */
    @Transactional
    public void turnOff(CurrentAdmin admin, String code, String address) {
        if (repository.isRequired(admin.customerId())) {
            throw new Conflict("two-factor.required");
        }
        refuseUnless(signIn(admin, code, address));
        repository.delete(admin.id());
        events.publishEvent(new AdminTwoFactorChanged(admin.customerId(), admin.id(), admin.email(), false, scope.actor()));
    }

    /** A provider admin turns off a customer admin's second factor (a lost phone and lost codes). */
    @Transactional
    public AdminAccount reset(CustomerId customerId, long adminId) {
        scope.requireProvider();
        AdminAccount admin = accounts.find(adminId).filter(a -> customerId.equals(a.customerId()))
                .orElseThrow(() -> new NotFound("admin.not-found"));
        if (repository.delete(admin.id()) == 1) {
            events.publishEvent(new AdminTwoFactorChanged(customerId, admin.id(), admin.email(), false, scope.actor()));
        }
        return admin;
    }

    @Transactional
    public void require(CustomerId customerId, boolean required) {
        scope.requireProvider();
        customers.get(customerId);
        if (repository.setRequired(customerId, required)) {
            events.publishEvent(new TwoFactorRequirementChanged(customerId, required, scope.actor()));
        }
    }

    @Transactional(readOnly = true)
    public Set<Long> enrolledAdmins(CustomerId customerId) {
        return repository.enrolledAdmins(customerId);
    }

    private Check throttled(CurrentAdmin admin, String address, java.util.function.BooleanSupplier matches) {
        List<String> keys = keys(admin, address);
        Optional<Duration> locked = throttle.lockedFor(keys);
        if (locked.isPresent()) {
            return new Check(false, locked.get());
        }
        if (matches.getAsBoolean()) {
            throttle.forget(keys.get(0));
            return Check.ACCEPTED;
        }
        throttle.count(keys.get(0), FAILURES_PER_ACCOUNT_AND_ADDRESS);
        throttle.count(keys.get(1), FAILURES_PER_ACCOUNT);
        return Check.WRONG;
    }

    private static List<String> keys(CurrentAdmin admin, String address) {
        // By the account's id: short whatever the email's length (the throttle's keys hold 300 characters).
        String account = "code:admin:" + admin.id();
        return List.of(account + "|" + (address == null ? "" : address), account);
    }

    private static void refuseUnless(Check check) {
        if (check.throttled()) {
            throw Refused.field("code", "two-factor.code.throttled");
        }
        if (!check.accepted()) {
            throw Refused.field("code", "two-factor.code.wrong");
        }
    }

    /** A code of the previous, current or next 30-second step that was not used yet. */
    private boolean matchesTimeCode(long adminId, String secret, String typed) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!code.matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        long now = Math.floorDiv(Instant.now().getEpochSecond(), PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                return repository.useStep(adminId, step);
            }
        }
        return false;
    }

    private String code(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("A time code could not be computed", e);
        }
    }

    /** Recovery codes are typed as shown ({@code abcd-efgh-…}), with or without dashes, in any case. */
    static String recoveryForm(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String digest(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(recoveryForm(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
