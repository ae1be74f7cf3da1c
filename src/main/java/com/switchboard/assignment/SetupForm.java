package com.switchboard.assignment;

import com.switchboard.user.UserForm;
import com.switchboard.user.UserRequest;

/**
 * What has been typed in the "Set up a user" wizard so far. It lives in the HTTP session (stored in
 * PostgreSQL, hence Serializable) so that going back and forth between the steps keeps everything.
 */
public class SetupForm extends UserForm {

    private static final long serialVersionUID = 1L;

    static final String EXISTING = "existing";
    static final String NEW = "new";
    static final String NONE = "none";

    private Long numberId;
    /** Null until the admin chooses: a phone picked or typed then counts as the choice (see followDeviceInput). */
    private String deviceChoice;
    private String numberQ;
    private String deviceQ;
    private Long deviceId;
    private Long modelId;
    private String macAddress;
    private String label;

    UserRequest person() {
        return request();
    }

    /**
     * A phone picked from the list or typed in is what the admin chose, even without clicking that
     * option's radio button; a choice made with the radio button stands.
     */
    void followDeviceInput() {
        if (deviceChoice != null && !deviceChoice.isBlank()) {
            return;
        }
        if (macAddress != null && !macAddress.isBlank()) {
            deviceChoice = NEW;
        } else if (deviceId != null) {
            deviceChoice = EXISTING;
        }
    }

    UserSetup command() {
        return new UserSetup(person(), numberId, EXISTING.equals(deviceChoice) ? deviceId : null,
                NEW.equals(deviceChoice) ? new UserSetup.NewDevice(modelId, macAddress, label) : null);
    }

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
    public String getNumberQ() { return numberQ; }
    public void setNumberQ(String numberQ) { this.numberQ = numberQ; }
    public String getDeviceQ() { return deviceQ; }
    public void setDeviceQ(String deviceQ) { this.deviceQ = deviceQ; }
    public void setLabel(String label) { this.label = label; }
}
