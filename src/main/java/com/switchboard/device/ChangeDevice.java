package com.switchboard.device;

import com.switchboard.site.SiteId;

/**
 * The command of "Edit device": a new label ({@code changeLabel}; a blank label clears it) and/or
 * a new site ({@code siteId}, null = stays where it is).
 */
public record ChangeDevice(boolean changeLabel, String label, SiteId siteId) {
}
