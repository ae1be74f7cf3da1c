package com.switchboard.importing;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.rules.Conflict;
import com.switchboard.rules.NotFound;
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

/**
 * The pages every kind of import has, under {@code /<kind>/imports/}: the upload form, the instructions, the page
 * that follows an import (its status fragment polled by htmx), its results file and the template. Each kind adds its
 * own helper files and pages beside these.
 */
@Controller
class ImportPagesController {

    static final int ERRORS_PER_PAGE = 100;

    private final Map<String, ImportKind> kinds = new HashMap<>();
    private final CustomerScope scope;
    private final ImportMessages messages;
    private final JsonMapper json;

    ImportPagesController(List<ImportKind> kinds, CustomerScope scope, ImportMessages messages, JsonMapper json) {
        kinds.forEach(kind -> this.kinds.put(kind.pages(), kind));
        this.scope = scope;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/{pages}/imports/new")
    String initCreationForm(@PathVariable String pages, @RequestParam(required = false) String tooLarge,
                            HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        ImportKind kind = kind(pages);
        CustomerId customer = scope.requireActing(session);
        if (tooLarge != null) {
            // Sent back here by ImportUploadLimit before the oversized body was read.
            response.setStatus(413);
            model.addAttribute("fileErrors", List.of(messages.message("import.file.too-large",
                    new Object[]{kind.settings().maxBytes().toMegabytes()}, locale)));
        }
        return upload(kind, customer, model, Map.of());
    }

    @PostMapping("/{pages}/imports/new")
    String processCreationForm(@PathVariable String pages, @RequestParam(name = "file", required = false) MultipartFile file,
                               @RequestParam Map<String, String> form, HttpSession session, Model model, Locale locale,
                               HttpServletResponse response) throws IOException {
        ImportKind kind = kind(pages);
        CustomerId customer = scope.requireActing(session);
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                throw new FileProblem.Rejected("import.file.required");
            }
            kind.checkSize(file.getSize());
            ImportView view = kind.submit(customer, file.getOriginalFilename(), file.getBytes(), form);
            return "redirect:/" + kind.pages() + "/imports/" + view.id();
        } catch (FileProblem.Rejected e) {
            response.setStatus("import.file.too-large".equals(e.problems().get(0).code()) ? 413 : 422);
            model.addAttribute("fileErrors", e.problems().stream()
                    .map(p -> messages.message(p.code(), p.args(), locale)).toList());
            return upload(kind, customer, model, form);
        }
    }

    @GetMapping("/{pages}/imports/instructions")
    String instructions(@PathVariable String pages, HttpSession session, Model model) {
        ImportKind kind = kind(pages);
        scope.requireActing(session);
        limits(kind, model);
        return kind.view("instructions");
    }

    @GetMapping("/{pages}/imports/{importId}")
    String show(@PathVariable String pages, @PathVariable long importId, @RequestParam(defaultValue = "0") int page,
                HttpSession session, Model model, Locale locale) {
        ImportKind kind = kind(pages);
        CustomerId customer = scope.requireActing(session);
        status(kind, customer, importId, Math.max(0, page), model, locale);
        return kind.view("show");
    }

    /**
     * The part of the import page that follows the job, polled by htmx every second while it runs. The poll that
     * first sees the job finished also raises the notification.
     */
    @GetMapping("/{pages}/imports/{importId}/status")
    String statusFragment(@PathVariable String pages, @PathVariable long importId,
                          @RequestHeader(name = "HX-Request", required = false) String htmx,
                          HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        ImportKind kind = kind(pages);
        CustomerId customer = scope.requireActing(session);
        ImportView view = status(kind, customer, importId, 0, model, locale);
        if (htmx != null && view.finished()) {
            String level = view.status() == ImportStatus.COMPLETED ? "success"
                    : view.status() == ImportStatus.REJECTED ? "warning" : "danger";
            String trigger = json.writeValueAsString(Map.of("toast", Map.of("text", toast(kind, view, locale), "level", level)));
            response.setHeader("HX-Trigger", asciiOnly(trigger));
        }
        return kind.view("show") + " :: status";
    }

    @GetMapping("/{pages}/imports/{importId}/results.csv")
    void results(@PathVariable String pages, @PathVariable long importId, HttpSession session, Locale locale,
                 HttpServletResponse response) throws IOException {
        ImportKind kind = kind(pages);
        CustomerId customer = scope.requireActing(session);
        if (!kind.get(customer, importId).finished()) {
            throw new Conflict("import.not-finished");
        }
        ImportCsv.attachment(response, kind.resultsFileName(importId));
        kind.writeResults(customer, importId, locale, response.getOutputStream());
    }

    @GetMapping("/{pages}/imports/template.csv")
    void template(@PathVariable String pages, HttpSession session, Locale locale, HttpServletResponse response)
            throws IOException {
        ImportKind kind = kind(pages);
        scope.requireActing(session);
        ImportCsv.attachment(response, kind.templateFileName());
        kind.writeTemplate(locale, response.getOutputStream());
    }

    /** One line of the errors table, its message in the reader's language. */
    public record ErrorLine(Integer row, String column, String value, String message) {
    }

    private ImportKind kind(String pages) {
        ImportKind kind = kinds.get(pages);
        if (kind == null) {
            throw new NotFound("import.not-found");
        }
        return kind;
    }

    private String upload(ImportKind kind, CustomerId customer, Model model, Map<String, String> options) {
        kind.addToUploadPage(customer, model, options);
        model.addAttribute("kind", kind.pages());
        limits(kind, model);
        return kind.view("upload");
    }

    private ImportView status(ImportKind kind, CustomerId customer, long importId, int page, Model model, Locale locale) {
        ImportView view = kind.get(customer, importId);
        List<ErrorLine> errors = view.errorCount() == 0 ? List.of() : kind.errors(customer, importId, page, ERRORS_PER_PAGE)
                .stream().map(e -> new ErrorLine(e.row(), e.column(), e.value(), messages.message(e, locale))).toList();
        model.addAttribute("kind", kind.pages());
        model.addAttribute("job", view);
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", ERRORS_PER_PAGE);
        model.addAttribute("lastPage", Math.max(0, (view.errorCount() - 1) / ERRORS_PER_PAGE));
        return view;
    }

    private String toast(ImportKind kind, ImportView view, Locale locale) {
        return switch (view.status()) {
            case COMPLETED -> messages.message(kind.completedToastKey(),
                    new Object[]{view.fileName(), view.addedCount(), view.unchangedCount()}, locale);
            case REJECTED -> messages.message("import.toast.rejected", new Object[]{view.fileName(), view.errorCount()}, locale);
            default -> messages.message("import.toast.failed", new Object[]{view.fileName()}, locale);
        };
    }

    private static void limits(ImportKind kind, Model model) {
        model.addAttribute("maxMegabytes", kind.settings().maxBytes().toMegabytes());
        model.addAttribute("maxRows", kind.settings().maxRows());
        model.addAttribute("maxBytes", kind.settings().maxBytes().toBytes());
    }

    /** Header values travel as Latin-1: accents and other letters go as JSON escapes. */
    static String asciiOnly(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
