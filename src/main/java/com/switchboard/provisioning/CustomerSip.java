package com.switchboard.provisioning;

import java.time.Instant;

import com.switchboard.tenancy.CustomerId;

/** A customer's SIP domain and the secret key in its phones' provisioning URL. */
record CustomerSip(CustomerId customerId, String sipDomain, String provisioningKey, Instant keyCreatedAt) {
}
