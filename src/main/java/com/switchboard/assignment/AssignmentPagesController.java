package com.switchboard.assignment;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.number.NumberId;
import com.switchboard.number.NumberView;
import com.switchboard.number.Numbers;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.Refused;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;
import com.switchboard.user.Users;
import com.switchboard.web.Problems;
import com.switchboard.web.Toast;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's page with their numbers and devices, and "Assign user" on a number's and a device's own page. */
@Controller
class AssignmentPagesController {

    private final Assignments assignments;
    private final Picks picks;
    private final Users users;
    private final Numbers numbers;
    private final DeviceInventory devices;
    private final MessageSource messages;

    AssignmentPagesController(Assignments assignments, Picks picks, Users users, Numbers numbers, DeviceInventory devices,
                              MessageSource messages) {
        this.assignments = assignments;
        this.picks = picks;
        this.users = users;
        this.numbers = numbers;
        this.devices = devices;
        this.messages = messages;
    }

    /** The user's page; numberQ and deviceQ are the searches of its pick-lists (without scripts). */
    @GetMapping("/users/{userId}")
    String user(@PathVariable long userId, @RequestParam(required = false) String numberQ,
                @RequestParam(required = false) String deviceQ, @Acting CustomerId customer, Model model) {
        return userPage(customer, new UserId(userId), numberQ, deviceQ, null, model);
    }

    @PostMapping("/users/{userId}/numbers")
    String assignNumberToUser(@PathVariable long userId, @RequestParam(required = false) Long numberId,
                              @Acting CustomerId customer, Model model, Locale locale, HttpServletResponse response,
                              RedirectAttributes redirect) {
        try {
            if (numberId == null) {
                throw Refused.field("numberId", "validation.required");
            }
            NumberView number = assignments.assignNumber(customer, new NumberId(numberId), userId);
            Toast.success(redirect, messages.getMessage("assignment.toast.number.assigned",
                    new Object[]{number.number().national(), number.assignedUserName()}, locale));
            return "redirect:/users/" + userId;
        } catch (DomainException e) {
            response.setStatus(status(e));
            return userPage(customer, new UserId(userId), null, null, e, model);
        }
    }

    @PostMapping("/users/{userId}/numbers/{numberId}/delete")
    String unassignNumberFromUser(@PathVariable long userId, @PathVariable long numberId, @Acting CustomerId customer,
                                  Locale locale, RedirectAttributes redirect) {
        NumberView number = assignments.unassignNumber(customer, new NumberId(numberId));
        Toast.success(redirect, messages.getMessage("assignment.toast.number.unassigned",
                new Object[]{number.number().national()}, locale));
        return "redirect:/users/" + userId;
    }

    @PostMapping("/users/{userId}/devices")
    String assignDeviceToUser(@PathVariable long userId, @RequestParam(required = false) Long deviceId,
                              @Acting CustomerId customer, Model model, Locale locale, HttpServletResponse response,
                              RedirectAttributes redirect) {
        try {
            if (deviceId == null) {
                throw Refused.field("deviceId", "validation.required");
            }
            DeviceView device = assignments.assignDevice(customer, new DeviceId(deviceId), userId);
            Toast.success(redirect, messages.getMessage("assignment.toast.device.assigned",
                    new Object[]{device.macAddress().display()}, locale));
            return "redirect:/users/" + userId;
        } catch (DomainException e) {
            response.setStatus(status(e));
            return userPage(customer, new UserId(userId), null, null, e, model);
        }
    }

    @PostMapping("/users/{userId}/devices/{deviceId}/delete")
    String unassignDeviceFromUser(@PathVariable long userId, @PathVariable long deviceId, @Acting CustomerId customer,
                                  Locale locale, RedirectAttributes redirect) {
        DeviceView device = assignments.unassignDevice(customer, new DeviceId(deviceId));
        Toast.success(redirect, messages.getMessage("assignment.toast.device.unassigned",
                new Object[]{device.macAddress().display()}, locale));
        return "redirect:/users/" + userId;
    }

    /** Says what removing the user frees before doing it. */
    @GetMapping("/users/{userId}/delete")
    String confirmRemoval(@PathVariable long userId, @Acting CustomerId customer, Model model) {
        model.addAttribute("profile", assignments.profile(customer, new UserId(userId)));
        return "assignment/user-delete";
    }

    @PostMapping("/users/{userId}/delete")
    String remove(@PathVariable long userId, @Acting CustomerId customer, Locale locale, RedirectAttributes redirect) {
        UserProfile removed = assignments.removeUser(customer, new UserId(userId));
        Toast.success(redirect, messages.getMessage("assignment.toast.user.deleted",
                new Object[]{removed.user().fullName(), removed.numbers().size(), removed.devices().size()}, locale));
        return "redirect:/users";
    }

    @GetMapping("/numbers/{numberId}/assignment")
    String initNumberAssignmentForm(@PathVariable long numberId, @RequestParam(required = false) String userQ,
                                    @RequestParam(required = false) Long userId, @Acting CustomerId customer, Model model) {
        return numberPage(customer, new NumberId(numberId), userQ, userId, null, model);
    }

    @PostMapping("/numbers/{numberId}/assignment")
    String processNumberAssignmentForm(@PathVariable long numberId, @RequestParam(required = false) Long userId,
                                       @Acting CustomerId customer, Model model, Locale locale, HttpServletResponse response,
                                       RedirectAttributes redirect) {
        try {
            NumberView number = assignments.assignNumber(customer, new NumberId(numberId), userId);
            Toast.success(redirect, messages.getMessage("assignment.toast.number.assigned",
                    new Object[]{number.number().national(), number.assignedUserName()}, locale));
            return "redirect:/numbers?siteId=" + number.siteId();
        } catch (DomainException e) {
            response.setStatus(status(e));
            return numberPage(customer, new NumberId(numberId), null, userId, e, model);
        }
    }

    @PostMapping("/numbers/{numberId}/assignment/delete")
    String unassignNumber(@PathVariable long numberId, @Acting CustomerId customer, Locale locale, RedirectAttributes redirect) {
        NumberView number = assignments.unassignNumber(customer, new NumberId(numberId));
        Toast.success(redirect, messages.getMessage("assignment.toast.number.unassigned",
                new Object[]{number.number().national()}, locale));
        return "redirect:/numbers?siteId=" + number.siteId();
    }

    /** The device's assignment, a panel of the device's page (htmx) or a page of its own without scripts. */
    @GetMapping("/devices/{deviceId}/assignment")
    String initDeviceAssignmentForm(@PathVariable long deviceId, @RequestParam(required = false) String userQ,
                                    @RequestHeader(name = "HX-Request", required = false) String htmx,
                                    @Acting CustomerId customer, Model model) {
        devicePanel(customer, new DeviceId(deviceId), userQ, null, model);
        return htmx != null ? "assignment/device :: panel" : "assignment/device";
    }

    @PostMapping("/devices/{deviceId}/assignment")
    String processDeviceAssignmentForm(@PathVariable long deviceId, @RequestParam(required = false) Long userId,
                                       @Acting CustomerId customer, Model model, Locale locale, HttpServletResponse response,
                                       RedirectAttributes redirect) {
        try {
            DeviceView device = assignments.assignDevice(customer, new DeviceId(deviceId), userId);
            Toast.success(redirect, messages.getMessage("assignment.toast.device.assigned",
                    new Object[]{device.macAddress().display()}, locale));
            return "redirect:/devices/" + deviceId;
        } catch (DomainException e) {
            response.setStatus(status(e));
            devicePanel(customer, new DeviceId(deviceId), null, e, model);
            return "assignment/device";
        }
    }

    @PostMapping("/devices/{deviceId}/assignment/delete")
    String unassignDevice(@PathVariable long deviceId, @Acting CustomerId customer, Locale locale, RedirectAttributes redirect) {
        DeviceView device = assignments.unassignDevice(customer, new DeviceId(deviceId));
        Toast.success(redirect, messages.getMessage("assignment.toast.device.unassigned",
                new Object[]{device.macAddress().display()}, locale));
        return "redirect:/devices/" + deviceId;
    }

    private String userPage(CustomerId customer, UserId userId, String numberQ, String deviceQ, DomainException error,
                            Model model) {
        UserProfile profile = assignments.profile(customer, userId);
        model.addAttribute("profile", profile);
        model.addAttribute("numberPick", picks.availableNumbers(customer, profile.user().siteId(), numberQ, null));
        model.addAttribute("devicePick", picks.freeDevices(customer, profile.user().siteId(), deviceQ, null));
        model.addAttribute("error", error);
        return "assignment/user";
    }

    private String numberPage(CustomerId customer, NumberId numberId, String userQ, Long userId, DomainException error,
                              Model model) {
        NumberView number = numbers.get(customer, numberId);
        model.addAttribute("number", number);
        model.addAttribute("userPick", picks.usersAt(customer, number.siteId(), userQ, userId));
        model.addAttribute("error", error);
        return "assignment/number";
    }

    private void devicePanel(CustomerId customer, DeviceId deviceId, String userQ, DomainException error, Model model) {
        DeviceView device = devices.get(customer, deviceId);
        model.addAttribute("device", device);
        model.addAttribute("holder", device.assignedUserId() == null ? null
                : users.get(customer, new UserId(device.assignedUserId())));
        model.addAttribute("userPick", picks.usersAt(customer, device.siteId(), userQ, null));
        model.addAttribute("error", error);
    }

    private static int status(DomainException e) {
        return Problems.status(e).value();
    }
}
