package com.switchboard.user;

/** A user as an API client sends it; in a PATCH, an absent field keeps its value. */
public record UserRequest(String firstName, String lastName, String email, Long siteId, String extension, String language) {

    public UserDetails details() {
        return UserDetails.of(firstName, lastName, email, siteId, extension, language);
    }

    /** The user's details with the fields this request carries. */
    public UserDetails over(UserView user) {
        return UserDetails.of(firstName == null ? user.firstName() : firstName,
                lastName == null ? user.lastName() : lastName, email == null ? user.email() : email,
                siteId == null ? user.siteId().value() : siteId, extension == null ? user.extension() : extension,
                language == null ? user.language() : language);
    }
}
