package com.switchboard.catalog;

import java.util.Arrays;
import java.util.List;

/** The device-model form as typed; countries as ISO codes separated by commas or blanks. */
public class ModelForm {

    private String manufacturer;
    private String model;
    private String kind = "DESK_PHONE";
    private Integer lineKeys;
    private String provisioningFamily;
    private String countries;
    private boolean active = true;

    static ModelForm of(DeviceModel m) {
        ModelForm form = new ModelForm();
        form.manufacturer = m.manufacturer();
        form.model = m.model();
        form.kind = m.kind().name();
        form.lineKeys = m.lineKeys();
        form.provisioningFamily = m.provisioningFamily();
        form.countries = String.join(", ", m.countries());
        form.active = m.active();
        return form;
    }

    ModelDetails details() {
        List<String> codes = countries == null ? List.of()
                : Arrays.stream(countries.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        return ModelDetails.of(manufacturer, model, kind, lineKeys, provisioningFamily, codes, active);
    }

    public String getManufacturer() { return manufacturer; }
    public void setManufacturer(String manufacturer) { this.manufacturer = manufacturer; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Integer getLineKeys() { return lineKeys; }
    public void setLineKeys(Integer lineKeys) { this.lineKeys = lineKeys; }
    public String getProvisioningFamily() { return provisioningFamily; }
    public void setProvisioningFamily(String provisioningFamily) { this.provisioningFamily = provisioningFamily; }
    public String getCountries() { return countries; }
    public void setCountries(String countries) { this.countries = countries; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
