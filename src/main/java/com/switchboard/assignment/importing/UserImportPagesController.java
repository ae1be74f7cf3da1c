package com.switchboard.assignment.importing;

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

/** Users → Import: the helpers, the upload, and the page that follows an import. */
@Controller
class UserImportPagesController {

    static final int ERRORS_PER_PAGE = 100;
    static final int RECENT = 10;

    private final UserImports imports;
    private final CustomerScope scope;
    private final ImportMessages messages;
    private final JsonMapper json;

    UserImportPagesController(UserImports imports, CustomerScope scope, ImportMessages messages, JsonMapper json) {
        this.imports = imports;
        this.scope = scope;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/users/imports/new")
    String initCreationForm(@RequestParam(required = false) String tooLarge, HttpSession session, Model model, Locale locale,
                            HttpServletResponse response) {
        CustomerId customer = scope.requireActing(session);
        if (tooLarge != null) {
            response.setStatus(413);
            model.addAttribute("fileErrors", List.of(messages.message("import.file.too-large",
                    new Object[]{imports.settings().maxBytes().toMegabytes()}, locale)));
        }
        return upload(customer, model);
    }

    @PostMapping("/users/imports/new")
    String processCreationForm(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                               Model model, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                throw new FileProblem.Rejected("import.file.required");
            }
            imports.checkSize(file.getSize());
            ImportView view = imports.submit(customer, file.getOriginalFilename(), file.getBytes());
            return "redirect:/users/imports/" + view.id();
        } catch (FileProblem.Rejected e) {
            response.setStatus("import.file.too-large".equals(e.problems().get(0).code()) ? 413 : 422);
            model.addAttribute("fileErrors", e.problems().stream()
                    .map(p -> messages.message(p.code(), p.args(), locale)).toList());
            return upload(customer, model);
        }
    }

    @GetMapping("/users/imports/instructions")
    String instructions(HttpSession session, Model model) {
        scope.requireActing(session);
        limits(model);
        return "userimport/instructions";
    }

    @GetMapping("/users/imports/{importId}")
    String show(@PathVariable long importId, @RequestParam(defaultValue = "0") int page, HttpSession session, Model model,
                Locale locale) {
        CustomerId customer = scope.requireActing(session);
        status(customer, importId, Math.max(0, page), model, locale);
        return "userimport/show";
    }

    /** The part of the page that follows the job, polled by htmx while it runs; the poll that sees it end raises a toast. */
    @GetMapping("/users/imports/{importId}/status")
    String statusFragment(@PathVariable long importId, @RequestHeader(name = "HX-Request", required = false) String htmx,
                          HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        CustomerId customer = scope.requireActing(session);
        ImportView view = status(customer, importId, 0, model, locale);
        if (htmx != null && view.finished()) {
            String level = view.status() == ImportStatus.COMPLETED ? "success"
                    : view.status() == ImportStatus.REJECTED ? "warning" : "danger";
            String trigger = json.writeValueAsString(Map.of("toast", Map.of("text", toast(view, locale), "level", level)));
            response.setHeader("HX-Trigger", asciiOnly(trigger));
        }
        return "userimport/show :: status";
    }

    @GetMapping("/users/imports/{importId}/results.csv")
    void results(@PathVariable long importId, HttpSession session, Locale locale, HttpServletResponse response)
            throws IOException {
        CustomerId customer = scope.requireActing(session);
        if (!imports.get(customer, importId).finished()) {
            throw new Conflict("import.not-finished");
        }
        csv(response, "user-import-" + importId + "-results.csv");
        imports.writeResults(customer, importId, locale, response.getOutputStream());
    }

    @GetMapping("/users/imports/template.csv")
    void template(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        scope.requireActing(session);
        csv(response, "users-template.csv");
        imports.writeTemplate(locale, response.getOutputStream());
    }

    @GetMapping("/users/imports/free.csv")
    void free(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        csv(response, "free-numbers-and-phones.csv");
        imports.writeFree(customer, locale, response.getOutputStream());
    }

    /** One line of the errors table, its message in the reader's language. */
    public record ErrorLine(Integer row, String column, String value, String message) {
    }

    private String upload(CustomerId customer, Model model) {
        model.addAttribute("recent", imports.recent(customer, RECENT));
        limits(model);
        return "userimport/upload";
    }

    private ImportView status(CustomerId customer, long importId, int page, Model model, Locale locale) {
        ImportView view = imports.get(customer, importId);
        List<ErrorLine> errors = view.errorCount() == 0 ? List.of() : imports.errors(customer, importId, page, ERRORS_PER_PAGE)
                .stream().map(e -> new ErrorLine(e.row(), e.column(), e.value(), messages.message(e, locale))).toList();
        model.addAttribute("job", view);
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(0, (view.errorCount() - 1) / ERRORS_PER_PAGE));
        return view;
    }

    private String toast(ImportView view, Locale locale) {
        return switch (view.status()) {
            case COMPLETED -> messages.message("user-import.toast.completed",
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
    private static String asciiOnly(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    private static void csv(HttpServletResponse response, String fileName) {
        response.setContentType(ImportCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
