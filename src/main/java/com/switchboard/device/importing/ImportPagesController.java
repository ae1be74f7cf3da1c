package com.switchboard.device.importing;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportCsv;
import com.switchboard.importing.ImportMessages;
import com.switchboard.importing.ImportStatus;
import com.switchboard.importing.ImportView;
import com.switchboard.rules.Conflict;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

@Controller
class ImportPagesController {

    static final int ERRORS_PER_PAGE = 100;
    static final int IMPORTS_PER_PAGE = 50;

    private final DeviceImports imports;
    private final CustomerScope scope;
    private final ImportMessages messages;
    private final JsonMapper json;

    ImportPagesController(DeviceImports imports, CustomerScope scope, ImportMessages messages, JsonMapper json) {
        this.imports = imports;
        this.scope = scope;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/devices/imports")
    String list(@RequestParam(defaultValue = "0") int page, HttpSession session, Model model) {
        CustomerId customer = scope.requireActing(session);
        model.addAttribute("result", imports.list(customer, Math.max(0, page), IMPORTS_PER_PAGE));
        return "importing/list";
    }

    @GetMapping("/devices/imports/instructions")
    String instructions(HttpSession session, Model model) {
        scope.requireActing(session);
        limits(model);
        return "importing/instructions";
    }

    @GetMapping("/devices/imports/new")
    String initCreationForm(@RequestParam(required = false) String tooLarge, HttpSession session, Model model, Locale locale,
                            HttpServletResponse response) {
        scope.requireActing(session);
        if (tooLarge != null) {
            // Sent back here by ImportUploadLimit before the oversized body was read.
            response.setStatus(413);
            model.addAttribute("fileErrors", List.of(messages.message("import.file.too-large",
                    new Object[]{imports.settings().maxBytes().toMegabytes()}, locale)));
        }
        limits(model);
        return "importing/upload";
    }

    @PostMapping("/devices/imports/new")
    String processCreationForm(@RequestParam(name = "file", required = false) MultipartFile file,
                               @RequestParam(defaultValue = "false") boolean updateExisting, HttpSession session,
                               Model model, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                throw new FileProblem.Rejected("import.file.required");
            }
            imports.checkSize(file.getSize());
            ImportView view = imports.submit(customer, file.getOriginalFilename(), file.getBytes(), updateExisting);
            return "redirect:/devices/imports/" + view.id();
        } catch (FileProblem.Rejected e) {
            response.setStatus("import.file.too-large".equals(e.problems().get(0).code()) ? 413 : 422);
            model.addAttribute("updateExisting", updateExisting);
            model.addAttribute("fileErrors", e.problems().stream()
                    .map(p -> messages.message(p.code(), p.args(), locale)).toList());
            limits(model);
            return "importing/upload";
        }
    }

    @GetMapping("/devices/imports/{importId}")
    String show(@PathVariable long importId, @RequestParam(defaultValue = "0") int page, HttpSession session, Model model,
                Locale locale) {
        CustomerId customer = scope.requireActing(session);
        status(customer, importId, Math.max(0, page), model, locale);
        return "importing/show";
    }

    /**
     * The part of the import page that follows the job, polled by htmx every second while it runs. The poll that
     * first sees the job finished also raises the notification.
     */
    @GetMapping("/devices/imports/{importId}/status")
    String statusFragment(@PathVariable long importId, @RequestHeader(name = "HX-Request", required = false) String htmx,
                          HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        CustomerId customer = scope.requireActing(session);
        ImportView view = status(customer, importId, 0, model, locale);
        if (htmx != null && view.finished()) {
            String level = view.status() == ImportStatus.COMPLETED ? "success" : view.status() == ImportStatus.REJECTED ? "warning" : "danger";
            String trigger = json.writeValueAsString(Map.of("toast", Map.of("text", toast(view, locale), "level", level)));
            response.setHeader("HX-Trigger", asciiOnly(trigger));
        }
        return "importing/show :: status";
    }

    @GetMapping("/devices/imports/{importId}/results.csv")
    void results(@PathVariable long importId, HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        ImportView view = imports.get(customer, importId);
        if (!view.finished()) {
            throw new Conflict("import.not-finished");
        }
        csv(response, "import-" + importId + "-results.csv");
        imports.writeResults(customer, importId, locale, response.getOutputStream());
    }

    @GetMapping("/devices/imports/template.csv")
    void template(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        scope.requireActing(session);
        csv(response, "devices-template.csv");
        imports.writeTemplate(locale, response.getOutputStream());
    }

    @GetMapping("/devices/imports/supported-devices.csv")
    void supportedDevices(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        csv(response, "supported-devices.csv");
        imports.writeSupportedDevices(customer, locale, response.getOutputStream());
    }

    @GetMapping("/devices/imports/sites.csv")
    void sites(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        csv(response, "sites.csv");
        imports.writeSites(customer, locale, response.getOutputStream());
    }

    /** One line of the errors table, its message in the reader's language. */
    public record ErrorLine(Integer row, String column, String value, String message) {
    }

    private ImportView status(CustomerId customer, long importId, int page, Model model, Locale locale) {
        ImportView view = imports.get(customer, importId);
        List<ErrorLine> errors = view.errorCount() == 0 ? List.of() : imports.errors(customer, importId, page, ERRORS_PER_PAGE)
                .stream().map(e -> new ErrorLine(e.row(), e.column(), e.value(), messages.message(e, locale))).toList();
        model.addAttribute("job", view);
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", ERRORS_PER_PAGE);
        model.addAttribute("lastPage", Math.max(0, (view.errorCount() - 1) / ERRORS_PER_PAGE));
        return view;
    }

    private String toast(ImportView view, Locale locale) {
        return switch (view.status()) {
            case COMPLETED -> messages.message("import.toast.completed",
                    new Object[]{view.fileName(), view.addedCount(), view.unchangedCount()}, locale);
            case REJECTED -> messages.message("import.toast.rejected", new Object[]{view.fileName(), view.errorCount()}, locale);
            default -> messages.message("import.toast.failed", new Object[]{view.fileName()}, locale);
        };
    }

    private void limits(Model model) {
        model.addAttribute("maxMegabytes", imports.settings().maxBytes().toMegabytes());
        model.addAttribute("maxRows", imports.settings().maxRows());
        model.addAttribute("maxBytes", imports.settings().maxBytes().toBytes());
    }

    /** Header values travel as Latin-1: accents and other letters go as JSON escapes. */
    static String asciiOnly(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static void csv(HttpServletResponse response, String fileName) {
        response.setContentType(ImportCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
