package com.switchboard.registrar;

import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.tenancy.ProviderOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registrar's state (provider admin) and the NOTIFYs an admin may send to a registered phone. */
@RestController
@Tag(name = "Registrar")
class RegistrarApiController {

    private final Registrar registrar;
    private final CustomerScope scope;

    RegistrarApiController(Registrar registrar, CustomerScope scope) {
        this.registrar = registrar;
        this.scope = scope;
    }

    record StatusBody(boolean attached, boolean managed, String sipAddress, int sipPort, java.util.List<String> transports) {
    }

    @ProviderOnly
    @GetMapping("/api/v1/registrar")
    @Operation(summary = "Whether a registrar is attached and where phones register (provider admin)")
    StatusBody status() {
        RegistrarStatus status = registrar.status();
        return new StatusBody(status.attached(), status.managed(), status.sipAddress(), status.sipPort(), status.transports());
    }

    @PostMapping("/api/v1/customers/{customerId}/devices/{deviceId}/restart")
    @Operation(summary = "Restart the phone: NOTIFY check-sync with reboot; 409 device.not-registered when it is not")
    ResponseEntity<Void> restart(@PathVariable long customerId, @PathVariable long deviceId) {
        registrar.send(scope.require(customerId), new DeviceId(deviceId), Registrar.Command.RESTART);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/customers/{customerId}/devices/{deviceId}/resync")
    @Operation(summary = "Have the phone fetch its configuration again: NOTIFY check-sync; 409 device.not-registered when it is not")
    ResponseEntity<Void> resync(@PathVariable long customerId, @PathVariable long deviceId) {
        registrar.send(scope.require(customerId), new DeviceId(deviceId), Registrar.Command.RESYNC);
        return ResponseEntity.accepted().build();
    }
}
