package com.switchboard.assignment.importing;

import java.io.IOException;
import java.util.Locale;

import com.switchboard.importing.ImportCsv;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Users → Import's own helper file, the customer's free numbers and phones. The upload, the instructions and the
 * page of an import are the importing module's, the same for every kind.
 */
@Controller
class UserImportPagesController {

    private final UserImports imports;
    private final CustomerScope scope;

    UserImportPagesController(UserImports imports, CustomerScope scope) {
        this.imports = imports;
        this.scope = scope;
    }

    @GetMapping("/users/imports/free.csv")
    void free(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        ImportCsv.attachment(response, "free-numbers-and-phones.csv");
        imports.writeFree(customer, locale, response.getOutputStream());
    }
}
