package com.switchboard.customer;

/** The new-customer form as typed. */
public class CustomerForm {

    private String name;
    private String country;
    private String language = "en";

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
