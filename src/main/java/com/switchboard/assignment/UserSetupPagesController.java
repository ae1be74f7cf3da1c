package com.switchboard.assignment;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.catalog.DeviceModelId;
import com.switchboard.customer.Customers;
import com.switchboard.device.AddDevice;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.number.NumberId;
import com.switchboard.number.NumberView;
import com.switchboard.number.Numbers;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.SiteOptions;
import com.switchboard.user.Users;
import com.switchboard.web.FormErrors;
import com.switchboard.web.Option;
import com.switchboard.web.PickList;
import com.switchboard.web.Toast;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Set up a user" wizard: person → number → device → review → create. What is typed is kept in
 * the session between steps; a step's problems are shown on that step, and the final create, which
 * checks everything again in one transaction, sends the admin back to the step a refusal belongs to.
 */
@Controller
@RequestMapping("/users/setup")
class UserSetupPagesController {

    static final String DRAFT = "switchboard.userSetup";

    /** The steps, in order, with the fields each one may change. */
    enum Step {
        PERSON("firstName", "lastName", "email", "siteId", "extension", "language"),
        NUMBER("numberId", "numberQ"),
        DEVICE("deviceChoice", "deviceId", "deviceQ", "modelId", "macAddress", "label"),
        REVIEW;

        final String[] fields;

        Step(String... fields) {
            this.fields = fields;
        }

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Step of(String path) {
            for (Step step : values()) {
                if (step.path().equals(path)) {
                    return step;
                }
            }
            throw new NotFound("request.not-found");
        }
    }

    private final UserSetups setups;
    private final Picks picks;
    private final Users users;
    private final Numbers numbers;
    private final DeviceInventory devices;
    private final Sites sites;
    private final Customers customers;
    private final MessageSource messages;

    UserSetupPagesController(UserSetups setups, Picks picks, Users users, Numbers numbers, DeviceInventory devices, Sites sites,
                             Customers customers, MessageSource messages) {
        this.setups = setups;
        this.picks = picks;
        this.users = users;
        this.numbers = numbers;
        this.devices = devices;
        this.sites = sites;
        this.customers = customers;
        this.messages = messages;
    }

    /** A fresh wizard; from the Numbers page it starts with that number (and its site) chosen. */
    @GetMapping({"", "/start"})
    String start(@RequestParam(required = false) Long numberId, HttpSession session, @Acting CustomerId customer) {
        SetupForm draft = new SetupForm();
        // The next free extension of the customer; the language left to the site (resolved on Next).
        users.nextExtension(customer).ifPresent(draft::setExtension);
        draft.setLanguage("");
        List<Site> all = sites.of(customer);
        if (all.size() == 1) {
            draft.setSiteId(all.get(0).id().value());
            draft.setLanguage(languageOf(customer, all.get(0)));
        }
        if (numberId != null) {
            NumberView number = numbers.get(customer, new NumberId(numberId));
            if (number.available()) {
                draft.setSiteId(number.siteId().value());
                draft.setNumberId(number.id().value());
            }
        }
        session.setAttribute(DRAFT, draft);
        return "redirect:/users/setup/person";
    }

    @GetMapping("/{step}")
    String show(@PathVariable String step, HttpSession session, @Acting CustomerId customer, Model model) {
        SetupForm draft = draft(session);
        Step current = Step.of(step);
        if (draft == null) {
            return "redirect:/users/setup/start";
        }
        if (current != Step.PERSON && draft.getSiteId() == null) {
            return "redirect:/users/setup/person";
        }
        return render(customer, current, draft, null, model);
    }

    /**
     * Next (checks the step), back (keeps what was typed without checking) or search (a pick-list's
     * search without scripts: the same step again with the matches, nothing checked).
     */
    @PostMapping("/{step}")
    String process(@PathVariable String step, @RequestParam(defaultValue = "next") String go, HttpServletRequest request,
                   HttpSession session, @Acting CustomerId customer, Model model, HttpServletResponse response) {
        Step current = Step.of(step);
        SetupForm draft = draft(session);
        if (draft == null) {
            return "redirect:/users/setup/start";
        }
        ServletRequestDataBinder binder = new ServletRequestDataBinder(draft, "setup");
        binder.setAllowedFields(current.fields);
        binder.bind(request);
        BindingResult result = binder.getBindingResult();
        if (current == Step.DEVICE) {
            draft.followDeviceInput();
        }
        session.setAttribute(DRAFT, draft);
        if ("search".equals(go) && current != Step.PERSON) {
            return render(customer, current, draft, null, model);
        }
        if ("back".equals(go) && current != Step.PERSON) {
            return "redirect:/users/setup/" + Step.values()[current.ordinal() - 1].path();
        }
        if (!result.hasErrors()) {
            try {
                check(customer, current, draft);
            } catch (DomainException e) {
                reject(e, result);
            }
        }
        session.setAttribute(DRAFT, draft);
        if (result.hasErrors()) {
            response.setStatus(422);
            return render(customer, current, draft, result, model);
        }
        return "redirect:/users/setup/" + Step.values()[current.ordinal() + 1].path();
    }

    @PostMapping("/create")
    String create(HttpSession session, @Acting CustomerId customer, Model model, Locale locale, HttpServletResponse response,
                  RedirectAttributes redirect) {
        SetupForm draft = draft(session);
        if (draft == null) {
            return "redirect:/users/setup/start";
        }
        try {
            UserProfile created = setups.create(customer, draft.command());
            session.removeAttribute(DRAFT);
            Toast.success(redirect, messages.getMessage("assignment.setup.toast",
                    new Object[]{created.user().fullName(), created.numbers().size(), created.devices().size()}, locale));
            return "redirect:/users/" + created.user().id();
        } catch (DomainException e) {
            Step step = stepOf(e);
            BindingResult result = new ServletRequestDataBinder(draft, "setup").getBindingResult();
            reject(e, result);
            response.setStatus(e instanceof Conflict ? 409 : 422);
            return render(customer, step, draft, result, model);
        }
    }

    /** The checks of one step, the same the final create makes. */
    private void check(CustomerId customer, Step step, SetupForm draft) {
        switch (step) {
            case PERSON -> {
                if ((draft.getLanguage() == null || draft.getLanguage().isBlank()) && draft.getSiteId() != null) {
                    sites.of(customer).stream().filter(s -> s.id().value() == draft.getSiteId()).findFirst()
                            .ifPresent(site -> draft.setLanguage(languageOf(customer, site)));
                }
                setups.checkPerson(customer, draft.person());
                // A number or device of another site no longer fits once the site changed.
                if (draft.getNumberId() != null && !numberFits(customer, draft)) {
                    draft.setNumberId(null);
                }
                if (draft.getDeviceId() != null && !deviceFits(customer, draft)) {
                    draft.setDeviceId(null);
                    draft.setDeviceChoice(null);
                }
            }
            case NUMBER -> {
                if (draft.getNumberId() != null) {
                    field("numberId", () -> numbers.checkAssignable(customer, new NumberId(draft.getNumberId()),
                            new SiteId(draft.getSiteId())));
                }
            }
            case DEVICE -> checkDevice(customer, draft);
            case REVIEW -> {
            }
        }
    }

    private void checkDevice(CustomerId customer, SetupForm draft) {
        draft.followDeviceInput();
        String choice = draft.getDeviceChoice() == null ? SetupForm.NONE : draft.getDeviceChoice();
        if (SetupForm.EXISTING.equals(choice)) {
            if (draft.getDeviceId() == null) {
                throw Refused.field("deviceId", "validation.required");
            }
            field("deviceId", () -> devices.checkAssignable(customer, new DeviceId(draft.getDeviceId()),
                    new SiteId(draft.getSiteId())));
        } else if (SetupForm.NEW.equals(choice)) {
            devices.check(new AddDevice(customer, SiteId.of(draft.getSiteId()), DeviceModelId.of(draft.getModelId()),
                    draft.getMacAddress(), draft.getLabel()));
        } else if (!SetupForm.NONE.equals(choice)) {
            throw Refused.field("deviceChoice", "validation.required");
        }
    }

    private boolean numberFits(CustomerId customer, SetupForm draft) {
        return chosenNumber(customer, draft) != null;
    }

    private boolean deviceFits(CustomerId customer, SetupForm draft) {
        return picks.freeDevices(customer, new SiteId(draft.getSiteId()), null, draft.getDeviceId()).selected() != null;
    }

    /** The chosen number as the review shows it, or null when none is chosen or it no longer fits the site. */
    private String chosenNumber(CustomerId customer, SetupForm draft) {
        if (draft.getNumberId() == null) {
            return null;
        }
        PickList list = picks.availableNumbers(customer, new SiteId(draft.getSiteId()), null, draft.getNumberId());
        return list.items().stream().filter(list::isSelected).findFirst().map(Option::label).orElse(null);
    }

    /** A "not found" of an id the admin picked belongs next to the field that picked it. */
    private static <T> T field(String field, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (DomainException e) {
            throw e.onField(field);
        }
    }

    /** Which step a refusal of the final create belongs to, from the fields it names. */
    private static Step stepOf(DomainException e) {
        for (FieldProblem problem : e.fieldProblems()) {
            if (problem.field().startsWith("user.")) {
                return Step.PERSON;
            }
            if (problem.field().equals("numberId")) {
                return Step.NUMBER;
            }
            if (problem.field().startsWith("newDevice.") || problem.field().startsWith("device")) {
                return Step.DEVICE;
            }
        }
        if (e.code().startsWith("number.")) {
            return Step.NUMBER;
        }
        return e.code().startsWith("device.") ? Step.DEVICE : Step.REVIEW;
    }

    /** Puts the problems on the wizard's fields: {@code user.email} → email, {@code newDevice.macAddress} → macAddress. */
    private static void reject(DomainException e, BindingResult result) {
        List<FieldProblem> problems = e.fieldProblems().stream()
                .map(p -> new FieldProblem(p.field().replaceFirst("^(user|newDevice)\\.", ""), p.code(), p.args()))
                .toList();
        FormErrors.reject(e.withFieldProblems(problems), result);
    }

    /** The language a new user of that site is proposed: the site's, else the customer's. */
    private String languageOf(CustomerId customer, Site site) {
        return site.language() != null ? site.language() : customers.get(customer).language();
    }

    private String render(CustomerId customer, Step step, SetupForm draft, BindingResult result, Model model) {
        List<Site> all = sites.of(customer);
        Site site = draft.getSiteId() == null ? null
                : all.stream().filter(s -> s.id().value() == draft.getSiteId()).findFirst().orElse(null);
        if (site == null && step != Step.PERSON) {
            // The site went away (or was never chosen): the person step is where one is picked.
            step = Step.PERSON;
        }
        model.addAttribute("setup", draft);
        if (result != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "setup", result);
        }
        model.addAttribute("step", step.path());
        model.addAttribute("stepIndex", step.ordinal() + 1);
        model.addAttribute("steps", java.util.Arrays.stream(Step.values()).map(Step::path).toList());
        model.addAttribute("sites", SiteOptions.of(all));
        model.addAttribute("languageFromSite", true);
        model.addAttribute("site", site);
        if (site != null && step == Step.NUMBER) {
            model.addAttribute("numberPick", picks.availableNumbers(customer, site.id(), draft.getNumberQ(), draft.getNumberId()));
        }
        if (site != null && (step == Step.DEVICE || step == Step.REVIEW)) {
            List<DeviceModel> models = devices.modelsAt(customer, site.id());
            model.addAttribute("models", models.stream()
                    .map(m -> new Option(Long.toString(m.id().value()), m.displayName())).toList());
            if (step == Step.DEVICE) {
                model.addAttribute("devicePick", picks.freeDevices(customer, site.id(), draft.getDeviceQ(), draft.getDeviceId()));
            } else {
                model.addAttribute("chosenNumber", chosenNumber(customer, draft));
                model.addAttribute("chosenDevice", chosenDevice(customer, draft, models));
            }
        }
        return "assignment/setup";
    }

    /** What the review says of the device: exactly what will be assigned or added, or null for none. */
    private String chosenDevice(CustomerId customer, SetupForm draft, List<DeviceModel> models) {
        if (SetupForm.EXISTING.equals(draft.getDeviceChoice()) && draft.getDeviceId() != null) {
            PickList list = picks.freeDevices(customer, new SiteId(draft.getSiteId()), null, draft.getDeviceId());
            return list.items().stream().filter(list::isSelected).findFirst().map(Option::label).orElse(null);
        }
        if (SetupForm.NEW.equals(draft.getDeviceChoice()) && draft.getModelId() != null) {
            String model = models.stream().filter(m -> m.id().value() == draft.getModelId()).findFirst()
                    .map(DeviceModel::displayName).orElse("");
            return draft.getMacAddress() + " · " + model;
        }
        return null;
    }

    private static SetupForm draft(HttpSession session) {
        return session.getAttribute(DRAFT) instanceof SetupForm draft ? draft : null;
    }
}
