package com.switchboard.security;

/** A code typed from the authenticator app, or a recovery code. */
public class CodeForm {

    private String code;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
