package com.switchboard.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Country names for templates: {@code ${@countryNames.of(site.country, #locale)}}. */
@Component("countryNames")
public class CountryNames {

    public String of(String code, Locale locale) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(locale);
    }
}
