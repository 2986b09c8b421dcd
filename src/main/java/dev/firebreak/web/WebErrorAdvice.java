package dev.firebreak.web;

import dev.firebreak.platform.FirebreakException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A page's own errors (unknown runbook, bad input) as the error page with the right status. */
@ControllerAdvice(basePackageClasses = WebErrorAdvice.class, annotations = Controller.class)
class WebErrorAdvice {
    private final CurrentUserAdvice currentUser;

    WebErrorAdvice(CurrentUserAdvice currentUser) {
        this.currentUser = currentUser;
    }

    @ExceptionHandler(FirebreakException.class)
    String firebreak(
            FirebreakException e, HttpServletResponse response, Model model, java.security.Principal principal) {
        currentUser.fill(model, principal);
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("reason", e.status().getReasonPhrase());
        model.addAttribute("detail", e.getMessage());
        return "error";
    }
}
