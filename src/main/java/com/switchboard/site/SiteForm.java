package com.switchboard.site;

/** The site form as typed; kept as is when it comes back with errors. */
public class SiteForm {

    private String name;
    private String address;
    private String country;
    private String region;
    private String timeZone;
    private String language;

    static SiteForm of(Site site) {
        SiteForm form = new SiteForm();
        form.name = site.name();
        form.address = site.address();
        form.country = site.country();
        form.region = site.region();
        form.timeZone = site.timeZone();
        form.language = site.language();
        return form;
    }

    SiteDetails details() {
        return SiteDetails.of(name, address, country, region, timeZone, language);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
