package com.switchboard.assignment;

import java.io.Serializable;

import com.switchboard.user.UserRequest;

/**
 * What has been typed in the "Set up a user" wizard so far. It lives in the HTTP session (stored in
 * PostgreSQL, hence Serializable) so that going back and forth between the steps keeps everything.
 */
public class SetupForm implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String EXISTING = "existing";
    static final String NEW = "new";
    static final String NONE = "none";

    private String firstName;
    private String lastName;
    private String email;
    private Long siteId;
    private String extension;
    private String language;
    private Long numberId;
    private String deviceChoice = NONE;
    private Long deviceId;
    private Long modelId;
    private String macAddress;
    private String label;

    UserRequest person() {
        return new UserRequest(firstName, lastName, email, siteId, extension, language);
    }

    UserSetup command() {
        return new UserSetup(person(), numberId, EXISTING.equals(deviceChoice) ? deviceId : null,
                NEW.equals(deviceChoice) ? new UserSetup.NewDevice(modelId, macAddress, label) : null);
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
    public Long getNumberId() { return numberId; }
    public void setNumberId(Long numberId) { this.numberId = numberId; }
    public String getDeviceChoice() { return deviceChoice; }
    public void setDeviceChoice(String deviceChoice) { this.deviceChoice = deviceChoice; }
    public Long getDeviceId() { return deviceId; }
    public void setDeviceId(Long deviceId) { this.deviceId = deviceId; }
    public Long getModelId() { return modelId; }
    public void setModelId(Long modelId) { this.modelId = modelId; }
    public String getMacAddress() { return macAddress; }
    public void setMacAddress(String macAddress) { this.macAddress = macAddress; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
}
