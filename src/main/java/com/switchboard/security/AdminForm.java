package com.switchboard.security;

/** The new-administrator form as typed; the password is never sent back to the page. */
public class AdminForm {

    private String email;
    private String name;
    private String password;

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
