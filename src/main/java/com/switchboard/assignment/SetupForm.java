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
    private String deviceChoice = NONE;
    private Long deviceId;
    private Long modelId;
    private String macAddress;
    private String label;

    UserRequest person() {
        return request();
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
    public void setLabel(String label) { this.label = label; }
}
