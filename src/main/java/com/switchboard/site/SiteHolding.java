package com.switchboard.site;

/** So many things of a kind ({@link SiteUsage#kind()}) on a site, which keep it from being deleted. */
public record SiteHolding(String kind, long count) {
}
