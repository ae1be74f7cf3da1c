package com.switchboard.user;

import java.io.Serializable;

/**
 * The user form as typed; kept as is when it comes back with errors. Serializable so that the "Set up a
 * user" wizard, which extends it, can keep it in the session.
 */
public class UserForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String firstName;
    private String lastName;
    private String email;
    private Long siteId;
    private String extension;
    private String language;

    static UserForm of(UserView user) {
        UserForm form = new UserForm();
        form.firstName = user.firstName();
        form.lastName = user.lastName();
        form.email = user.email();
        form.siteId = user.siteId().value();
        form.extension = user.extension();
        form.language = user.language();
        return form;
    }

    /** The person as the API and the wizard take it. */
    public UserRequest request() {
        return new UserRequest(firstName, lastName, email, siteId, extension, language);
    }

    UserDetails details() {
        return UserDetails.of(firstName, lastName, email, siteId, extension, language);
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public String getExtension() { return extension; }
    public void setExtension(String extension) { this.extension = extension; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
