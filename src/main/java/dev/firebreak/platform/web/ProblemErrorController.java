package dev.firebreak.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container forwards to on errors no controller handled (unknown paths, filter
 * failures): problem+json for API clients, the error page for browsers.
 */
@Controller
class ProblemErrorController implements ErrorController {
    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String detail =
                switch (status) {
                    case NOT_FOUND -> "no resource at " + path;
                    case METHOD_NOT_ALLOWED -> "method not allowed on " + path;
                    case INTERNAL_SERVER_ERROR -> "unexpected server error; see the server log";
                    default -> status.getReasonPhrase();
                };
        if (wantsHtml(request, path)) {
            response.setStatus(status.value());
            model.addAttribute("status", status.value());
            model.addAttribute("reason", status.getReasonPhrase());
            model.addAttribute("detail", detail);
            return "error";
        }
        problems.write(response, ProblemWriter.problem(status, detail, path));
        return null;
    }

    private static boolean wantsHtml(HttpServletRequest request, String path) {
        if (path.startsWith("/api/") || path.startsWith("/v2/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
